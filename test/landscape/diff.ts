// The exact changed lines between two texts, from `git diff --no-index -U0` (hunk headers and
// +/- lines), so tests can assert an edit touched nothing else.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function changedLines(before: string, after: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'steward-diff-'));
  try {
    writeFileSync(join(dir, 'a'), before);
    writeFileSync(join(dir, 'b'), after);
    const r = spawnSync('git', ['diff', '--no-index', '--no-color', '-U0', '--', join(dir, 'a'), join(dir, 'b')], { encoding: 'utf8' });
    if (r.status !== 0 && r.status !== 1) throw new Error(`git diff failed: ${r.stderr}`);
    return r.stdout
      .split('\n')
      .filter((l) => /^(@@|[+-])/.test(l) && !/^(\+\+\+|---) /.test(l))
      .map((l) => (l.startsWith('@@') ? l.replace(/ @@.*$/, ' @@') : l));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
