// The full walk over the commit-graph file: every reachable commit is visited (so clock skew
// can't hide a window commit), at the cost of reading one file instead of inflating every commit.
// Commits newer than the graph (made since the last gc/fetch wrote it) are read with a
// `git rev-list` that is stopped as soon as every path has reached a commit the graph holds.
import { gitLines } from './run.js';
import { CommitGraph, openCommitGraph } from './graph-file.js';
import { finishWindow, type WalkBounds, type WindowWalk } from './walk.js';

/** Walks the history of `head` through the commit graph, or returns undefined when there is none to use. */
export async function walkCommitGraph(cwd: string, head: string, bounds: WalkBounds): Promise<WindowWalk | undefined> {
  const graph = openCommitGraph(cwd);
  if (!graph) return undefined;
  const { since, until } = bounds;
  const window: { commit: string; time: number }[] = [];
  const recentParents = new Map<string, string[]>();
  let merges = 0;
  let skewed = 0;
  let walked = 0;
  let latest: { commit: string; time: number } | undefined;
  const consider = (commit: string, time: number, parents: string[], parentTimes: number[]) => {
    walked++;
    if (time <= until && (!latest || time > latest.time || (time === latest.time && commit < latest.commit))) latest = { commit, time };
    if (parentTimes.some((t) => t > time)) skewed++;
    if (time >= since) recentParents.set(commit, parents);
    if (time > since && time <= until) {
      if (parents.length > 1) merges++;
      else window.push({ commit, time });
    }
  };

  const roots: number[] = [];
  const headPos = graph.find(head);
  if (headPos >= 0) roots.push(headPos);
  else if (!(await walkAboveGraph(cwd, head, graph, roots, consider))) return undefined;

  // an explicit stack over positions: no recursion, no per-commit strings but for the window
  const seen = new Uint8Array(graph.count);
  // a commit is pushed at most once per child edge: two per commit plus the octopus extras bound it
  const stack = new Int32Array(2 * graph.count + roots.length + graph.extra.length + 1);
  let top = 0;
  for (const r of roots) stack[top++] = r;
  const { times, parent1, parent2 } = graph;
  const parents: number[] = [];
  while (top > 0) {
    const pos = stack[--top]!;
    if (seen[pos]) continue;
    seen[pos] = 1;
    walked++;
    const time = times[pos]!;
    const p1 = parent1[pos]!;
    const p2 = parent2[pos]!;
    // the common cases (one or two parents) without building a list
    if (p1 >= 0) {
      if (p2 === -1) {
        if (times[p1]! > time) skewed++;
        if (!seen[p1]) stack[top++] = p1;
      } else {
        graph.parents(pos, parents);
        let older = false;
        for (const p of parents) {
          if (times[p]! > time) older = true;
          if (!seen[p]) stack[top++] = p;
        }
        if (older) skewed++;
      }
    }
    if (time <= until && (!latest || time >= latest.time)) {
      const commit = graph.hex(pos);
      if (!latest || time > latest.time || commit < latest.commit) latest = { commit, time };
    }
    if (time >= since) {
      const commit = graph.hex(pos);
      graph.parents(pos, parents);
      recentParents.set(commit, parents.map((p) => graph.hex(p)));
      if (time <= until && time > since) {
        if (parents.length > 1) merges++;
        else window.push({ commit, time });
      }
    }
  }
  return finishWindow(window, merges, skewed, latest, walked, head, recentParents);
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
  await gitLines(['rev-list', '--timestamp', '--parents', head, '--'], { cwd }, (line) => {
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
    const parentTimes = l.parents.map((p) => times.get(p) ?? graph.times[graph.find(p)] ?? -Infinity);
    consider(l.commit, l.time, l.parents, parentTimes);
  }
  return true;
}
