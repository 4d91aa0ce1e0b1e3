// Reading the answers people actually write: placeholders for "nothing", addresses inside mailto
// links and prose, handles as @name or profile URLs, URLs with a sentence around them.
import { GITHUB_COM, parseRepoUrl } from '../../util/repo-url.js';
import { uniqueIgnoringCase } from '../../util/unique.js';

/** Answers that mean "no answer" (GitHub's own `_No response_` and what people type instead). */
const PLACEHOLDERS = new Set([
  'no response',
  'n/a',
  'na',
  'n a',
  'none',
  'tbd',
  'tba',
  'todo',
  '-',
  '--',
  'nil',
  'null',
  'not applicable',
  'not available',
  'nothing',
  'no',
]);

/** The placeholder an answer consists of, lower-cased (`_No response_` → `no response`), or undefined. */
export function placeholderOf(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return 'empty';
  // the longest placeholder with some emphasis around it; longer answers are answers
  if (trimmed.length > 40) return undefined;
  const bare = trimChars(trimmed, '*_`> \t\n', '*_` \t\n.!').toLowerCase();
  if (bare === '') return 'empty';
  return PLACEHOLDERS.has(bare) ? bare : undefined;
}

/**
 * Removes leading characters in `lead` and trailing ones in `tail`. A loop, not `/[…]+$/`: that
 * pattern is quadratic on a long run of the characters followed by something else.
 */
export function trimChars(s: string, lead: string, tail: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && lead.includes(s[start]!)) start++;
  while (end > start && tail.includes(s[end - 1]!)) end--;
  return s.slice(start, end);
}

export { isEmail } from '../../util/email.js';
import { isEmail } from '../../util/email.js';

export interface ListResult {
  values: string[];
  /** Pieces that look like an attempt at a value but are not a valid one. */
  invalid: string[];
}

/**
 * E-mail addresses in free text: separated by commas, semicolons, spaces or lines, inside
 * `[x](mailto:x)`, `<x>` or `Name <x>`; duplicates (case-insensitive) once.
 */
export function extractEmails(text: string): ListResult {
  const cleaned = text
    .replace(/\[([^\]\n]{0,500})\]\(\s*mailto:([^)\s]{0,320})\s*\)/gi, ' $2 ')
    .replace(/mailto:/gi, ' ')
    .replace(/[<>()[\]"'`*]/g, ' ');
  const values: string[] = [];
  const invalid: string[] = [];
  const seen = new Set<string>();
  for (const raw of cleaned.split(/[\s,;]+/)) {
    const token = trimChars(raw, '.:', '.:');
    if (!token.includes('@')) continue;
    if (isEmail(token)) {
      const key = token.toLowerCase();
      if (!seen.has(key)) {
        seen.add(key);
        values.push(token);
      }
    } else invalid.push(token);
  }
  return { values, invalid };
}

const HANDLE = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const NOT_HANDLES = new Set(['and', 'or', 'the', 'of', 'maintainers', 'maintainer', 'handles', 'github', 'lead', 'core', 'team', 'etc']);

export function isGitHubHandle(s: string): boolean {
  return HANDLE.test(s);
}

/**
 * GitHub handles: `@name`, `https://github.com/name`, `[@name](https://github.com/name)` or bare
 * names, separated by commas, semicolons, lines or spaces, in list bullets or not. Within one
 * comma/line-separated item that marks a handle (an `@` or a profile URL) only the marked ones
 * count, so prose around them ("lead: @a") is not read as names; e-mail addresses never are.
 */
export function extractHandles(text: string): ListResult {
  const withoutLinks = text.replace(/\[([^\]\n]{0,500})\]\(([^)\s]{0,2000})\)/g, ' $2 ');
  const values: string[] = [];
  const invalid: string[] = [];
  const marked = /(?:https?:\/\/)?(?:www\.)?github\.com\/([^\s/,;)<>]+)[^\s,;)<>]*|(?<![\w.@/-])@([^\s,;()<>[\]]+)/gi;
  for (const rawItem of withoutLinks.split(/[,;\n]+/)) {
    const item = rawItem.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '');
    const found = [...item.matchAll(marked)];
    if (found.length > 0) {
      for (const m of found) classify(m[1] ?? m[2]!, values, invalid);
      continue;
    }
    for (const raw of item.split(/\s+/)) {
      const token = trimChars(raw, '("\'`*', ')"\'`*.:');
      if (token === '' || NOT_HANDLES.has(token.toLowerCase())) continue;
      if (token.includes('@')) continue; // an e-mail address in the wrong field
      classify(token, values, invalid);
    }
  }
  return { values: uniqueIgnoringCase(values), invalid };
}

function classify(raw: string, values: string[], invalid: string[]): void {
  const token = trimChars(raw, '', '.:!?');
  if (isGitHubHandle(token)) values.push(token);
  else invalid.push(token);
}

export interface FoundUrl {
  url: string;
  /** Why it is not a usable web address (not http(s), no host …): such a URL is not kept. */
  problem?: string;
  /** Why it is a usable address but not a repository (a GitHub organisation): kept, flagged where a repository is asked for. */
  notARepository?: string;
  /** For github.com: the path's owner and repository (repo undefined for an organisation URL). */
  github?: { owner: string; repo?: string };
}

/**
 * URLs in free text: `http(s)://…`, markdown links, `<…>`, and the scheme-less `github.com/a/b`
 * people type; trailing punctuation of the sentence and a `.git` suffix are not part of it.
 */
export function extractUrls(text: string): FoundUrl[] {
  const out: FoundUrl[] = [];
  const seen = new Set<string>();
  const pattern = /\bhttps?:\/\/[^\s<>"'`\]()]+(?:\([^\s<>"'`()]*\)[^\s<>"'`\]()]*)*|(?<![\w./@-])(?:www\.)?github\.com\/[^\s<>"'`\])]+/gi;
  for (const m of text.matchAll(pattern)) {
    let url = trimChars(m[0], '', '.,;:!?*');
    if (!/^https?:\/\//i.test(url)) url = `https://${url}`;
    const found = checkUrl(url);
    if (seen.has(found.url)) continue;
    seen.add(found.url);
    out.push(found);
  }
  return out;
}

export function checkUrl(input: string): FoundUrl {
  let parsed: URL;
  try {
    parsed = new URL(input);
  } catch {
    return { url: input, problem: `"${input}" is not a valid URL` };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return { url: input, problem: `"${input}" is not a web address (expected http:// or https://)` };
  }
  const host = parsed.hostname.toLowerCase();
  if (!host.includes('.') || host.startsWith('.') || host.endsWith('.')) {
    return { url: input, problem: `"${input}" has no valid host name` };
  }
  const repoUrl = parseRepoUrl(input, GITHUB_COM);
  if (!repoUrl) return { url: input };
  const owner = repoUrl.owner;
  if (owner === undefined) return { url: input, problem: `"${input}" is GitHub itself, not a repository` };
  const repo = repoUrl.name;
  // keep what the applicant wrote, minus the clone suffix and a trailing slash
  const url = trimChars(input.replace(/\.git$/i, ''), '', '/');
  if (repo === undefined) {
    return {
      url,
      github: { owner },
      notARepository: `${url} is an organisation, not a repository; expected https://github.com/${owner}/<repository>`,
    };
  }
  return { url, github: { owner, repo } };
}
