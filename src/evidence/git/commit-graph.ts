// The full walk over the commit-graph file: every reachable commit is visited (so clock skew
// can't hide a window commit), at the cost of reading one file instead of inflating every commit.
// Commits newer than the graph (made since the last gc/fetch wrote it) are read with a
// `git rev-list` that is stopped as soon as every path has reached a commit the graph holds.
import { gitLines } from './run.js';
import { CommitGraph, openCommitGraph } from './graph-file.js';
import { finishWindow, type RecentCommits, type WalkBounds, type WindowCommit, type WindowWalk } from './walk.js';

export interface GraphWalk extends WindowWalk {
  /** `since`: the walk stopped at the window's edge, proven safe by corrected commit dates */
  pruned: boolean;
  /**
   * What the walk took from the graph, to confirm against the objects: every commit it visited when
   * it stopped at the window's edge (few), else those at or after `since`. Window entries' `at` is
   * their number here.
   */
  taken: TakenCommits;
}

/**
 * The commits a graph walk took, each with the time and parents the graph gives it, and every
 * commit it names besides (their parents outside the walk, the latest commit): numbered in the
 * order first named, so a walk over tens of thousands of commits keeps a few flat arrays of
 * numbers and one id string per commit rather than an object and a map entry for each.
 */
export class TakenCommits {
  /** each commit's id (hex), by number */
  readonly ids: string[] = [];
  /** 1 when the walk took the commit (its time and parents below are the graph's), 0 when only named */
  readonly taken: number[] = [];
  readonly times: number[] = [];
  /** the parents of commit n are parentList[firstParent[n] … firstParent[n] + parentCount[n]) */
  readonly firstParent: number[] = [];
  readonly parentCount: number[] = [];
  readonly parentList: number[] = [];
  /** the head's number, -1 when the walk did not take it */
  head = -1;
  /** the latest commit's number, -1 when there is none */
  latest = -1;

  get size(): number {
    return this.ids.length;
  }

  name(id: string): number {
    this.ids.push(id);
    this.taken.push(0);
    this.times.push(0);
    this.firstParent.push(0);
    this.parentCount.push(0);
    return this.ids.length - 1;
  }

  take(n: number, time: number, parents: readonly number[]): void {
    this.taken[n] = 1;
    this.times[n] = time;
    this.firstParent[n] = this.parentList.length;
    this.parentCount[n] = parents.length;
    for (const p of parents) this.parentList.push(p);
  }

  /** The commits taken at or after `since`, by id: what pathFloors walks (built only when asked for). */
  recent(since: number): RecentCommits {
    const recent: RecentCommits = new Map();
    for (let n = 0; n < this.ids.length; n++) {
      if (!this.taken[n] || this.times[n]! < since) continue;
      const parents: string[] = [];
      for (let i = this.firstParent[n]!, end = i + this.parentCount[n]!; i < end; i++) parents.push(this.ids[this.parentList[i]!]!);
      recent.set(this.ids[n]!, { time: this.times[n]!, parents });
    }
    return recent;
  }
}

