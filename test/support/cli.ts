// Runs the real CLI as a separate process, the way a user runs it, and returns what it printed and
// its exit status. Under scripts/run-tests.mjs (`npm test`) that is the bundle it built from the
// current sources for this run (STEWARD_TEST_CLI: ~0.3 s a start); a test file run on its own runs
// the TypeScript sources through tsx (~1 s a start, compiling them), so neither can be stale.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ENTRY = fileURLToPath(new URL('../../src/cli/run.ts', import.meta.url));

/** node's arguments that start the CLI from the TypeScript sources. */
export const SOURCE_CLI: readonly string[] = ['--import', 'tsx', ENTRY];

const bundled = process.env['STEWARD_TEST_CLI'];
if (bundled !== undefined && !existsSync(bundled)) {
  throw new Error(`STEWARD_TEST_CLI names ${bundled}, which does not exist (scripts/run-tests.mjs builds it and removes it afterwards)`);
}

/** node's arguments that start the CLI the tests run: the bundle run-tests built, else the sources. */
export const CLI: readonly string[] = bundled ? [bundled] : SOURCE_CLI;

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string; fromSources?: boolean } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(opts.fromSources ? SOURCE_CLI : CLI), ...args], {
      cwd: opts.cwd ?? REPO_ROOT,
      env: { ...process.env, NO_COLOR: '1', ...opts.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}
