// The installed CLI (bin/steward.js → the esbuild bundle with prepared license templates) must give
// byte-identical reports to the TypeScript sources (run through tsx here, whatever CLI the rest of
// the suite runs).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildRepo, cleanupTemp } from '../support/repo.js';
import { runCli, REPO_ROOT } from '../support/cli.js';
import { templateLicenseText } from '../../src/evidence/license/templates.js';

after(cleanupTemp);

test('bin/steward.js (bundled) and the sources give the same JSON report', async () => {
  execFileSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build.mjs')], { cwd: REPO_ROOT });
  assert.ok(existsSync(join(REPO_ROOT, 'dist', 'bundle', 'license-templates.json')), 'the build prepares the license templates');
  assert.ok(existsSync(join(REPO_ROOT, 'dist', 'bundle', 'policy-default.json')), 'the build prepares the default policy');
  const dir = await buildRepo({
    commits: [
      {
        date: '2026-11-01T00:00:00Z',
        files: {
          LICENSE: 'Copyright (c) 2026 Example\n\n' + templateLicenseText('BSD-3-Clause'),
          'README.md': '# Demo\n\nA demo project.\n',
          'pyproject.toml': '[project]\nname = "demo"\ndependencies = ["torch>=2.0"]\n',
        },
      },
    ],
  });
  const args = ['check', dir, '--offline', '--as-of', '2026-11-27', '--format', 'json'];
  const bundled = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'steward.js'), ...args], { encoding: 'utf8' });
  const source = await runCli(args, { fromSources: true });
  assert.equal(bundled.stderr, '');
  assert.equal(bundled.status, source.code);
  assert.equal(bundled.stdout, source.stdout);
  const license = JSON.parse(bundled.stdout).requirements.find((r: { key: string }) => r.key === 'permissive-license');
  assert.equal(license.status, 'pass');
  assert.equal(license.measured.spdx, 'BSD-3-Clause');
});
