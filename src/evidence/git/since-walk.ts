// The horizon by git's own `--since` walk over the commit objects, made exact by the commit-graph's
// corrected commit dates. `git log --since=S` prints every commit dated at or after S that a path of
// such commits leads to, and stops at each older commit without reading its parents: under clock
// skew, a commit in the horizon can lie behind one of those. A corrected commit date is greater than
// every ancestor's committer time, so when each older commit the walk stopped at has one at or
// before S, nothing behind it is in the horizon, and the walk is the whole horizon.
// One git process then gives the commits, their parents and dates (from the objects) and the
// authors and trailers the window counts; the graph is read for the few commits at the edge. A
// walk of the graph file (commit-graph.ts) reads and hashes the whole file, walks it here and has
// every commit it took confirmed by git: for a busy year, twice the CPU of this.
// The graph is repository content: a forged date can only claim skew (then the graph walk decides)
// or hide commits behind the edge, never add one git does not print.
import { readLoggedSince, type CommitDetails } from './commit-details.js';
import type { CorrectedDates } from './graph-file.js';
import { finishWindow, type RecentCommits, type WalkBounds, type WindowCommit, type WindowWalk } from './walk.js';

/** The horizon with the details of every commit in it (by `at`), or why the walk can't be shown whole. */
export type SinceWalk = { walk: WindowWalk; details: CommitDetails } | { unproven: string };

export async function walkLoggedSince(cwd: string, head: string, bounds: WalkBounds, dates: CorrectedDates): Promise<SinceWalk> {
  const { since, until } = bounds;
  const { details, ids } = await readLoggedSince(cwd, head, since);
  if (ids.length === 0 || ids[0] !== head) return { unproven: 'the evaluated commit is dated before the horizon' };
  const { times, parents } = details;
  const index = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) index.set(ids[i]!, i);
  const window: WindowCommit[] = [];
  const merges: number[] = [];
  /** parents git stopped at: dated before `since` */
  const edge = new Set<string>();
  let skewed = 0;
  let intoRange = false;
  let latest: { commit: string; time: number } | undefined;
  for (let i = 0; i < ids.length; i++) {
    const time = times[i]!;
    const printed = parents[i]!;
    let count = 0;
    let older = false;
    // `%P`: ids one space apart; most commits have one parent
    for (let from = 0; from < printed.length;) {
      const space = printed.indexOf(' ', from);
      const to = space < 0 ? printed.length : space;
      const p = printed.slice(from, to);
      from = to + 1;
      count++;
      const j = index.get(p);
      if (j === undefined) edge.add(p);
      else if (times[j]! > time) {
        older = true;
        if (times[j]! > since) intoRange = true;
      }
    }
    if (older) skewed++;
    if (time <= until && (!latest || time > latest.time || (time === latest.time && ids[i]! < latest.commit)))
      latest = { commit: ids[i]!, time };
    if (time > since && time <= until) {
      if (count > 1) merges.push(time);
      else window.push({ commit: ids[i]!, time, at: i });
    }
  }
  // the newest commit at or before asOf may lie below the horizon: only a walk past it finds it
  if (!latest) return { unproven: 'no commit in the horizon is dated at or before the evaluation date' };
  for (const p of edge) {
    let date: number | undefined;
    try {
      date = dates.of(p);
    } catch (err) {
      return { unproven: `the commit-graph could not be read: ${err instanceof Error ? err.message : String(err)}` };
    }
    if (date === undefined) return { unproven: `the commit-graph does not hold ${p}` };
    if (date > since) return { unproven: `commits behind ${p}, dated before the horizon, may be in it (clock skew)` };
  }
  const recent = (): RecentCommits => {
    const out: RecentCommits = new Map();
    for (let i = 0; i < ids.length; i++) out.set(ids[i]!, { time: times[i]!, parents: parents[i] ? parents[i]!.split(' ') : [] });
    return out;
  };
  const walk = finishWindow(window, merges, { commits: skewed, intoRange }, latest, ids.length + edge.size, head, true, recent);
  return { walk, details };
}
