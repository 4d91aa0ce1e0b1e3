// The git processes a hosted target needs: clone, fetch and the explicit blob fetch. They run
// through the one git runner: `network` mode allows exactly the clone URL's scheme, with no
// credential helper, prompt, hook or ssh command; everything else (config, ls-tree) is read mode.
import { GitError, gitBuffer } from '../evidence/git/run.js';
import { listTree } from '../evidence/git/tree.js';
import type { TreeEntry } from '../evidence/types.js';
import { InputError } from '../util/errors.js';
import type { RemoteSpec } from './remote-target.js';

export interface RemoteGitOptions {
  input?: string;
  /** the URL this call may reach; without it the call can't open a connection */
  network?: string;
}

export async function runGit(
  cwd: string,
  args: string[],
  timeoutMs = 600_000,
  spec: RemoteSpec,
  opts: RemoteGitOptions = {},
): Promise<string> {
  try {
    const out = await gitBuffer(args, {
      cwd,
      timeoutMs,
      ...(opts.input !== undefined ? { input: opts.input } : {}),
      ...(opts.network ? { mode: { kind: 'network' as const, url: opts.network } } : {}),
    });
    return out.toString('utf8');
  } catch (e) {
    if (!(e instanceof GitError)) throw e;
    const err = e.stderr;
    const last = err.split('\n').filter(Boolean).pop() ?? e.message;
    const verb = args.includes('clone') ? 'clone' : args.includes('fetch') ? 'fetch' : args[0];
    const notFound = /not found|does not exist|repository .* not found|404/i.test(err);
    const timedOut = /took longer than/.test(e.message);
    throw new InputError(
      notFound
        ? `${spec.webUrl}: no such repository (git ${verb}: ${last})`
        : `${spec.webUrl}: git ${verb} failed: ${timedOut ? `${last} (timed out)` : last}`,
    );
  }
}

/**
 * Fetches, in one request, the blobs a check reads at `commit` that the blobless clone lacks. The
 * tree is listed through the shared listing, which the check itself then reads again for free.
 * `allMissing`: a fresh blobless clone has no blob, so there is no need to ask git which are absent.
 * `writeCommitGraph`: the fetch also writes the clone's commit-graph (a fresh clone has none), so
 * that takes no git process of its own. Resolves to whether it was written.
 */
export async function fetchWantedBlobs(
  dir: string,
  cloneUrl: string,
  commit: string,
  wants: (p: string) => boolean,
  timeoutMs: number | undefined,
  spec: RemoteSpec,
  opts: { allMissing?: boolean; writeCommitGraph?: boolean } = {},
): Promise<{ commitGraphWritten: boolean }> {
  const none = { commitGraphWritten: false };
  let tree: TreeEntry[];
  try {
    tree = await listTree(dir, commit);
  } catch {
    return none; // the check's own listing reports it
  }
  const oids = [...new Set(tree.filter((e) => e.type === 'blob' && wants(e.path)).map((e) => e.oid))];
  if (oids.length === 0) return none;
  let missing = oids;
  if (!opts.allMissing) {
    // which of them are missing (`?oid`); asking cat-file instead would die on the first one
    const listed = await runGit(
      dir,
      ['rev-list', '--objects', '--no-walk', '--missing=print', '--end-of-options', commit],
      timeoutMs,
      spec,
    ).catch(() => '');
    const absent = new Set(
      listed
        .split('\n')
        .filter((l) => l.startsWith('?'))
        .map((l) => l.slice(1).trim()),
    );
    missing = oids.filter((o) => absent.has(o));
  }
  if (missing.length === 0) return none;
  // with fetch.writeCommitGraph git writes the graph of every reachable commit after the fetch, as
  // `commit-graph write --reachable --split` would: one layer, read like any other
  const graph = opts.writeCommitGraph ? ['-c', 'fetch.writeCommitGraph=true'] : [];
  await runGit(
    dir,
    [
      ...graph,
      'fetch',
      '--quiet',
      '--no-tags',
      '--no-write-fetch-head',
      '--recurse-submodules=no',
      '--filter=blob:none',
      '--stdin',
      cloneUrl,
    ],
    timeoutMs,
    spec,
    { input: missing.join('\n') + '\n', network: cloneUrl },
  );
  return { commitGraphWritten: opts.writeCommitGraph === true };
}

/**
 * A fresh clone has no commit-graph, and the history walk is then ~10x slower (every commit object
 * inflated). Our own cache, so we write one: whole after a clone, a new split layer after a fetch
 * (git merges small layers itself), which costs only the new commits. A failure only costs speed.
 */
export async function writeCommitGraph(
  dir: string,
  after: 'cloned' | 'fetched',
  timeoutMs: number | undefined,
  spec: RemoteSpec,
): Promise<void> {
  const split = after === 'fetched' ? ['--split'] : [];
  await runGit(
    dir,
    ['-c', 'fetch.writeCommitGraph=false', 'commit-graph', 'write', '--reachable', '--no-progress', ...split],
    timeoutMs,
    spec,
  ).catch(() => undefined);
}
