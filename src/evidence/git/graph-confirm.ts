// A commit-graph file is repository content: an applicant can rewrite its dates or parents and
// recompute its checksum. What a graph walk counts is therefore confirmed against the commit
// objects before it is used: every commit at or after the window's start (its committer time and
// parents), each of their parents (a commit just below the edge really is below it) and the
// latest commit. The cost is one `git log` over the window's commits, far less than the walk the
// graph saves; any disagreement sends the caller to the walk over the objects.
// The same `git log` prints each commit's author and Co-authored-by trailers, which is what the
// window's count reads next: a confirmed walk needs no second process over the same commits.
import { GitError } from './run.js';
import type { GraphWalk } from './commit-graph.js';
import type { CommitDetail, DetailsReader } from './commit-details.js';

/**
 * Why the walk can't be trusted, or the commit objects' details of what it took (every window
 * commit among them) when they say the same.
 */
export async function confirmGraphWalk(
  reader: DetailsReader,
  head: string,
  walk: GraphWalk,
  since: number,
): Promise<{ rejected: string } | { details: Map<string, CommitDetail> }> {
  const extra = new Set<string>();
  for (const r of walk.taken.values()) for (const p of r.parents) if (!walk.taken.has(p)) extra.add(p);
  if (walk.latest && !walk.taken.has(walk.latest.commit)) extra.add(walk.latest.commit);
  if (walk.taken.size === 0 && extra.size === 0) {
    reader.cancel();
    return { details: new Map() };
  }
  for (const c of walk.taken.keys()) reader.add(c);
  for (const c of extra) reader.add(c);
  let real: Map<string, CommitDetail>;
  try {
    real = await reader.finish();
  } catch (err) {
    if (err instanceof GitError) return { rejected: `it names commits git cannot read (${err.message})` };
    throw err;
  }
  const why = disagreement(real, head, walk, since);
  return why ? { rejected: why } : { details: real };
}

/** Whether `printed` (parents as `%P` prints them) lists exactly `ids`, in order. */
function sameParents(printed: string, ids: readonly string[]): boolean {
  let at = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (i > 0) {
      if (printed.charCodeAt(at) !== 32) return false;
      at++;
    }
    if (!printed.startsWith(id, at)) return false;
    at += id.length;
  }
  return at === printed.length;
}

function disagreement(real: Map<string, CommitDetail>, head: string, walk: GraphWalk, since: number): string | undefined {
  for (const [commit, claimed] of walk.taken) {
    const r = real.get(commit);
    if (!r) return `it names ${commit}, which is not a commit`;
    if (r.time !== claimed.time) return `it dates ${commit} ${claimed.time}, the commit object ${r.time}`;
    if (!sameParents(r.parents, claimed.parents)) return `it gives ${commit} other parents than the commit object`;
    for (const p of claimed.parents) {
      const rp = real.get(p);
      if (!rp) return `it names ${p}, which is not a commit`;
      if (rp.time >= since && !walk.taken.has(p)) return `it puts ${p} before the window, the commit object in it`;
    }
  }
  if (walk.latest && real.get(walk.latest.commit)?.time !== walk.latest.time)
    return `it dates the latest commit ${walk.latest.commit} differently from its object`;
  // every counted commit must descend from the head through confirmed parents only
  const reached = new Set<string>();
  const stack = walk.taken.has(head) ? [head] : [];
  while (stack.length > 0) {
    const c = stack.pop()!;
    if (reached.has(c)) continue;
    reached.add(c);
    for (const p of walk.taken.get(c)?.parents ?? []) if (!reached.has(p) && walk.taken.has(p)) stack.push(p);
  }
  const unreached = walk.window.filter((w) => !reached.has(w.commit)).length;
  if (unreached > 0) return `${unreached} window commits are reached only through commits it was not checked for`;
  return undefined;
}
