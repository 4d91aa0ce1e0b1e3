// The commit walk behind the history: which reachable commits fall in (since, until], merges
// apart, clock skew counted. Two sources feed the same accumulator: the repository's
// commit-graph file (read directly: no commit object is inflated) and `git rev-list` (any repo).
import { gitLines } from './run.js';

/** A window commit; `at`: its number in the order the walk handed it on (where its details are) */
export interface WindowCommit {
  commit: string;
  time: number;
  at: number;
}

export interface WindowWalk {
  /** non-merge commits with since < ct ≤ until, newest first (ties by hash) */
  window: WindowCommit[];
  /** committer times of the merge commits with since < ct ≤ until, newest first */
  merges: number[];
  /** reachable commits with a committer time earlier than one of their parents' */
  skewedCommits: number;
  /**
   * window commits a `git log --since` walk may miss: the newest time every commit of some path to
   * them from the head is at or after (below their own time), or -1 when no path stays at or after `since`
   */
  reachedThrough: Map<string, number>;
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
  /** commits at or after `since`, with their parents: the only ones a `--since` walk goes through */
  private readonly recent: RecentCommits = new Map();
  private readonly edges: string[] = []; // child, parent, child, parent … for the skew check
  private readonly window: WindowCommit[] = [];
  private readonly merges: number[] = [];
  private latest: { commit: string; time: number } | undefined;
  private walked = 0;

  /** `onWindow`: each window commit as it is found (the details reader starts on it while the walk goes on); `at` counts them */
  constructor(
    private readonly bounds: WalkBounds,
    private readonly onWindow?: (commit: string) => void,
  ) {}

  add(commit: string, time: number, parents: string[]): void {
    this.walked++;
    this.times.set(commit, time);
    for (const p of parents) this.edges.push(commit, p);
    const { since, until } = this.bounds;
    if (time <= until && (!this.latest || time > this.latest.time || (time === this.latest.time && commit < this.latest.commit))) {
      this.latest = { commit, time };
    }
    if (time >= since) this.recent.set(commit, { time, parents });
    if (time > since && time <= until) {
      if (parents.length > 1) this.merges.push(time);
      else {
        this.window.push({ commit, time, at: this.window.length });
        this.onWindow?.(commit);
      }
    }
  }

  finish(head: string): WindowWalk {
    let skewed = 0;
    let intoRange = false;
    let lastChild = '';
    for (let i = 0; i < this.edges.length; i += 2) {
      const child = this.edges[i]!;
      const pt = this.times.get(this.edges[i + 1]!);
      if (pt === undefined || pt <= this.times.get(child)!) continue;
      if (pt > this.bounds.since) intoRange = true;
      // count a commit once even when it is older than several of its parents
      if (child !== lastChild) {
        skewed++;
        lastChild = child;
      }
    }
    return finishWindow(
      this.window,
      this.merges,
      { commits: skewed, intoRange },
      this.latest,
      this.walked,
      head,
      this.recent.has(head),
      () => this.recent,
    );
  }
}

/** Commits at or after a walk's `since`, with their committer time and parents. */
export type RecentCommits = Map<string, { time: number; parents: string[] }>;

/** Shared by both walks: order the window and find what `git log --since` reaches only through older commits. */
export function finishWindow(
  window: WindowCommit[],
  merges: number[],
  skew: {
    /** commits older than one of their parents */
    commits: number;
    /** one of them has a parent dated after `since`: only then can a window commit hide behind an older one */
    intoRange: boolean;
  },
  latest: { commit: string; time: number } | undefined,
  walked: number,
  head: string,
  /** the head is dated at or after `since` */
  headRecent: boolean,
  /** the commits at or after `since` (asked for only when some path to a window commit may run through an older one) */
  recent: () => RecentCommits,
): WindowWalk {
  const reachedThrough = new Map<string, number>();
  // without such skew, every path from the head to a window commit runs through newer commits only
  if (skew.intoRange || !headRecent) {
    const best = pathFloors(head, recent());
    for (const w of window) {
      const floor = best.get(w.commit);
      if (floor === undefined) reachedThrough.set(w.commit, -1);
      else if (floor < w.time) reachedThrough.set(w.commit, floor);
    }
  }
  window.sort((a, b) => b.time - a.time || (a.commit < b.commit ? -1 : a.commit > b.commit ? 1 : 0));
  merges.sort((a, b) => b - a);
  return { window, merges, skewedCommits: skew.commits, reachedThrough, ...(latest ? { latest } : {}), walked };
}

/**
 * For each commit of `recent` reachable from `head` through `recent`: the greatest t such that some
 * path from the head to it has every commit at or after t (its own time when no older commit lies
 * between). A `git log --since=s` walk reaches it exactly when that is ≥ s. One pass in
 * topological order (children before parents): the graph is acyclic.
 */
function pathFloors(head: string, recent: RecentCommits): Map<string, number> {
  const best = new Map<string, number>();
  const start = recent.get(head);
  if (!start) return best;
  // depth-first post-order from the head; reversed, it puts every child before its parents
  const order: string[] = [];
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [head];
  while (stack.length > 0) {
    const c = stack[stack.length - 1]!;
    if (state.get(c) === undefined) {
      state.set(c, 1);
      for (const p of recent.get(c)!.parents) if (recent.has(p) && state.get(p) === undefined) stack.push(p);
    } else {
      stack.pop();
      if (state.get(c) === 1) {
        state.set(c, 2);
        order.push(c);
      }
    }
  }
  best.set(head, start.time);
  for (let i = order.length - 1; i >= 0; i--) {
    const c = order[i]!;
    const floor = best.get(c)!;
    for (const p of recent.get(c)!.parents) {
      const r = recent.get(p);
      if (!r) continue;
      const through = Math.min(floor, r.time);
      if (through > (best.get(p) ?? -Infinity)) best.set(p, through);
    }
  }
  return best;
}

/**
 * Walks every commit reachable from `head` with one streamed `git rev-list --timestamp --parents`,
 * from the commit objects: git would otherwise take parents and dates from the commit-graph file,
 * which is repository content like any other, and this walk is the authority a graph is judged by.
 */
export async function walkWithRevList(
  cwd: string,
  head: string,
  bounds: WalkBounds,
  onWindow?: (commit: string) => void,
): Promise<WindowWalk> {
  const acc = new WindowAccumulator(bounds, onWindow);
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
