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
import type { CommitDetails, DetailsReader } from './commit-details.js';

/**
 * Why the walk can't be trusted, or the commit objects' details of what it took (every window
 * commit among them) when they say the same: by number in `walk.taken`.
 */
export async function confirmGraphWalk(
  reader: DetailsReader,
  walk: GraphWalk,
  since: number,
): Promise<{ rejected: string } | { details: CommitDetails | undefined }> {
  const { taken } = walk;
  if (taken.size === 0) {
    reader.cancel();
    return { details: undefined };
  }
  // every commit the walk names (taken, their parents outside it, the latest), in number order
  reader.addAll(taken.ids);
  let real: CommitDetails;
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
  const first = taken.firstParent[n]!;
  const count = taken.parentCount[n]!;
  // most commits have one parent: the printed list is then its id
  if (count === 1) return printed === taken.ids[taken.parentList[first]!];
  let at = 0;
  for (let i = first, end = first + count; i < end; i++) {
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

function disagreement(real: CommitDetails, walk: GraphWalk, since: number): string | undefined {
  const { taken } = walk;
  const { ids } = taken;
  for (let n = 0; n < ids.length; n++) {
    if (!taken.taken[n]) continue;
    const commit = ids[n]!;
    const r = real.slot(n);
    if (r < 0) return `it names ${commit}, which is not a commit`;
    if (real.times[r] !== taken.times[n]) return `it dates ${commit} ${taken.times[n]}, the commit object ${real.times[r]}`;
    if (!sameParents(real.parents[r]!, taken, n)) return `it gives ${commit} other parents than the commit object`;
    for (let i = taken.firstParent[n]!, end = i + taken.parentCount[n]!; i < end; i++) {
      const p = taken.parentList[i]!;
      const rp = real.slot(p);
      if (rp < 0) return `it names ${ids[p]}, which is not a commit`;
      if (real.times[rp]! >= since && !taken.taken[p]) return `it puts ${ids[p]} before the window, the commit object in it`;
    }
  }
  const latest = taken.latest < 0 ? -1 : real.slot(taken.latest);
  if (walk.latest && (latest < 0 || real.times[latest] !== walk.latest.time))
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
