// `steward serve` in a process of its own, as an operator starts it: the CLI the tests run (see
// ./cli.ts: the bundle under `npm test`, else the sources through tsx), its URL read from the
// "listening on" line, stopped with SIGTERM. Shared by the tests that need the real command
// (replay, serve) and bench/http.bench.ts.
import { spawn, type ChildProcess } from 'node:child_process';
import { CLI, REPO_ROOT as ROOT } from './cli.js';

export interface ServeProcess {
  url: string;
  child: ChildProcess;
  /** what it printed so far */
  stdout(): string;
  stderr(): string;
  /** SIGTERM, resolved with the exit code once it has exited */
  stop(): Promise<number | null>;
}

/** Starts `steward serve ...args` and resolves once it prints the address it listens on. */
export async function startServe(
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; stderr?: 'pipe' | 'inherit' } = {},
): Promise<ServeProcess> {
  const child = spawn(process.execPath, [...CLI, 'serve', ...args], {
    cwd: ROOT,
    env: opts.env ?? process.env,
    stdio: ['ignore', 'pipe', opts.stderr ?? 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    void exited.then((code) => reject(new Error(`steward serve exited ${code} before listening: ${err}`)));
  });
  return {
    url,
    child,
    stdout: () => out,
    stderr: () => err,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
