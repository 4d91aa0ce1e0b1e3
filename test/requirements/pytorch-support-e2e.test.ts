// Requirements 1, 2, 8, 9 and 10 through check() on real git repositories: packaging and CI
// files read from git at the evaluated commit, tags from git, problems carried into the report.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildRepo, cleanupTemp } from '../support/repo.js';
import { check } from '../../src/check/index.js';
import { CI_WORKFLOW as CI, wellKeptPyproject } from '../../src/demo/project-files.js';

const PYPROJECT = wellKeptPyproject('torch-widgets');
import type { Result } from '../../src/requirements/types.js';

after(cleanupTemp);

const AS_OF = new Date('2026-11-27T00:00:00Z');
const byKey = (results: Result[]) => Object.fromEntries(results.map((r) => [r.key, r]));

const RELEASE = `on:
  release:
    types: [published]
jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
      - run: python -m build
      - uses: pypa/gh-action-pypi-publish@release/v1
`;

test('a maintained torch project: 1, 8 pass; 2 warns (run status unknown offline); 9 unknown with the publish step; 10 passes', async () => {
  const dir = await buildRepo({
    commits: [
      {
        date: '2026-06-01T00:00:00Z',
        files: { 'pyproject.toml': PYPROJECT, 'src/widgets/__init__.py': '', 'tests/test_widgets.py': 'def test_x():\n    assert True\n' },
      },
      { date: '2026-10-01T00:00:00Z', files: { '.github/workflows/ci.yml': CI, '.github/workflows/release.yml': RELEASE } },
      // the working tree is never read: a later commit on another branch changes nothing
      { date: '2026-11-20T00:00:00Z', files: { 'requirements.txt': 'torch==2.1.0\n' }, branch: 'pin' },
    ],
    tags: { 'v0.3.0': { commit: 1, date: '2026-10-02T00:00:00Z' } },
  });
  const { report, evidence } = await check(dir, { asOf: AS_OF });
  const r = byKey(report.requirements);
  assert.equal(r['pytorch-support']!.status, 'pass', r['pytorch-support']!.summary);
  assert.deepEqual(r['pytorch-support']!.measured.declaredIn, ['pyproject.toml:12']);
  assert.deepEqual(r['pytorch-support']!.measured.latest, ['2.11', '2.10']);
  assert.equal(r['working-ci']!.status, 'warn');
  assert.match(r['working-ci']!.summary, /configured.*run status unknown/);
  assert.deepEqual(r['working-ci']!.measured.os, ['linux', 'macos']);
  assert.deepEqual(r['working-ci']!.measured.declaredOs, ['linux', 'macos']);
  assert.equal(r['functional-testing']!.status, 'pass');
  assert.equal(r['functional-testing']!.measured.ciStep, '.github/workflows/ci.yml:15: python -m pytest tests');
  assert.equal(r['packages']!.status, 'unknown');
  assert.equal(r['packages']!.measured.distribution, 'torch-widgets');
  assert.ok(r['packages']!.evidence.some((e) => e.ref === '.github/workflows/release.yml' && e.line === 9));
  assert.equal(r['ongoing-maintenance']!.status, 'pass', r['ongoing-maintenance']!.summary);
  assert.equal(evidence.python.torch.length, 1);
  assert.deepEqual(report.problems, []);
});

test('a neglected project: pinned torch fails 1 and 10, no CI fails 2, tests without CI warn 8; malformed files are problems with lines', async () => {
  const dir = await buildRepo({
    commits: [
      {
        date: '2024-01-01T00:00:00Z',
        files: {
          'setup.py': 'from setuptools import setup\nsetup(\n    name="old-thing",\n    install_requires=["torch==1.10.0", "numpy"],\n)\n',
          'pyproject.toml': '[tool.black]\nline-length = 100\n[broken\n',
          '.github/workflows/nightly.yml':
            'on:\n  schedule:\n    - cron: "0 0 * * *"\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n',
          '.github/workflows/bad.yml': 'on: push\njobs: [\n',
          'test/test_old.py': 'def test_old():\n    pass\n',
          'environment.yml': Buffer.from([0x64, 0x00, 0x01, 0x02]),
        },
      },
    ],
    tags: { 'v0.1': 0 },
  });
  const { report } = await check(dir, { asOf: AS_OF });
  const r = byKey(report.requirements);
  assert.equal(r['pytorch-support']!.status, 'fail');
  assert.match(r['pytorch-support']!.fix!, /change torch==1\.10\.0 at setup\.py:4 to `torch>=2\.10`/i);
  assert.equal(r['working-ci']!.status, 'fail');
  assert.match(r['working-ci']!.summary, /none runs on push or pull requests/);
  assert.equal(r['functional-testing']!.status, 'warn');
  assert.equal(r['ongoing-maintenance']!.status, 'fail');
  assert.match(r['ongoing-maintenance']!.summary, /excludes the latest release 2\.11/);
  assert.match(r['ongoing-maintenance']!.summary, /no commits in the last 90 days/);
  const problems = report.problems.map((p) => `${p.file}:${p.line ?? ''}`).sort();
  assert.deepEqual(problems, ['.github/workflows/bad.yml:3', 'environment.yml:', 'pyproject.toml:3']);
});
