// The commit walk behind the activity window: which reachable commits fall in (since, until],
// merges apart, clock skew counted. Two sources feed the same accumulator: the repository's
// commit-graph file (read directly: no commit object is inflated) and `git rev-list` (any repo).
import { gitLines } from './run.js';

export interface WindowWalk {
  /** non-merge commits with since < ct ≤ until, newest first (ties by hash) */
  window: { commit: string; time: number }[];
  mergeCommits: number;
  /** reachable commits with a committer time earlier than one of their parents' */
  skewedCommits: number;
  /** window commits a `git log --since` walk would miss: only reachable through an older commit */
  hiddenBySkew: number;
  /** newest committer time ≤ until over all reachable commits */
  latest?: { commit: string; time: number };
  /** reachable commits walked */
  walked: number;
}

export interface WalkBounds {
  /** exclusive lower bound, unix seconds */
  since: number;
  /** inclusive upper bound, unix seconds */
  until: number;
}

/**
 * Collects the window from commits fed in any order (each with its parents' ids), then settles
 * what needs the parents' times (skew) and the shape of the graph (what `--since` would reach).
 */
export class WindowAccumulator {
  private readonly times = new Map<string, number>();
  /** parents of commits at or after `since`: the only ones a `--since` walk goes through */
  private readonly recentParents = new Map<string, string[]>();
  private readonly edges: string[] = []; // child, parent, child, parent … for the skew check
  private readonly window: { commit: string; time: number }[] = [];
  private merges = 0;
  private latest: { commit: string; time: number } | undefined;
  private walked = 0;

  constructor(private readonly bounds: WalkBounds) {}

  add(commit: string, time: number, parents: string[]): void {
    this.walked++;
    this.times.set(commit, time);
    for (const p of parents) this.edges.push(commit, p);
    const { since, until } = this.bounds;
    if (time <= until && (!this.latest || time > this.latest.time || (time === this.latest.time && commit < this.latest.commit))) {
      this.latest = { commit, time };
    }
    if (time >= since) this.recentParents.set(commit, parents);
    if (time > since && time <= until) {
      if (parents.length > 1) this.merges++;
      else this.window.push({ commit, time });
    }
  }

  finish(head: string): WindowWalk {
    let skewed = 0;
    let lastChild = '';
    for (let i = 0; i < this.edges.length; i += 2) {
      const child = this.edges[i]!;
      const pt = this.times.get(this.edges[i + 1]!);
      // count a commit once even when it is older than several of its parents
      if (child !== lastChild && pt !== undefined && pt > this.times.get(child)!) {
        skewed++;
        lastChild = child;
      }
    }
    return finishWindow(this.window, this.merges, skewed, this.latest, this.walked, head, this.recentParents);
  }
}

/** Shared by both walks: order the window and count what `git log --since` would not reach. */
export function finishWindow(
  window: { commit: string; time: number }[],
  mergeCommits: number,
  skewedCommits: number,
  latest: { commit: string; time: number } | undefined,
  walked: number,
  head: string,
  recentParents: Map<string, string[]>,
): WindowWalk {
  const reached = new Set<string>();
  const stack = recentParents.has(head) ? [head] : [];
  while (stack.length > 0) {
    const c = stack.pop()!;
    if (reached.has(c)) continue;
    reached.add(c);
    for (const p of recentParents.get(c) ?? []) if (!reached.has(p) && recentParents.has(p)) stack.push(p);
  }
  let hidden = 0;
  for (const w of window) if (!reached.has(w.commit)) hidden++;
  window.sort((a, b) => b.time - a.time || (a.commit < b.commit ? -1 : a.commit > b.commit ? 1 : 0));
  return { window, mergeCommits, skewedCommits, hiddenBySkew: hidden, ...(latest ? { latest } : {}), walked };
}

/**
 * Walks every commit reachable from `head` with one streamed `git rev-list --timestamp --parents`,
 * from the commit objects: git would otherwise take parents and dates from the commit-graph file,
 * which is repository content like any other, and this walk is the authority a graph is judged by.
 */
export async function walkWithRevList(cwd: string, head: string, bounds: WalkBounds): Promise<WindowWalk> {
  const acc = new WindowAccumulator(bounds);
  await gitLines(['-c', 'core.commitGraph=false', 'rev-list', '--timestamp', '--parents', head, '--'], { cwd }, (line) => {
    // `<time> <commit> <parent>…`: split on spaces is all the parsing a line needs
    const parts = line.split(' ');
    if (parts.length < 2) return;
    const time = Number(parts[0]);
    if (!Number.isFinite(time)) return;
    acc.add(parts[1]!, time, parts.slice(2));
  });
  return acc.finish(head);
}
