// The installed CLI (bin/steward.js → dist/bundle) for a test run on its own that starts many
// commands from outside the checkout (docs/cli.md): scripts/run-tests.mjs hands the tests a bundle
// of its own (STEWARD_TEST_CLI); without it, dist/bundle is rebuilt first when any source or data
// file is newer than it, so a test never judges stale code.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './cli.js';

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

/** node's arguments that start the CLI from any directory: run-tests' bundle, else bin/steward.js. */
export function bundledCli(): string[] {
  if (process.env['STEWARD_TEST_CLI']) return [process.env['STEWARD_TEST_CLI']];
  ensureBundle();
  return [BIN];
}
