// Finding community files in a commit's tree: by name, in GitHub's places (root, .github/, docs/),
// through in-repository symlinks resolved by path alone (a symlink is never followed on disk),
// and reading their text with every reason it may be unreadable spelled out.
import { posix } from 'node:path';
import type { Evidence, FileBlob, TreeEntry } from '../types.js';

export type Place = 'root' | '.github' | 'docs';

/** GitHub's three places for community files, in the order GitHub itself searches them. */
export const GITHUB_PLACES: readonly { dir: string; place: Place }[] = [
  { dir: '.github', place: '.github' },
  { dir: '', place: 'root' },
  { dir: 'docs', place: 'docs' },
];

export interface TreeIndex {
  /** entries directly inside a directory at depth ≤ 2 ('' is the root, then `docs`, `docs/source`) */
  byDir: Map<string, TreeEntry[]>;
  /** the top-level directories */
  topDirs: Set<string>;
  /** every entry under each top-level directory, at any depth */
  byTop: Map<string, TreeEntry[]>;
}

const indexes = new WeakMap<TreeEntry[], TreeIndex>();

/**
 * One index per tree, built on first use: requirements ask many questions of the same tree.
 * Community files live near the root, so only the first two levels are indexed; anything deeper
 * is a scan (rare: a symlink target, a docs page). A 300 000-entry tree costs one cheap pass.
 */
export function indexTree(tree: TreeEntry[]): TreeIndex {
  let idx = indexes.get(tree);
  if (idx) return idx;
  idx = { byDir: new Map(), topDirs: new Set(), byTop: new Map() };
  let topList: TreeEntry[] = [];
  const push = (dir: string, e: TreeEntry) => {
    let list = idx!.byDir.get(dir);
    if (!list) idx!.byDir.set(dir, (list = []));
    list.push(e);
  };
  let lastTop = '';
  for (const e of tree) {
    const p = e.path;
    const first = p.indexOf('/');
    if (first < 0) {
      push('', e);
      continue;
    }
    // ls-tree lists a directory's entries together: most entries share the previous top directory
    if (!(lastTop !== '' && p.length > lastTop.length && p.charCodeAt(lastTop.length) === 47 && p.startsWith(lastTop))) {
      lastTop = p.slice(0, first);
      idx.topDirs.add(lastTop);
      const known = idx.byTop.get(lastTop);
      if (known) topList = known;
      else idx.byTop.set(lastTop, (topList = []));
    }
    topList.push(e);
    const second = p.indexOf('/', first + 1);
    if (second < 0) {
      push(lastTop, e);
      continue;
    }
    if (p.indexOf('/', second + 1) < 0) push(p.slice(0, second), e);
  }
  indexes.set(tree, idx);
  return idx;
}

/** The tree entry at a path, if any. */
export function entryAt(tree: TreeEntry[], path: string): TreeEntry | undefined {
  const dir = dirOf(path);
  if (dir.split('/').length <= 2) return (indexTree(tree).byDir.get(dir) ?? []).find((e) => e.path === path);
  return tree.find((e) => e.path === path);
}

/** Whether a directory holds anything at this commit. */
export function isDir(tree: TreeEntry[], path: string): boolean {
  if (!path.includes('/')) return indexTree(tree).topDirs.has(path);
  const prefix = path + '/';
  return under(tree, path).some((e) => e.path.startsWith(prefix));
}

export function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

export function baseOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export interface Located {
  path: string;
  place: Place;
  entry: TreeEntry;
}

/** Files (not directories, not submodules) in the given places whose base name passes `test`, in place order. */
export function findInPlaces(
  tree: TreeEntry[],
  test: (base: string) => boolean,
  places: readonly { dir: string; place: Place }[] = GITHUB_PLACES,
): Located[] {
  const idx = indexTree(tree);
  const out: Located[] = [];
  for (const { dir, place } of places) {
    const inDir = dir.split('/').length <= 2 ? (idx.byDir.get(dir) ?? []) : tree.filter((e) => dirOf(e.path) === dir);
    const entries = inDir.filter((e) => e.type === 'blob' && test(baseOf(e.path)));
    entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    for (const entry of entries) out.push({ path: entry.path, place, entry });
  }
  return out;
}

/** The entries that may lie under `dir`: those of its top-level directory. */
function under(tree: TreeEntry[], dir: string): TreeEntry[] {
  const top = dir.split('/')[0]!;
  return indexTree(tree).byTop.get(top) ?? [];
}

