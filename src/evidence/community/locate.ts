// The community files requirements ask about, found and read once per Evidence: a named file in
// GitHub's places with its usable text (or why there is none), and the root README parsed.
import type { Evidence, EvidenceRef } from '../types.js';
import { GITHUB_PLACES, findInPlaces, readText, type Place } from './files.js';
import { formatOf, parseDoc, type DocStructure } from './readme.js';

export interface CommunityFile {
  path: string;
  place: Place;
  /** the file's text when it can be used */
  text?: string;
  /** why it can't be used: a symlink out of the repository, binary, empty … */
  problem?: string;
  notes: string[];
  symlinkTarget?: string;
}

/** Every file in the given places whose name passes `test`, read; usable ones first, in place order. */
export function locate(
  evidence: Pick<Evidence, 'tree' | 'files'>,
  test: (base: string) => boolean,
  places: readonly { dir: string; place: Place }[] = GITHUB_PLACES,
): CommunityFile[] {
  const found = findInPlaces(evidence.tree, test, places).map((l): CommunityFile => {
    const r = readText(evidence, l.path);
    const f: CommunityFile = { path: l.path, place: l.place, notes: r.notes };
    if (r.symlinkTarget !== undefined) f.symlinkTarget = r.symlinkTarget;
    if (r.problem) f.problem = r.problem;
    else if ((r.text ?? '').trim() === '') f.problem = `${l.path} is empty`;
    else f.text = r.text;
    return f;
  });
  return [...found.filter((f) => !f.problem), ...found.filter((f) => f.problem)];
}

export function fileRef(path: string, line?: number, detail?: string): EvidenceRef {
  const ref: EvidenceRef = { kind: 'file', ref: path };
  if (line !== undefined) ref.line = line;
  if (detail !== undefined) ref.detail = detail;
  return ref;
}

/** README names the requirement accepts at the root, in order of preference. */
const README_ACCEPTED = /^readme(\.(md|rst|txt))?$/i;
const README_ANY = /^readme([._-][^/]*)?$/i;
const README_PREFERENCE = ['.md', '.rst', '.txt', ''];

export interface ReadmeInfo {
  /** the root README the requirements read, if any */
  file?: CommunityFile;
  doc?: DocStructure;
  /** README-like files at the root outside the accepted names (README.adoc, README.markdown …) */
  otherFormats: string[];
  /** READMEs in .github/ or docs/ (GitHub shows them; the requirement asks for the root) */
  elsewhere: string[];
}

const readmes = new WeakMap<object, ReadmeInfo>();

/** The root README, parsed once per gathering (the docs facts and the governance facts both read it). */
export function rootReadme(evidence: Pick<Evidence, 'tree' | 'files'>): ReadmeInfo {
  const cached = readmes.get(evidence);
  if (cached) return cached;
  const root = locate(evidence, (b) => README_ACCEPTED.test(b), [{ dir: '', place: 'root' }]);
  const rank = (p: string) => {
    const ext = /\.[^.]*$/.exec(p)?.[0]?.toLowerCase() ?? '';
    return README_PREFERENCE.indexOf(ext) * 2 + (p.startsWith('README') ? 0 : 1);
  };
  const usable = root.filter((f) => !f.problem).sort((a, b) => rank(a.path) - rank(b.path));
  const file = usable[0] ?? root[0];
  const info: ReadmeInfo = {
    otherFormats: findInPlaces(evidence.tree, (b) => README_ANY.test(b) && !README_ACCEPTED.test(b), [{ dir: '', place: 'root' }]).map(
      (l) => l.path,
    ),
    elsewhere: findInPlaces(
      evidence.tree,
      (b) => README_ANY.test(b),
      GITHUB_PLACES.filter((p) => p.place !== 'root'),
    ).map((l) => l.path),
  };
  if (file) {
    info.file = file;
    if (file.text !== undefined) info.doc = parseDoc(file.text, formatOf(file.path));
  }
  readmes.set(evidence, info);
  return info;
}

/** Parses any read documentation file (docs index, quick-start page). */
export function readDoc(evidence: Pick<Evidence, 'tree' | 'files'>, path: string): { file: CommunityFile; doc?: DocStructure } {
  const r = readText(evidence, path);
  const file: CommunityFile = { path, place: 'docs', notes: r.notes };
  if (r.problem) file.problem = r.problem;
  else file.text = r.text ?? '';
  return file.text !== undefined ? { file, doc: parseDoc(file.text, formatOf(path)) } : { file };
}

/** Shortens quoted text for a report: whole words, at most `max` characters. */
export function quote(text: string, max = 500): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut) + '…';
}

/** True when the repository lives on GitHub, so the organisation's .github repository may hold defaults. */
export function onGitHub(evidence: Evidence): boolean {
  return (
    evidence.repo.host === 'github' ||
    (evidence.repo.host === undefined && evidence.repo.slug !== undefined && /github\.com/i.test(evidence.repo.webUrl ?? 'github.com'))
  );
}
