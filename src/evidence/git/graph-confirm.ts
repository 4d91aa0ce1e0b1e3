// A commit-graph file is repository content: an applicant can rewrite its dates or parents and
// recompute its checksum. What a graph walk counts is therefore confirmed against the commit
// objects before it is used: every commit at or after the window's start (its committer time and
// parents), each of their parents (a commit just below the edge really is below it) and the
// latest commit. The cost is one `git log` over the window's commits, far less than the walk the
// graph saves; any disagreement sends the caller to the walk over the objects.
import { gitBuffer, GitError } from './run.js';
import type { GraphWalk } from './commit-graph.js';

/** Why the walk can't be trusted, or undefined when the commit objects say the same. */
export async function confirmGraphWalk(cwd: string, head: string, walk: GraphWalk, since: number): Promise<string | undefined> {
  const wanted = new Set<string>(walk.taken.keys());
  for (const r of walk.taken.values()) for (const p of r.parents) wanted.add(p);
  if (walk.latest) wanted.add(walk.latest.commit);
  if (wanted.size === 0) return undefined;
  let out: Buffer;
  try {
    out = await gitBuffer(['-c', 'core.commitGraph=false', 'log', '--no-walk=unsorted', '--no-show-signature', '--format=%H %ct %P', '--stdin'], {
      cwd,
      input: [...wanted].join('\n') + '\n',
    });
  } catch (err) {
    if (err instanceof GitError) return `it names commits git cannot read (${err.message})`;
    throw err;
  }
  const real = new Map<string, { time: number; parents: string[] }>();
  for (const line of out.toString('latin1').split('\n')) {
    const [commit, time, ...parents] = line.split(' ');
    if (commit && time) real.set(commit, { time: Number(time), parents: parents.filter(Boolean) });
  }
  for (const [commit, claimed] of walk.taken) {
    const r = real.get(commit);
    if (!r) return `it names ${commit}, which is not a commit`;
    if (r.time !== claimed.time) return `it dates ${commit} ${claimed.time}, the commit object ${r.time}`;
    if (r.parents.join(' ') !== claimed.parents.join(' ')) return `it gives ${commit} other parents than the commit object`;
    for (const p of r.parents) {
      const rp = real.get(p);
      if (!rp) return `it names ${p}, which is not a commit`;
      if (!walk.taken.has(p) && rp.time >= since) return `it puts ${p} before the window, the commit object in it`;
    }
  }
  if (walk.latest && real.get(walk.latest.commit)?.time !== walk.latest.time) return `it dates the latest commit ${walk.latest.commit} differently from its object`;
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
