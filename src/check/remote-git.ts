// The git processes a hosted target needs: clone, fetch and the explicit blob fetch, each with
// credential prompts and helpers off, a timeout, and an error that names the repository.
import { spawn } from 'node:child_process';
import { InputError } from '../util/errors.js';
import type { RemoteSpec } from './remote-target.js';

export function allow(cloneUrl: string): string[] {
  const proto = cloneUrl.startsWith('http://') ? 'http' : 'https';
  return ['-c', `protocol.${proto}.allow=always`, '-c', 'credential.helper=', '-c', 'core.askPass=true'];
}

const GIT_ENV_REMOTE: NodeJS.ProcessEnv = {
  ...process.env,
  LC_ALL: 'C',
  LANG: 'C',
  GIT_TERMINAL_PROMPT: '0',
  GIT_CONFIG_NOSYSTEM: '1',
  GCM_INTERACTIVE: 'never',
};

export function runGit(cwd: string, args: string[], timeoutMs = 600_000, spec: RemoteSpec, input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, env: GIT_ENV_REMOTE, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'], windowsHide: true });
    let out = '';
    let err = '';
    child.stdout!.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.stderr!.setEncoding('utf8').on('data', (c: string) => {
      if (err.length < 16_384) err += c;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject((e as NodeJS.ErrnoException).code === 'ENOENT' ? new InputError('git is not installed or not on PATH') : e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve(out);
      const last = err.trim().split('\n').filter(Boolean).pop() ?? `exit ${code ?? signal}`;
      const verb = args.includes('clone') ? 'clone' : args.includes('fetch') ? 'fetch' : args[0];
      const notFound = /not found|does not exist|repository .* not found|404/i.test(err);
      reject(
        new InputError(
          notFound
            ? `${spec.webUrl}: no such repository (git ${verb}: ${last})`
            : `${spec.webUrl}: git ${verb} failed: ${last}${signal ? ' (timed out)' : ''}`,
        ),
      );
    });
    if (input !== undefined) {
      child.stdin!.on('error', () => undefined); // git may exit before reading all; its exit status says why
      child.stdin!.end(input);
    }
  });
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
  const listed = await runGit(dir, ['rev-list', '--objects', '--no-walk', '--missing=print', '--end-of-options', rev], timeoutMs, spec).catch(() => '');
  const absent = new Set(listed.split('\n').filter((l) => l.startsWith('?')).map((l) => l.slice(1).trim()));
  const missing = [...new Set(oids.filter((o) => absent.has(o)))];
  if (missing.length === 0) return;
  await runGit(
    dir,
    [...allow(cloneUrl), 'fetch', '--quiet', '--no-tags', '--no-write-fetch-head', '--recurse-submodules=no', '--filter=blob:none', '--stdin', cloneUrl],
    timeoutMs,
    spec,
    missing.join('\n') + '\n',
  );
}

/**
 * A fresh clone has no commit-graph, and the history walk is then ~10x slower (every commit object
 * inflated). Our own cache, so we write one: whole after a clone, a new split layer after a fetch
 * (git merges small layers itself), which costs only the new commits. A failure only costs speed.
 */
export async function writeCommitGraph(dir: string, after: 'cloned' | 'fetched', timeoutMs: number | undefined, spec: RemoteSpec): Promise<void> {
  const split = after === 'fetched' ? ['--split'] : [];
  await runGit(dir, ['-c', 'fetch.writeCommitGraph=false', 'commit-graph', 'write', '--reachable', '--no-progress', ...split], timeoutMs, spec).catch(() => undefined);
}