/** Walks the history of `head` through the commit graph, or returns undefined when there is none to use. */
export async function walkCommitGraph(cwd: string, head: string, bounds: WalkBounds): Promise<GraphWalk | undefined> {
  const graph = await openCommitGraph(cwd);
  if (!graph) return undefined;
  const { since, until } = bounds;
  const window: WindowCommit[] = [];
  const taken = new TakenCommits();
  /** a graph position's number in `taken` plus one, 0 when not named yet */
  const numberOf = new Int32Array(graph.count);
  const numbered = (pos: number): number => {
    let n = numberOf[pos]! - 1;
    if (n < 0) {
      n = taken.name(graph.hex(pos));
      numberOf[pos] = n + 1;
    }
    return n;
  };
  /** commits above the graph (made since it was written), by id */
  const above = new Map<string, number>();
  const keepAll = graph.corrected;
  const merges: number[] = [];
  let skewed = 0;
  /** a commit older than a parent dated after `since`: only then can a horizon commit hide behind an older one */
  let skewIntoRange = false;
  let walked = 0;
  let latest: { commit: string; time: number } | undefined;
  /** where the latest commit is: its graph position, or -1 above the graph */
  let latestPos = -1;
  const partOfWindow = (commit: string, n: number, time: number, parentCount: number) => {
    if (time > since && time <= until) {
      if (parentCount > 1) merges.push(time);
      else window.push({ commit, time, at: n });
    }
  };
  const numberedAbove = (id: string): number => {
    let n = above.get(id);
    if (n === undefined) {
      n = taken.name(id);
      above.set(id, n);
    }
    return n;
  };
  const consider = (commit: string, time: number, parents: string[], parentTimes: number[]) => {
    walked++;
    if (time <= until && (!latest || time > latest.time || (time === latest.time && commit < latest.commit))) {
      latest = { commit, time };
      latestPos = -1;
    }
    if (parentTimes.some((t) => t > time)) skewed++;
    if (parentTimes.some((t) => t > time && t > since)) skewIntoRange = true;
    if (time < since && !keepAll) return;
    const n = numberedAbove(commit);
    const ps = parents.map((p) => {
      const pos = graph.find(p);
      return pos >= 0 ? numbered(pos) : numberedAbove(p);
    });
    taken.take(n, time, ps);
    partOfWindow(commit, n, time, parents.length);
  };

  const roots: number[] = [];
  const headPos = graph.find(head);
  if (headPos >= 0) roots.push(headPos);
  else if (!(await walkAboveGraph(cwd, head, graph, roots, consider))) return undefined;

  const seen = new Uint8Array(graph.count);
  const parents: number[] = [];
  /** the committer times of `parents`, read once for the skew check and the corrected dates */
  const parentTimes: number[] = [];
  const parentNumbers: number[] = [];
  /** one visited commit: everything but the traversal itself */
  const visit = (pos: number, time: number) => {
    walked++;
    graph.parents(pos, parents);
    parentTimes.length = 0;
    let older = false;
    for (const p of parents) {
      const pt = graph.time(p);
      parentTimes.push(pt);
      if (pt > time) {
        older = true;
        if (pt > since) skewIntoRange = true;
      }
    }
    if (older) skewed++;
    if (time <= until && (!latest || time >= latest.time)) {
      const commit = graph.hex(pos);
      if (!latest || time > latest.time || commit < latest.commit) {
        latest = { commit, time };
        latestPos = pos;
      }
    }
    if (time < since && !keepAll) return;
    const n = numbered(pos);
    parentNumbers.length = 0;
    for (const p of parents) parentNumbers.push(numbered(p));
    taken.take(n, time, parentNumbers);
    partOfWindow(taken.ids[n]!, n, time, parents.length);
  };

  let pruned = false;
  if (graph.corrected) {
    pruned = true;
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
      for (let i = 0; i < parents.length; i++) {
        const p = parents[i]!;
        const d = graph.correctedDate(p, parentTimes[i]);
        // the property the pruning rests on; a graph that breaks it is not trusted
        if (d >= top) throw new RangeError(`commit-graph corrected date of ${graph.hex(p)} is not below its child's`);
        if (!seen[p]) heap.push(d, p);
      }
    }
  } else {
    // no corrected dates: visit every reachable commit (a commit is pushed at most once per child edge)
    const stack: number[] = [...roots];
    while (stack.length > 0) {
      const pos = stack.pop()!;
      if (seen[pos]) continue;
      seen[pos] = 1;
      visit(pos, graph.time(pos));
      for (const p of parents) if (!seen[p]) stack.push(p);
    }
  }

  const headNumber = headPos >= 0 ? numberOf[headPos]! - 1 : (above.get(head) ?? -1);
  taken.head = headNumber >= 0 && taken.taken[headNumber] ? headNumber : -1;
  if (latest) {
    const { commit } = latest;
    taken.latest = latestPos >= 0 ? numbered(latestPos) : numberedAbove(commit);
  }
  const headRecent = taken.head >= 0 && taken.times[taken.head]! >= since;
  return {
    ...finishWindow(window, merges, { commits: skewed, intoRange: skewIntoRange }, latest, walked, head, headRecent, () =>
      taken.recent(since),
    ),
    pruned,
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
