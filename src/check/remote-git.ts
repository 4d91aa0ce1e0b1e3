// The git processes a hosted target needs: clone, fetch and the explicit blob fetch. They run
// through the one git runner: `network` mode allows exactly the clone URL's scheme, with no
// credential helper, prompt, hook or ssh command; everything else (config, ls-tree) is read mode.
import { GitError, gitBuffer } from '../evidence/git/run.js';
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

/** Fetches, in one request, the blobs a check reads at `rev` that the blobless clone lacks. */
export async function fetchWantedBlobs(
  dir: string,
  cloneUrl: string,
  rev: string,
  wants: (p: string) => boolean,
  timeoutMs: number | undefined,
  spec: RemoteSpec,
): Promise<void> {
  if (rev.startsWith('-') || /[\0\s]/.test(rev)) return; // the local resolver reports a bad --rev
  let listing: string;
  try {
    listing = await runGit(dir, ['ls-tree', '-r', '-z', '--end-of-options', `${rev}^{tree}`], timeoutMs, spec);
  } catch {
    return; // an unknown revision is reported by the local resolver, with its own message
  }
  const oids: string[] = [];
  for (const rec of listing.split('\0')) {
    const m = /^(\d+) blob ([0-9a-f]{40,64})\t(.*)$/s.exec(rec);
    if (m && wants(m[3]!)) oids.push(m[2]!);
  }
  if (oids.length === 0) return;
  // which of them are missing (`?oid`); asking cat-file instead would die on the first one
  const listed = await runGit(
    dir,
    ['rev-list', '--objects', '--no-walk', '--missing=print', '--end-of-options', rev],
    timeoutMs,
    spec,
  ).catch(() => '');
  const absent = new Set(
    listed
      .split('\n')
      .filter((l) => l.startsWith('?'))
      .map((l) => l.slice(1).trim()),
  );
  const missing = [...new Set(oids.filter((o) => absent.has(o)))];
  if (missing.length === 0) return;
  await runGit(
    dir,
    ['fetch', '--quiet', '--no-tags', '--no-write-fetch-head', '--recurse-submodules=no', '--filter=blob:none', '--stdin', cloneUrl],
    timeoutMs,
    spec,
    { input: missing.join('\n') + '\n', network: cloneUrl },
  );
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