/** Blobs at any depth under `dir` whose base name passes `test`. */
export function findUnder(tree: TreeEntry[], dir: string, test: (base: string) => boolean): TreeEntry[] {
  const prefix = dir + '/';
  return under(tree, dir).filter((e) => e.type === 'blob' && e.path.startsWith(prefix) && test(baseOf(e.path)));
}

/** Number of blobs at any depth under `dir` (a directory that is absent has none). */
export function countUnder(tree: TreeEntry[], dir: string): number {
  const prefix = dir + '/';
  let n = 0;
  for (const e of under(tree, dir)) if (e.type === 'blob' && e.path.startsWith(prefix)) n++;
  return n;
}

export interface Resolved {
  /** the path asked for */
  path: string;
  /** the file whose content counts: the path itself, or the in-repository target of its symlink */
  target?: string;
  /** the symlink's target as written, when `path` is a symlink */
  symlinkTarget?: string;
  blob?: FileBlob;
  /** why the content can't be used: outside the repository, dangling, binary … */
  problem?: string;
}

const SYMLINK = '120000';
const MAX_LINK_HOPS = 8;

/**
 * Resolves a tree entry to the blob that holds its content. A symlink is resolved by path within
 * the commit's tree only; one that leaves the repository or dangles is reported, never read.
 */
export function resolveEntry(evidence: Pick<Evidence, 'tree' | 'files'>, path: string): Resolved {
  let current = path;
  let written: string | undefined;
  for (let hop = 0; hop <= MAX_LINK_HOPS; hop++) {
    const entry = entryAt(evidence.tree, current);
    if (!entry) {
      if (isDir(evidence.tree, current))
        return { path, symlinkTarget: written, problem: `${path} points at the directory ${current}/, not a file` };
      return {
        path,
        symlinkTarget: written,
        problem: hop === 0 ? `${path} is not in the tree` : `${path} is a symlink to ${written}, which does not exist in the repository`,
      };
    }
    if (entry.type !== 'blob') return { path, symlinkTarget: written, problem: `${current} is a submodule, not a file` };
    const blob = evidence.files[current];
    if (entry.mode !== SYMLINK) {
      const res: Resolved = { path, target: current };
      if (written !== undefined) res.symlinkTarget = written;
      if (blob) res.blob = blob;
      return res;
    }
    const link = blob?.symlinkTarget;
    if (link === undefined) return { path, problem: `${current} is a symlink whose target was not read` };
    if (hop === 0) written = link;
    const next = joinInRepo(dirOf(current), link);
    if (next === undefined) {
      return {
        path,
        symlinkTarget: written,
        problem: `${path} is a symlink to ${JSON.stringify(link)}, outside the repository; it is not read (GitHub does not follow it either)`,
      };
    }
    current = next;
  }
  return { path, symlinkTarget: written, problem: `${path}: more than ${MAX_LINK_HOPS} symlinks in a chain` };
}

/** `dir` joined with a relative link target, or undefined when the result leaves the repository. */
export function joinInRepo(dir: string, target: string): string | undefined {
  if (target === '' || target.startsWith('/') || /^[A-Za-z]:[\\/]/.test(target) || target.includes('\0')) return undefined;
  const joined = posix.normalize(posix.join(dir === '' ? '.' : dir, target));
  if (joined === '..' || joined.startsWith('../') || joined === '.' || joined.startsWith('/')) return undefined;
  return joined.replace(/\/+$/, '');
}

export interface TextResult extends Resolved {
  text?: string;
  /** notes a reader of the result should see (truncated, invalid UTF-8) */
  notes: string[];
}

/** The usable text of a file, or the reason there is none. */
export function readText(evidence: Pick<Evidence, 'tree' | 'files'>, path: string): TextResult {
  const r = resolveEntry(evidence, path);
  const notes: string[] = [];
  if (r.problem) return { ...r, notes };
  const where = r.target === path ? path : `${path} (→ ${r.target})`;
  if (!r.blob) return { ...r, notes, problem: `${where} was not read` };
  if (r.blob.binary) return { ...r, notes, problem: `${where} is a binary file, not text` };
  if (r.blob.text === undefined) return { ...r, notes, problem: `${where} has no readable text` };
  if (r.blob.truncated) notes.push(`${where} is ${r.blob.size} bytes; only the first ${r.blob.text.length} characters were read`);
  if (r.blob.invalidUtf8) notes.push(`${where} is not valid UTF-8; invalid bytes were replaced`);
  return { ...r, notes, text: r.blob.text };
}

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
