// Who owns the project, from its files: the CODEOWNERS file GitHub uses, MAINTAINERS / OWNERS
// files, and where retired (emeritus) owners are documented. Gathered once into the evidence
// (`community.ownership`), where requirements 11 and 18 read it; plain data, so it is stored.
import type { Evidence } from '../types.js';
import { GITHUB_PLACES, dirOf, findInPlaces, findUnder } from './files.js';
import { locate, type CommunityFile } from './locate.js';
import { parseCodeowners, type Codeowners } from './codeowners.js';
import { parseMaintainers, type MaintainersFile } from './maintainers.js';

export interface CodeownersFound {
  /** the file GitHub uses: the first exact `CODEOWNERS` in .github/, root, docs/ (its text is in the evidence's files) */
  file?: Omit<CommunityFile, 'text'>;
  parsed?: Codeowners;
  /** further exact CODEOWNERS files in GitHub's places, which GitHub ignores */
  ignored: string[];
  /** `codeowners`, `CodeOwners` … in GitHub's places: GitHub only reads the exact name */
  wrongCase: string[];
  /** CODEOWNERS files outside GitHub's three places (src/CODEOWNERS) */
  misplaced: string[];
}

export interface EmeritusDoc {
  path: string;
  line: number;
  names: string[];
}

export interface Ownership {
  codeowners: CodeownersFound;
  maintainers: MaintainersFile[];
  /** unreadable MAINTAINERS / OWNERS files, with why */
  unreadable: { path: string; problem: string }[];
  emeritus: EmeritusDoc[];
}

const MAINTAINERS = /^(maintainers|owners|committers|core[-_]?team)([._-](?!aliases)[^/]*)?$/i;
const EMERITUS_FILE = /^(emeritus|alumni|retired)([._-][^/]*)?$/i;
const GOVERNANCE = /^governance([._-][^/]*)?$/i;

export function ownership(evidence: Pick<Evidence, 'tree' | 'files'>): Ownership {
  const exact = locate(evidence, (b) => b === 'CODEOWNERS');
  // locate puts usable files first; GitHub takes the first in place order whether usable or not
  const inOrder = findInPlaces(evidence.tree, (b) => b === 'CODEOWNERS').map((l) => l.path);
  const first = inOrder[0];
  const codeowners: CodeownersFound = {
    ignored: inOrder.slice(1),
    wrongCase: findInPlaces(evidence.tree, (b) => b !== 'CODEOWNERS' && b.toUpperCase() === 'CODEOWNERS').map((l) => l.path),
    misplaced: evidence.tree
      // the length test first: this runs over every path of the tree
      .filter(
        (e) =>
          e.path.length - e.path.lastIndexOf('/') === 11 &&
          e.type === 'blob' &&
          /(^|\/)CODEOWNERS$/i.test(e.path) &&
          !GITHUB_PLACES.some((p) => p.dir === dirOf(e.path)),
      )
      .map((e) => e.path)
      .slice(0, 10),
  };
  const file = exact.find((f) => f.path === first);
  if (file) {
    const { text, ...read } = file;
    codeowners.file = read;
    if (text !== undefined) codeowners.parsed = parseCodeowners(text);
  }

  const maintainers: MaintainersFile[] = [];
  const unreadable: { path: string; problem: string }[] = [];
  for (const f of locate(evidence, (b) => MAINTAINERS.test(b))) {
    if (f.text !== undefined) maintainers.push(parseMaintainers(f.path, f.text));
    else unreadable.push({ path: f.path, problem: f.problem ?? 'unreadable' });
  }

  const emeritus: EmeritusDoc[] = [];
  for (const s of codeowners.parsed?.emeritus ?? []) {
    if (s.names.length > 0 && file) emeritus.push({ path: file.path, line: s.line, names: s.names });
  }
  for (const m of maintainers) {
    if (m.emeritus.length > 0) emeritus.push(docOf(m));
  }
  for (const f of locate(evidence, (b) => EMERITUS_FILE.test(b))) {
    if (f.text === undefined) continue;
    const m = parseMaintainers(f.path, f.text, true);
    emeritus.push(m.emeritus.length > 0 ? docOf(m) : { path: f.path, line: 1, names: [] });
  }
  const governance = [
    ...locate(evidence, (b) => GOVERNANCE.test(b)),
    ...['docs', 'doc'].flatMap((d) =>
      findUnder(evidence.tree, d, (b) => /^governance[^/]*\.(md|markdown|rst|txt)$/i.test(b))
        .map((e) =>
          locate(evidence, (b) => b === e.path.slice(e.path.lastIndexOf('/') + 1), [
            { dir: e.path.slice(0, e.path.lastIndexOf('/')), place: 'docs' },
          ]),
        )
        .flat(),
    ),
  ];
  const seenGov = new Set<string>();
  for (const g of governance) {
    if (g.text === undefined || seenGov.has(g.path)) continue;
    seenGov.add(g.path);
    const m = parseMaintainers(g.path, g.text);
    if (m.emeritus.length > 0) emeritus.push(docOf(m));
  }
  return { codeowners, maintainers, unreadable, emeritus };
}

function docOf(m: MaintainersFile): EmeritusDoc {
  const first = m.emeritus[0]!.source;
  return {
    path: m.path,
    line: Number(first.slice(first.lastIndexOf(':') + 1)) || 1,
    names: m.emeritus.map((p) => (p.login ? `@${p.login}` : (p.email ?? p.name ?? '?'))),
  };
}
