// The one way Steward runs git. Every git process under src/ is started by `spawnGit` below, with
// an environment built from nothing (only PATH, HOME, TMPDIR and, for our own clones, proxy and CA
// settings are inherited) and command-line config, which outranks anything a repository's own
// config says. A repository being checked is hostile input: its config may name commands
// (core.sshCommand, core.fsmonitor, hooks, gpg.program, a pager, credential helpers, a promisor
// remote to fetch missing objects from); none of them may run. Argument arrays only, never a shell.
import { spawn, type ChildProcess } from 'node:child_process';
import { InputError } from '../../util/errors.js';

/**
 * `read`: the repository is read and nothing else — every transport refused (`protocol.allow
 * never`), no lazy fetch of missing objects. `network`: a clone or fetch Steward itself makes of
 * a URL it chose; only that URL's scheme (http or https) is allowed.
 */
export type GitMode = { kind: 'read' } | { kind: 'network'; url: string };

const READ: GitMode = { kind: 'read' };

/** Config no repository can override: command-line `-c` outranks system, global and local config. */
export const CONFIG_ARGS: readonly string[] = [
  ['core.hooksPath', '/dev/null'],
  ['core.fsmonitor', 'false'],
  ['core.sshCommand', 'false'],
  ['core.askPass', ''],
  ['core.pager', 'cat'],
  ['core.editor', 'false'],
  ['core.attributesFile', '/dev/null'],
  ['credential.helper', ''],
  ['gpg.program', 'false'],
  ['gpg.ssh.program', 'false'],
  ['gpg.x509.program', 'false'],
  ['log.showSignature', 'false'],
  ['gc.auto', '0'],
  ['maintenance.auto', 'false'],
  ['fetch.recurseSubmodules', 'false'],
  ['submodule.recurse', 'false'],
  ['protocol.allow', 'never'],
  // reading a repository owned by another user is safe only because of everything above
  ['safe.directory', '*'],
].flatMap(([k, v]) => ['-c', `${k}=${v}`]);

/** The protocols a network-mode call may use: exactly the scheme of the URL it was given. */
export function protocolArgs(mode: GitMode): string[] {
  if (mode.kind === 'read') return [];
  const scheme = /^(https?):\/\//i.exec(mode.url)?.[1]?.toLowerCase();
  if (!scheme) throw new InputError(`git over the network: expected an http or https URL; found ${JSON.stringify(mode.url)}`);
  return ['-c', `protocol.${scheme}.allow=always`];
}

const INHERITED = ['PATH', 'HOME', 'TMPDIR', 'SYSTEMROOT'];
const INHERITED_NETWORK = [
  'HTTPS_PROXY',
  'https_proxy',
  'HTTP_PROXY',
  'http_proxy',
  'ALL_PROXY',
  'all_proxy',
  'NO_PROXY',
  'no_proxy',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'GIT_SSL_CAINFO',
];

/** The whole environment of a git process: nothing else of Steward's environment reaches git. */
export function gitEnv(mode: GitMode, from: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const k of mode.kind === 'network' ? [...INHERITED, ...INHERITED_NETWORK] : INHERITED) {
    if (from[k] !== undefined) env[k] = from[k];
  }
  return {
    ...env,
    LC_ALL: 'C',
    LANG: 'C',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_ATTR_NOSYSTEM: '1',
    GIT_NO_REPLACE_OBJECTS: '1',
    GIT_NO_LAZY_FETCH: '1', // git 2.45+; on older git, protocol.allow=never stops the fetch
    GIT_PROTOCOL_FROM_USER: '0',
    GIT_TERMINAL_PROMPT: '0',
    GIT_ASKPASS: '',
    SSH_ASKPASS: '',
    GIT_SSH_COMMAND: 'false',
    GIT_PAGER: 'cat',
    GIT_EDITOR: 'false',
    GIT_OPTIONAL_LOCKS: '0',
    GCM_INTERACTIVE: 'never',
    // Fully buffered output. Unset, git flushes after every record when stdout is a pipe: the early
    // warning's git log over a year of a large project made ~30 000 writes, as many wake-ups and
    // 'data' events here (21 000 context switches, a third more CPU in git alone). Nothing here
    // talks to git record by record: input is written whole, output read to the end or until a
    // reader stops it.
    GIT_FLUSH: '0',
  };
}

export class GitError extends Error {
  override name = 'GitError';
  constructor(
    message: string,
    readonly args: string[],
    readonly stderr: string,
    readonly code: number | null,
  ) {
    super(message);
  }
}

export interface GitOptions {
  /** the repository: a work tree or a git dir */
  cwd: string;
  /** bytes of stdout to accept (default 512 MiB) */
  maxBuffer?: number;
  timeoutMs?: number;
  input?: string | Buffer;
  /** default: read only */
  mode?: GitMode;
}

const NOT_INSTALLED = 'git is not installed or not on PATH; steward reads repositories with the git command';

