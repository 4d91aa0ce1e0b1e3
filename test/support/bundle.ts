// The installed CLI (bin/steward.js → dist/bundle) for tests that run many commands: a start-up
// through the bundle costs about a fifth of one through tsx. The bundle is rebuilt first when any
// source or data file is newer than it, so a test never judges stale code.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, type CliResult } from './cli.js';

export const BIN = join(REPO_ROOT, 'bin', 'steward.js');
const BUNDLE = join(REPO_ROOT, 'dist', 'bundle', 'run.js');

function newestUnder(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const s = statSync(path);
    newest = Math.max(newest, s.isDirectory() ? newestUnder(path) : s.mtimeMs);
  }
  return newest;
}

let checked = false;

/** Builds dist/bundle when it is missing or older than src/ or data/ (once per test process). */
export function ensureBundle(): void {
  if (checked) return;
  checked = true;
  const built = existsSync(BUNDLE) ? statSync(BUNDLE).mtimeMs : 0;
  if (built >= Math.max(newestUnder(join(REPO_ROOT, 'src')), newestUnder(join(REPO_ROOT, 'data')))) return;
  execFileSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build.mjs')], { cwd: REPO_ROOT, stdio: 'inherit' });
}

/** Runs bin/steward.js as a user runs it and returns what it printed and its exit status. */
export function runBundled(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): Promise<CliResult> {
  ensureBundle();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? REPO_ROOT, env: { ...process.env, NO_COLOR: '1', ...opts.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}
