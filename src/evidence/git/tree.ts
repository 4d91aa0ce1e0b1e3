// The tree of a commit: every path with its mode and object id (`git ls-tree -r -z`).
import type { TreeEntry, TreeEntryType } from '../types.js';
import { gitBuffer } from './run.js';

export async function listTree(cwd: string, commit: string): Promise<TreeEntry[]> {
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
