// The steering repository's shared data (../shared beside this repository; STEWARD_SHARED_DIR
// elsewhere, e.g. from a worktree), and the reason to print when a test that needs it skips.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const SHARED_DIR = process.env['STEWARD_SHARED_DIR'] ? resolve(process.env['STEWARD_SHARED_DIR']) : resolve(repoRoot, '../shared');

/** The path of a file under the shared folder and `false`, or the reason a test needing it skips. */
export function sharedFile(rel: string): { path: string; skip: string | false } {
  const path = resolve(SHARED_DIR, rel);
  return {
    path,
    skip: existsSync(path)
      ? false
      : `${path} is absent (the shared data folder is not beside the repository; set STEWARD_SHARED_DIR to point at it)`,
  };
}
