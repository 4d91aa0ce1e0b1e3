// The full walk over the commit-graph file: every reachable commit is visited (so clock skew
// can't hide a window commit), at the cost of reading one file instead of inflating every commit.
// Commits newer than the graph (made since the last gc/fetch wrote it) are read with a
// `git rev-list` that is stopped as soon as every path has reached a commit the graph holds.
import { gitLines } from './run.js';
import { CommitGraph, openCommitGraph } from './graph-file.js';
import { finishWindow, type RecentCommits, type WalkBounds, type WindowWalk } from './walk.js';

export interface GraphWalk extends WindowWalk {
  /** `since`: the walk stopped at the window's edge, proven safe by corrected commit dates */
  pruned: boolean;
  /**
   * What the walk took from the graph, to confirm against the objects: every commit it visited when
   * it stopped at the window's edge (few), else those at or after `since`.
   */
  taken: Map<string, { time: number; parents: string[] }>;
}

/** Walks the history of `head` through the commit graph, or returns undefined when there is none to use. */
export async function walkCommitGraph(cwd: string, head: string, bounds: WalkBounds): Promise<GraphWalk | undefined> {
  const graph = await openCommitGraph(cwd);
  if (!graph) return undefined;
  const { since, until } = bounds;
  const window: { commit: string; time: number }[] = [];
  const recent: RecentCommits = new Map();
  const taken = new Map<string, { time: number; parents: string[] }>();
  const keepAll = graph.corrected;
  const merges: number[] = [];
  let skewed = 0;
  /** a commit older than a parent dated after `since`: only then can a horizon commit hide behind an older one */
  let skewIntoRange = false;
  let walked = 0;
  let latest: { commit: string; time: number } | undefined;
  const consider = (commit: string, time: number, parents: string[], parentTimes: number[]) => {
    walked++;
    if (time <= until && (!latest || time > latest.time || (time === latest.time && commit < latest.commit))) latest = { commit, time };
    if (parentTimes.some((t) => t > time)) skewed++;
    if (parentTimes.some((t) => t > time && t > since)) skewIntoRange = true;
    if (time >= since) recent.set(commit, { time, parents });
    if (time >= since || keepAll) taken.set(commit, { time, parents });
    if (time > since && time <= until) {
      if (parents.length > 1) merges.push(time);
      else window.push({ commit, time });
    }
  };

  const roots: number[] = [];
  const headPos = graph.find(head);
  if (headPos >= 0) roots.push(headPos);
  else if (!(await walkAboveGraph(cwd, head, graph, roots, consider))) return undefined;

  const seen = new Uint8Array(graph.count);
  const parents: number[] = [];
  // a commit's id is spelt once: as a parent of the commit visited before it, then again as itself
  const ids = new Map<number, string>();
  const hexAt = (pos: number): string => {
    let id = ids.get(pos);
    if (id === undefined) {
      id = graph.hex(pos);
      ids.set(pos, id);
    }
    return id;
  };
  /** one visited commit: everything but the traversal itself */
  const visit = (pos: number, time: number) => {
    walked++;
    graph.parents(pos, parents);
    let older = false;
    for (const p of parents) {
      const pt = graph.time(p);
      if (pt > time) {
        older = true;
        if (pt > since) skewIntoRange = true;
      }
    }
    if (older) skewed++;
    if (time <= until && (!latest || time >= latest.time)) {
      const commit = graph.hex(pos);
      if (!latest || time > latest.time || commit < latest.commit) latest = { commit, time };
    }
    if (time < since && !keepAll) return;
    const commit = hexAt(pos);
    const entry = { time, parents: parents.map(hexAt) };
    taken.set(commit, entry);
    if (time >= since) {
      recent.set(commit, entry);
      if (time <= until && time > since) {
        if (parents.length > 1) merges.push(time);
        else window.push({ commit, time });
      }
    }
  };

  if (graph.corrected) {
    // newest corrected date first; once the best left is at or before the window's start (and
    // not newer than the latest commit found), no commit below it can be in the window
    const heap = new DateHeap();
    for (const r of roots) heap.push(graph.correctedDate(r), r);
    while (heap.size > 0) {
      const top = heap.peekKey();
      if (top <= since && latest && top <= latest.time) break;
      const pos = heap.pop();
      if (seen[pos]) continue;
      seen[pos] = 1;
      visit(pos, graph.time(pos));
      for (const p of parents) {
        const d = graph.correctedDate(p);
        // the property the pruning rests on; a graph that breaks it is not trusted
        if (d >= top) throw new RangeError(`commit-graph corrected date of ${graph.hex(p)} is not below its child's`);
        if (!seen[p]) heap.push(d, p);
      }
    }
    return {
      ...finishWindow(window, merges, { commits: skewed, intoRange: skewIntoRange }, latest, walked, head, recent),
      pruned: true,
      taken,
    };
  }

  // no corrected dates: visit every reachable commit (a commit is pushed at most once per child edge)
  const stack: number[] = [...roots];
  while (stack.length > 0) {
    const pos = stack.pop()!;
    if (seen[pos]) continue;
    seen[pos] = 1;
    visit(pos, graph.time(pos));
    for (const p of parents) if (!seen[p]) stack.push(p);
  }
  return {
    ...finishWindow(window, merges, { commits: skewed, intoRange: skewIntoRange }, latest, walked, head, recent),
    pruned: false,
    taken,
  };
}

