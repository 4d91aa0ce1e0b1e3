// MAINTAINERS / OWNERS / EMERITUS files: who they name, and who they name as retired. Formats
// vary: Markdown lists and tables, reStructuredText lists, `Name <e-mail>` lines (with or without
// the kernel's `M:` prefix), and Kubernetes OWNERS YAML (approvers, emeritus_approvers).
import { EMERITUS, mentionsIn, type PersonRef } from './people.js';

export interface MaintainersFile {
  path: string;
  /** current maintainers named */
  people: PersonRef[];
  /** people named in an emeritus / retired / alumni section (or the whole file, for EMERITUS files) */
  emeritus: PersonRef[];
  /** @org/team mentions: people only once resolved */
  teams: { id: string; line: number }[];
}

const HEADING_MD = /^ {0,3}#{1,6}\s+(.*)$/;
const RST_UNDER = /^([=\-~^"'`#*+])\1{2,}\s*$/;
const LIST = /^\s*(?:[-*+•]|\d{1,4}[.)]|#\.)\s+(.*)$/;
const KERNEL = /^\s*M:\s*(.*)$/;
const YAML_KEY = /^([A-Za-z_][\w-]*):\s*(.*)$/;
const TABLE_DELIM = /^\s*\|?\s*:?-{2,}/;

export function parseMaintainers(path: string, text: string, wholeFileEmeritus = false): MaintainersFile {
  const out: MaintainersFile = { path, people: [], emeritus: [], teams: [] };
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => (l.length > 4000 ? l.slice(0, 4000) : l));
  const yamlOwners = lines.some((l) => /^(approvers|reviewers|emeritus_approvers|emeritus_reviewers|filters):/.test(l));
  let retired = wholeFileEmeritus;
  let yamlKey = '';
  let tableHeader: string[] | undefined;
  for (let k = 0; k < lines.length; k++) {
    const raw = lines[k]!;
    const line = k + 1;
    const source = `${path}:${line}`;
    if (raw.trim() === '') {
      tableHeader = undefined;
      continue;
    }
    if (yamlOwners) {
      const key = YAML_KEY.exec(raw);
      if (key) {
        yamlKey = key[1]!;
        continue;
      }
      const item = /^\s*-\s*["']?([A-Za-z0-9][A-Za-z0-9-]{0,38})["']?\s*(#.*)?$/.exec(raw);
      // approvers own the code; reviewers review it; aliases are expanded elsewhere
      if (item && (yamlKey === 'approvers' || yamlKey.startsWith('emeritus_'))) {
        const ref = { login: item[1]!, source };
        if (yamlKey.startsWith('emeritus_') || wholeFileEmeritus) out.emeritus.push(ref);
        else out.people.push(ref);
      }
      continue;
    }
    const heading =
      HEADING_MD.exec(raw)?.[1] ??
      (lines[k + 1] !== undefined && RST_UNDER.test(lines[k + 1]!) && !LIST.test(raw) ? raw.trim() : undefined);
    if (heading !== undefined) {
      retired = wholeFileEmeritus || EMERITUS.test(heading);
      tableHeader = undefined;
      if (!HEADING_MD.test(raw)) k++; // skip the RST underline
      continue;
    }
    if (/^\s*\|/.test(raw)) {
      const cells = raw
        .trim()
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((c) => c.trim());
      if (TABLE_DELIM.test(raw) && !/[A-Za-z]/.test(raw)) continue;
      if (!tableHeader && lines[k + 1] !== undefined && TABLE_DELIM.test(lines[k + 1]!)) {
        tableHeader = cells.map((c) => c.toLowerCase());
        continue;
      }
      addEntry(out, cells, source, retired, line, tableHeader);
      continue;
    }
    // a label line such as "Emeritus: @a, @b" or "Retired maintainers:" switches or names in place
    const label = /^\s*([^:@<]{1,40}):\s*(.*)$/.exec(raw);
    if (label && !KERNEL.test(raw) && EMERITUS.test(label[1]!)) {
      retired = true;
      if (label[2]!.trim()) addEntry(out, [label[2]!], source, true, line);
      continue;
    }
    const list = LIST.exec(raw);
    const kernel = KERNEL.exec(raw);
    if (list) addEntry(out, [list[1]!], source, retired, line, undefined, true);
    else if (kernel) addEntry(out, [kernel[1]!], source, retired, line, undefined, true);
    else addEntry(out, [raw], source, retired, line);
  }
  return out;
}

const NOT_A_NAME =
  /\b(maintainers?|owners?|reviewers?|approvers?|committers?|members?|project|team|name|github|email|e-mail|affiliation|role|areas?|responsibilit|contact|list|following|file|none|tbd|n\/a)\b/i;

/** One entry: a list item, a table row or a line. Handles and e-mails make a person; a bare name only in a list or a table. */
function addEntry(
  out: MaintainersFile,
  cells: string[],
  source: string,
  retired: boolean,
  line: number,
  header?: string[],
  listItem = false,
): void {
  const text = cells.join(' | ');
  const m = mentionsIn(text);
  for (const t of m.teams) out.teams.push({ id: t, line });
  const nameCell = header
    ? cells[
        Math.max(
          0,
          header.findIndex((h) => /name/.test(h)),
        )
      ]
    : cells.length > 1
      ? cells[0]
      : cells[0];
  const name = cleanName(nameCell ?? '');
  const target = retired ? out.emeritus : out.people;
  const refs: PersonRef[] = [];
  const login = m.logins[0];
  const email = m.emails[0];
  if (login || email) {
    const ref: PersonRef = { source };
    if (login) ref.login = login;
    if (email) ref.email = email;
    if (name) ref.name = name;
    refs.push(ref);
    // further handles on the same line are further people ("@a, @b")
    for (const l of m.logins.slice(1)) refs.push({ login: l, source });
    for (const e of m.emails.slice(1)) refs.push({ email: e, source });
  } else if (name && (listItem || header !== undefined) && m.teams.length === 0) {
    refs.push({ name, source });
  }
  target.push(...refs);
}

/** The name in an entry, when it reads like one: a few words, no sentence, no field label. */
function cleanName(cell: string): string | undefined {
  const s = cell
    .replace(/\[([^\]\n]{0,200})\]\([^)\n]{0,500}\)/g, '$1')
    .replace(/<[^>\n]{0,300}>/g, ' ')
    .replace(/\([^)\n]{0,300}\)/g, ' ')
    .replace(/(?<![\w.])@[\w/-]+/g, ' ')
    .replace(/[\w.+-]+@[\w.-]+/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[*_`~]/g, '')
    .split(/\s[-–—,;]\s|,/)[0]!
    .replace(/\s+/g, ' ')
    .trim();
  if (s === '' || s.length > 60) return undefined;
  const words = s.split(' ');
  if (words.length > 5 || /[.!?:]$/.test(s) || NOT_A_NAME.test(s) || !/\p{L}/u.test(s)) return undefined;
  return s;
}
