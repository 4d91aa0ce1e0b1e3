// Runs the git CLI with argument arrays (never a shell) and a locale/config that can't change
// its output: no pager, no user config surprises, C locale, no optional locks.
import { execFile, spawn } from 'node:child_process';
import { InputError } from '../../util/errors.js';

const GIT_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  LC_ALL: 'C',
  LANG: 'C',
  GIT_PAGER: 'cat',
  GIT_TERMINAL_PROMPT: '0',
  GIT_OPTIONAL_LOCKS: '0',
  GIT_CONFIG_NOSYSTEM: '1',
  // a repository's own hooks or fsmonitor must never run during a check
  GIT_CONFIG_COUNT: '2',
  GIT_CONFIG_KEY_0: 'core.fsmonitor',
  GIT_CONFIG_VALUE_0: 'false',
  GIT_CONFIG_KEY_1: 'safe.directory',
  GIT_CONFIG_VALUE_1: '*',
};

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
}

/** Runs git and returns stdout as a Buffer; throws GitError with git's own message on failure. */
export function gitBuffer(args: string[], opts: GitOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      args,
      {
        cwd: opts.cwd,
        env: GIT_ENV,
        encoding: 'buffer',
        maxBuffer: opts.maxBuffer ?? 512 * 1024 * 1024,
        timeout: opts.timeoutMs ?? 120_000,
        windowsHide: true,
      },
      (err, stdout, stderr) => {
        if (err) {
          const text = stderr.toString('utf8').trim();
          const code = typeof err.code === 'number' ? err.code : null;
          if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
            reject(new InputError('git is not installed or not on PATH; steward reads repositories with the git command'));
            return;
          }
          reject(new GitError(text.split('\n').pop() || err.message, args, text, code));
          return;
        }
        resolve(stdout);
      },
    );
    if (opts.input !== undefined) child.stdin?.end(opts.input);
  });
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
  await new Promise<void>((resolve, reject) => {
    const child = spawn('git', args, { cwd: opts.cwd, env: GIT_ENV, windowsHide: true });
    let rest = '';
    let stderr = '';
    let stopped = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (stopped) return;
      const parts = (rest + chunk).split(separator);
      rest = parts.pop() ?? '';
      for (const p of parts) {
        if (onLine(p) === false) {
          stopped = true;
          rest = '';
          child.kill('SIGKILL');
          return;
        }
      }
    });
    child.stderr.on('data', (c: Buffer) => {
      if (stderr.length < 64 * 1024) stderr += c.toString('utf8');
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 300_000);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(
        (err as NodeJS.ErrnoException).code === 'ENOENT'
          ? new InputError('git is not installed or not on PATH; steward reads repositories with the git command')
          : err,
      );
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (rest && !stopped) onLine(rest);
      if (code === 0 || stopped) resolve();
      else reject(new GitError(stderr.trim().split('\n').pop() || `git exited with ${code}`, args, stderr, code));
    });
  });
}
