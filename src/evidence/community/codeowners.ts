// A CODEOWNERS reader, GitHub's syntax: `pattern owner…` per line, `#` comments (whole-line or
// trailing, `\#` escapes one), a pattern with no owners resets ownership, owners are `@login`,
// `@org/team` or an e-mail. Also finds the comment sections that name retired (emeritus) owners.
import { EMERITUS, mentionsIn } from './people.js';

export type OwnerKind = 'user' | 'team' | 'email';

export interface Owner {
  kind: OwnerKind;
  /** `login`, `org/team` or the e-mail, as written (without `@`) */
  id: string;
  line: number;
}

export interface CodeownersRule {
  line: number;
  pattern: string;
  owners: Owner[];
}

export interface EmeritusSection {
  line: number;
  heading: string;
  /** the people the section names: @logins, e-mails or the text of each entry */
  names: string[];
}

export interface Codeowners {
  /** rules that name at least one owner */
  rules: CodeownersRule[];
  /** patterns with no owners: they take ownership away */
  resets: CodeownersRule[];
  /** distinct owners over all rules, in order of first appearance */
  owners: Owner[];
  invalid: { line: number; text: string; reason: string }[];
  emeritus: EmeritusSection[];
}

const USER = /^@([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))$/;
const TEAM = /^@([A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9][\w.-]{0,99})$/;
const EMAIL = /^[\w.+-]{1,64}@[A-Za-z0-9-]{1,63}(\.[A-Za-z0-9-]{1,63})+$/;

/** Splits at the first unescaped `#`: what precedes it, and the comment text (undefined if none). */
function splitComment(line: string): [string, string | undefined] {
  for (let k = 0; k < line.length; k++) {
    const ch = line[k];
    if (ch === '\\') {
      k++;
      continue;
    }
    if (ch === '#') return [line.slice(0, k), line.slice(k + 1)];
  }
  return [line, undefined];
}

/** Whitespace-separated tokens; a backslash keeps the next character (escaped `#` or space). */
function tokens(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let k = 0; k < s.length; k++) {
    const ch = s[k]!;
    if (ch === '\\' && k + 1 < s.length) {
      cur += s[k + 1];
      k++;
    } else if (ch === ' ' || ch === '\t') {
      if (cur) out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

export function parseCodeowners(text: string): Codeowners {
  const result: Codeowners = { rules: [], resets: [], owners: [], invalid: [], emeritus: [] };
  const seen = new Set<string>();
  let section: EmeritusSection | undefined;
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((raw, k) => {
    const line = k + 1;
    const [body, comment] = splitComment(raw.length > 4000 ? raw.slice(0, 4000) : raw);
    const isCommentLine = body.trim() === '' && comment !== undefined;
    if (isCommentLine) {
      const c = comment.trim();
      if (isEmeritusHeading(c)) {
        section = { line, heading: c.replace(/^[#=\-*\s]+|[#=\-*\s:]+$/g, ''), names: namesIn(c) };
        result.emeritus.push(section);
      } else if (section && c !== '' && !/^[#=\-*\s]*$/.test(c)) {
        section.names.push(...(namesIn(c).length > 0 ? namesIn(c) : [c]));
      }
      return;
    }
    if (body.trim() === '') {
      section = undefined; // a blank line ends a comment section
      return;
    }
    section = undefined;
    const [pattern, ...ownerTokens] = tokens(body.trim());
    if (!pattern) return;
    if (/^\^?\[[^\]]*\](\[\d+\])?$/.test(pattern)) {
      result.invalid.push({ line, text: raw.trim(), reason: 'a GitLab section header; GitHub ignores it' });
      return;
    }
    const owners: Owner[] = [];
    for (const t of ownerTokens) {
      const user = USER.exec(t);
      const team = TEAM.exec(t);
      if (team) owners.push({ kind: 'team', id: team[1]!, line });
      else if (user) owners.push({ kind: 'user', id: user[1]!, line });
      else if (EMAIL.test(t)) owners.push({ kind: 'email', id: t, line });
      else {
        // GitHub skips a line with invalid syntax entirely, so its valid owners don't count either
        result.invalid.push({
          line,
          text: t,
          reason: `${JSON.stringify(t)} is not an owner: expected @login, @org/team or an e-mail address; GitHub skips this line`,
        });
        return;
      }
    }
    const rule = { line, pattern, owners };
    if (owners.length === 0) {
      if (ownerTokens.length === 0) result.resets.push(rule);
      return;
    }
    result.rules.push(rule);
    for (const o of owners) {
      const key = `${o.kind}:${o.id.toLowerCase()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      result.owners.push(o);
    }
  });
  return result;
}

/** A short comment that announces retired owners ("Emeritus", "--- Retired committers ---", "Alumni: @a @b"). */
function isEmeritusHeading(comment: string): boolean {
  const at = comment.search(EMERITUS);
  if (at < 0) return false;
  const before = comment
    .slice(0, at)
    .replace(/[#=\-*]/g, ' ')
    .trim();
  const label = comment.split(':')[0]!;
  // prose that merely mentions the word ("this rule covers retired modules") is not a heading
  return before.split(/\s+/).filter(Boolean).length <= 2 && label.split(/\s+/).filter(Boolean).length <= 6;
}

function namesIn(text: string): string[] {
  const m = mentionsIn(text);
  return [...m.logins.map((l) => `@${l}`), ...m.teams.map((t) => `@${t}`), ...m.emails];
}