/**
 * Starts git: the only process start in src/. The caller reads stdout; stderr is kept (64 KiB)
 * for the error message; the process is killed at the deadline.
 */
export function spawnGit(
  args: string[],
  opts: { cwd: string; mode?: GitMode; timeoutMs: number; stdin: boolean },
): {
  child: ChildProcess & { stdout: NonNullable<ChildProcess['stdout']> };
  stderr: () => string;
  timedOut: () => boolean;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
} {
  const mode = opts.mode ?? READ;
  const child = spawn('git', [...CONFIG_ARGS, ...protocolArgs(mode), ...args], {
    cwd: opts.cwd,
    env: gitEnv(mode),
    stdio: [opts.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    windowsHide: true,
  }) as ChildProcess & { stdout: NonNullable<ChildProcess['stdout']> };
  let stderr = '';
  let timedOut = false;
  child.stderr!.on('data', (c: Buffer) => {
    if (stderr.length < 64 * 1024) stderr += c.toString('utf8');
  });
  child.stdin?.on('error', () => undefined); // git may exit before reading all; its exit status says why
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, opts.timeoutMs);
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', (err) => {
      clearTimeout(timer);
      reject((err as NodeJS.ErrnoException).code === 'ENOENT' ? new InputError(NOT_INSTALLED) : err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal });
    });
  });
  return { child, stderr: () => stderr, timedOut: () => timedOut, done };
}

/** The GitError of a run that failed: git's own last line, or why it was stopped. */
export function failure(args: string[], stderr: string, code: number | null, timedOut: boolean, timeoutMs: number): GitError {
  const text = stderr.trim();
  const last = text.split('\n').pop() || `git exited with ${code}`;
  return new GitError(timedOut ? `git ${args[0]} took longer than ${timeoutMs / 1000} s and was stopped` : last, args, text, code);
}

/** Runs git and returns stdout as a Buffer; throws GitError with git's own message on failure. */
export async function gitBuffer(args: string[], opts: GitOptions): Promise<Buffer> {
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const maxBuffer = opts.maxBuffer ?? 512 * 1024 * 1024;
  const run = spawnGit(args, { cwd: opts.cwd, timeoutMs, stdin: opts.input !== undefined, ...(opts.mode ? { mode: opts.mode } : {}) });
  const chunks: Buffer[] = [];
  let bytes = 0;
  let overflow = false;
  run.child.stdout.on('data', (c: Buffer) => {
    if (overflow) return;
    bytes += c.length;
    if (bytes > maxBuffer) {
      overflow = true;
      run.child.kill('SIGKILL');
    } else chunks.push(c);
  });
  if (opts.input !== undefined) run.child.stdin!.end(opts.input);
  const { code } = await run.done;
  if (overflow) throw new GitError(`git ${args[0]} printed more than ${maxBuffer} bytes and was stopped`, args, run.stderr(), code);
  if (code !== 0) throw failure(args, run.stderr(), code, run.timedOut(), timeoutMs);
  return Buffer.concat(chunks);
}

export async function git(args: string[], opts: GitOptions): Promise<string> {
  return (await gitBuffer(args, opts)).toString('utf8');
}

/**
 * Streams git's stdout line by line (for histories too large to hold as one string).
 * `onLine` returning `false` stops early: git is killed and the promise resolves.
 */
export async function gitLines(
  args: string[],
  opts: GitOptions,
  onLine: (line: string) => void | boolean,
  separator = '\n',
): Promise<void> {
  const timeoutMs = opts.timeoutMs ?? 300_000;
  const run = spawnGit(args, { cwd: opts.cwd, timeoutMs, stdin: opts.input !== undefined, ...(opts.mode ? { mode: opts.mode } : {}) });
  // a record without a separator is held whole: bounded, so hostile output can't fill memory
  const maxLine = opts.maxBuffer ?? 64 * 1024 * 1024;
  let overlong = false;
  let rest = '';
  let stopped = false;
  run.child.stdout.setEncoding('utf8');
  run.child.stdout.on('data', (chunk: string) => {
    if (stopped) return;
    const parts = (rest + chunk).split(separator);
    rest = parts.pop() ?? '';
    if (rest.length > maxLine) {
      overlong = true;
      stopped = true;
      rest = '';
      run.child.kill('SIGKILL');
      return;
    }
    for (const p of parts) {
      if (onLine(p) === false) {
        stopped = true;
        rest = '';
        run.child.kill('SIGKILL');
        return;
      }
    }
  });
  if (opts.input !== undefined) run.child.stdin!.end(opts.input);
  const { code } = await run.done;
  if (overlong)
    throw new GitError(`git ${args[0]} printed a record longer than ${maxLine} bytes and was stopped`, args, run.stderr(), code);
  if (rest && !stopped) onLine(rest);
  if (code !== 0 && !stopped) throw failure(args, run.stderr(), code, run.timedOut(), timeoutMs);
}
