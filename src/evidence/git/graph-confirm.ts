// A commit-graph file is repository content: an applicant can rewrite its dates or parents and
// recompute its checksum. What a graph walk counts is therefore confirmed against the commit
// objects before it is used: every commit at or after the window's start (its committer time and
// parents), each of their parents (a commit just below the edge really is below it) and the
// latest commit. The cost is one `git log` over the window's commits, far less than the walk the
// graph saves; any disagreement sends the caller to the walk over the objects.
// The same `git log` prints each commit's author and Co-authored-by trailers, which is what the
// window's count reads next: a confirmed walk needs no second process over the same commits.
import { GitError } from './run.js';
import type { GraphWalk, TakenCommits } from './commit-graph.js';
import type { CommitDetail, DetailsReader } from './commit-details.js';

/**
 * Why the walk can't be trusted, or the commit objects' details of what it took (every window
 * commit among them) when they say the same: by number in `walk.taken`.
 */
export async function confirmGraphWalk(
  reader: DetailsReader,
  walk: GraphWalk,
  since: number,
): Promise<{ rejected: string } | { details: (CommitDetail | undefined)[] }> {
  const { taken } = walk;
  if (taken.size === 0) {
    reader.cancel();
    return { details: [] };
  }
  // every commit the walk names (taken, their parents outside it, the latest), in number order
  for (const id of taken.ids) reader.add(id);
  let real: (CommitDetail | undefined)[];
  try {
    real = await reader.finish();
  } catch (err) {
    if (err instanceof GitError) return { rejected: `it names commits git cannot read (${err.message})` };
    throw err;
  }
  const why = disagreement(real, walk, since);
  return why ? { rejected: why } : { details: real };
}

/** Whether `printed` (parents as `%P` prints them) lists exactly the parents of `n`, in order. */
function sameParents(printed: string, taken: TakenCommits, n: number): boolean {
  let at = 0;
  const first = taken.firstParent[n]!;
  for (let i = first, end = first + taken.parentCount[n]!; i < end; i++) {
    const id = taken.ids[taken.parentList[i]!]!;
    if (i > first) {
      if (printed.charCodeAt(at) !== 32) return false;
      at++;
    }
    if (!printed.startsWith(id, at)) return false;
    at += id.length;
  }
  return at === printed.length;
}

function disagreement(real: readonly (CommitDetail | undefined)[], walk: GraphWalk, since: number): string | undefined {
  const { taken } = walk;
  const { ids } = taken;
  for (let n = 0; n < ids.length; n++) {
    if (!taken.taken[n]) continue;
    const commit = ids[n]!;
    const r = real[n];
    if (!r) return `it names ${commit}, which is not a commit`;
    if (r.time !== taken.times[n]) return `it dates ${commit} ${taken.times[n]}, the commit object ${r.time}`;
    if (!sameParents(r.parents, taken, n)) return `it gives ${commit} other parents than the commit object`;
    for (let i = taken.firstParent[n]!, end = i + taken.parentCount[n]!; i < end; i++) {
      const p = taken.parentList[i]!;
      const rp = real[p];
      if (!rp) return `it names ${ids[p]}, which is not a commit`;
      if (rp.time >= since && !taken.taken[p]) return `it puts ${ids[p]} before the window, the commit object in it`;
    }
  }
  if (walk.latest && (taken.latest < 0 || real[taken.latest]?.time !== walk.latest.time))
    return `it dates the latest commit ${walk.latest.commit} differently from its object`;
  // every counted commit must descend from the head through confirmed parents only
  const reached = new Uint8Array(ids.length);
  const stack = taken.head >= 0 ? [taken.head] : [];
  while (stack.length > 0) {
    const c = stack.pop()!;
    if (reached[c]) continue;
    reached[c] = 1;
    for (let i = taken.firstParent[c]!, end = i + taken.parentCount[c]!; i < end; i++) {
      const p = taken.parentList[i]!;
      if (!reached[p] && taken.taken[p]) stack.push(p);
    }
  }
  let unreached = 0;
  for (const w of walk.window) if (!reached[w.at]) unreached++;
  if (unreached > 0) return `${unreached} window commits are reached only through commits it was not checked for`;
  return undefined;
}
