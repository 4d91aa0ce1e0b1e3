// The threat model's table is a promise: every door names the test that proves its defence, and
// that test exists. SECURITY.md says how to report and which versions are supported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/cli.js';

const rows = () =>
  readFileSync(join(REPO_ROOT, 'docs/threat-model.md'), 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| door') && !/^\|[-| ]+\|$/.test(l));

test('every row of the threat model names an existing test file', () => {
  const table = rows();
  assert.ok(table.length >= 8, `only ${table.length} rows`);
  for (const row of table) {
    const cells = row.split(' | ');
    const last = cells[cells.length - 1]!;
    const named = [...last.matchAll(/`(test\/[^`]+\.test\.ts)`/g)].map((m) => m[1]!);
    assert.ok(named.length > 0, `no test named in: ${row.slice(0, 80)}`);
    for (const file of named) assert.ok(existsSync(join(REPO_ROOT, file)), `${file} (named for ${cells[0]!.slice(2)}) does not exist`);
  }
});

test('SECURITY.md says how to report and which versions are supported', () => {
  const s = readFileSync(join(REPO_ROOT, 'SECURITY.md'), 'utf8');
  assert.match(s, /## How to report/);
  assert.match(s, /## Supported versions/);
  assert.match(s, /docs\/threat-model\.md/);
});
