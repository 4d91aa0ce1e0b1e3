// The tree of a commit: every path with its mode and object id (`git ls-tree -r -z`).
import type { TreeEntry, TreeEntryType } from '../types.js';
import { gitBuffer } from './run.js';

/**
 * Recent listings by repository and commit id. A hosted check lists its commit's tree twice —
 * to fetch the blobs it will read, then to read them — and each git process costs a cold check
 * more CPU than the listing itself. A commit's tree never changes, so a listing by full id can't
 * go stale; only a few are kept (a worker checks a handful of repositories at once).
 */
const recent = new Map<string, Promise<TreeEntry[]>>();
const RECENT_MAX = 8;

export async function listTree(cwd: string, commit: string): Promise<TreeEntry[]> {
  if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(commit)) return readTree(cwd, commit);
  const key = `${cwd}\0${commit}`;
  let listing = recent.get(key);
  if (!listing) {
    listing = readTree(cwd, commit);
    recent.set(key, listing);
    if (recent.size > RECENT_MAX) recent.delete(recent.keys().next().value!);
    listing.catch(() => recent.delete(key));
  }
  // callers may change the array they get, never the one kept
  return [...(await listing)];
}

/** The listing of `commit` if one was made or is under way (no git process), else undefined. */
export function recentTree(cwd: string, commit: string): Promise<TreeEntry[]> | undefined {
  return recent.get(`${cwd}\0${commit}`);
}

async function readTree(cwd: string, commit: string): Promise<TreeEntry[]> {
  const out = await gitBuffer(['ls-tree', '-r', '-z', '--full-tree', commit], { cwd });
  const entries: TreeEntry[] = [];
  let start = 0;
  while (start < out.length) {
    let end = out.indexOf(0, start);
    if (end < 0) end = out.length;
    const rec = out.subarray(start, end).toString('utf8');
    start = end + 1;
    const tab = rec.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type, oid] = rec.slice(0, tab).split(' ');
    if (!mode || !type || !oid) continue;
    entries.push({ path: rec.slice(tab + 1), mode, type: type as TreeEntryType, oid });
  }
  return entries;
}