/** A binary max-heap of (date, position). */
class DateHeap {
  private keys: number[] = [];
  private vals: number[] = [];
  get size(): number {
    return this.keys.length;
  }
  peekKey(): number {
    return this.keys[0]!;
  }
  push(key: number, val: number): void {
    const k = this.keys;
    const v = this.vals;
    let i = k.length;
    k.push(key);
    v.push(val);
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (k[up]! >= key) break;
      k[i] = k[up]!;
      v[i] = v[up]!;
      i = up;
    }
    k[i] = key;
    v[i] = val;
  }
  pop(): number {
    const k = this.keys;
    const v = this.vals;
    const out = v[0]!;
    const lastKey = k.pop()!;
    const lastVal = v.pop()!;
    const n = k.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && k[c + 1]! > k[c]!) c++;
        if (k[c]! <= lastKey) break;
        k[i] = k[c]!;
        v[i] = v[c]!;
        i = c;
      }
      k[i] = lastKey;
      v[i] = lastVal;
    }
    return out;
  }
}

/**
 * Reads the commits above the graph with `git rev-list`, handing each parent the graph holds to
 * `roots`; stops git once no path is left outside the graph. False if git ended first (the graph
 * is missing commits it should hold).
 */
async function walkAboveGraph(
  cwd: string,
  head: string,
  graph: CommitGraph,
  roots: number[],
  consider: (commit: string, time: number, parents: string[], parentTimes: number[]) => void,
): Promise<boolean> {
  const pending = new Set<string>([head]);
  const lines: { commit: string; time: number; parents: string[] }[] = [];
  await gitLines(['-c', 'core.commitGraph=false', 'rev-list', '--timestamp', '--parents', head, '--'], { cwd }, (line) => {
    const parts = line.split(' ');
    const commit = parts[1];
    if (!commit || !pending.delete(commit)) return pending.size > 0;
    const parents = parts.slice(2);
    lines.push({ commit, time: Number(parts[0]), parents });
    for (const p of parents) {
      const pos = graph.find(p);
      if (pos >= 0) roots.push(pos);
      else pending.add(p);
    }
    return pending.size > 0;
  });
  if (pending.size > 0) return false;
  // the skew check needs each parent's time: from these lines or from the graph
  const times = new Map(lines.map((l) => [l.commit, l.time]));
  for (const l of lines) {
    const parentTimes = l.parents.map((p) => times.get(p) ?? (graph.find(p) >= 0 ? graph.time(graph.find(p)) : -Infinity));
    consider(l.commit, l.time, l.parents, parentTimes);
  }
  return true;
}
