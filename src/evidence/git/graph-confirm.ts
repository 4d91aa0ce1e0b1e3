// A commit-graph file is repository content: an applicant can rewrite its dates or parents and
// recompute its checksum. What a graph walk counts is therefore confirmed against the commit
// objects before it is used: every commit at or after the window's start (its committer time and
// parents), each of their parents (a commit just below the edge really is below it) and the
// latest commit. The cost is one `git log` over the window's commits, far less than the walk the
// graph saves; any disagreement sends the caller to the walk over the objects.
// The same `git log` prints each commit's author and Co-authored-by trailers, which is what the
// window's count reads next: a confirmed walk needs no second process over the same commits.
import { gitBuffer, GitError } from './run.js';
import type { GraphWalk } from './commit-graph.js';

/** A commit as its object says: committer time, parents, author, Co-authored-by values. */
export interface CommitDetail {
  time: number;
  parents: string[];
  name: string;
  email: string;
  coAuthors: string[];
}

/** Fields of one record: hash, committer time, parents, author name, author e-mail, then the trailers. */
export const DETAIL_FORMAT = '%H%x1f%ct%x1f%P%x1f%an%x1f%ae%x1f%(trailers:key=Co-authored-by,valueonly,unfold,separator=%x1f)';

/**
 * Reads commits from their objects (never the graph file, never the .mailmap: identities are
 * read as committed), in one git process: `-z` records of DETAIL_FORMAT, by hash.
 */
export async function readCommitDetails(cwd: string, commits: Iterable<string>): Promise<Map<string, CommitDetail>> {
  const out = await gitBuffer(
    [
      '-c',
      'core.commitGraph=false',
      '-c',
      'log.mailmap=false',
      'log',
      '--no-mailmap',
      '--no-walk=unsorted',
      '--no-show-signature',
      '-z',
      `--format=${DETAIL_FORMAT}`,
      '--stdin',
    ],
    { cwd, input: [...commits].join('\n') + '\n' },
  );
  const details = new Map<string, CommitDetail>();
  for (const record of out.toString('utf8').split('\0')) {
    if (!record) continue;
    const [commit = '', time = '', parents = '', name = '', email = '', ...trailers] = record.split('\x1f');
    if (!commit || !time) continue;
    details.set(commit, { time: Number(time), parents: parents.split(' ').filter(Boolean), name, email, coAuthors: trailers });
  }
  return details;
}

/**
 * Why the walk can't be trusted, or the commit objects' details of what it took (every window
 * commit among them) when they say the same.
 */
export async function confirmGraphWalk(
  cwd: string,
  head: string,
  walk: GraphWalk,
  since: number,
): Promise<{ rejected: string } | { details: Map<string, CommitDetail> }> {
  const wanted = new Set<string>(walk.taken.keys());
  for (const r of walk.taken.values()) for (const p of r.parents) wanted.add(p);
  if (walk.latest) wanted.add(walk.latest.commit);
  if (wanted.size === 0) return { details: new Map() };
  let real: Map<string, CommitDetail>;
  try {
    real = await readCommitDetails(cwd, wanted);
  } catch (err) {
    if (err instanceof GitError) return { rejected: `it names commits git cannot read (${err.message})` };
    throw err;
  }
  const why = disagreement(real, head, walk, since);
  return why ? { rejected: why } : { details: real };
}

function disagreement(real: Map<string, CommitDetail>, head: string, walk: GraphWalk, since: number): string | undefined {
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
