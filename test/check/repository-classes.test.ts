// Classes of real repositories the checker had not met (issue 9), each as a synthetic repository
// shaped like the case, judged end to end through check().
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildRepo, cleanupTemp } from '../support/repo.js';
import { check } from '../../src/check/index.js';
import type { Result } from '../../src/requirements/types.js';
import { CI_WORKFLOW, wellKeptPyproject } from '../../src/demo/project-files.js';

after(cleanupTemp);

const AS_OF = new Date('2026-11-27T00:00:00Z');
const byKey = (results: Result[]) => Object.fromEntries(results.map((r) => [r.key, r]));

test('a clone without tags, offline: the release half of 10 is unknown and says why, not fail', async () => {
  const dir = await buildRepo({
    commits: [
      {
        date: '2026-09-01T00:00:00Z',
        files: { 'pyproject.toml': wellKeptPyproject('monthly'), 'tests/test_a.py': 'def test_a():\n    pass\n' },
      },
      { date: '2026-11-01T00:00:00Z', files: { '.github/workflows/ci.yml': CI_WORKFLOW } },
    ],
  });
  const r = byKey((await check(dir, { asOf: AS_OF, offline: true })).report.requirements)['ongoing-maintenance']!;
  assert.equal(r.status, 'unknown', r.summary);
  assert.match(r.summary, /^The clone has no tags up to 2026-11-27 and the host was not asked for releases/);
  assert.match(r.fix!, /asks the host for its releases/);
  // the same history with one old tag has told its story: fail
  const tagged = await buildRepo({
    commits: [
      { date: '2024-01-01T00:00:00Z', files: { 'pyproject.toml': wellKeptPyproject('monthly') } },
      { date: '2026-11-01T00:00:00Z', files: { 'README.md': 'x\n' } },
    ],
    tags: { 'v0.1': 0 },
  });
  assert.equal(byKey((await check(tagged, { asOf: AS_OF, offline: true })).report.requirements)['ongoing-maintenance']!.status, 'fail');
});

const RUN_TESTS_CI = `name: CI
on: [push, pull_request]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: pip install -e .
      - run: ./run_tests.sh lint
      - run: ./run_tests.sh format
      - run: ./run_tests.sh tests
`;

test('tests: benchmarks/*_test.py are not the suite and never come first; the CI step cited runs the tests, not the lint above it', async () => {
  const dir = await buildRepo({
    commits: [
      {
        date: '2026-11-01T00:00:00Z',
        files: {
          'pyproject.toml': wellKeptPyproject('bench'),
          'benchmarks/conv_test.py': 'def bench():\n    pass\n',
          'benchmarks/attention_test.py': 'def bench():\n    pass\n',
          'run_tests.sh': '#!/bin/sh\n',
          'tests/test_model.py': 'def test_m():\n    pass\n',
          'tests/test_data.py': 'def test_d():\n    pass\n',
          'src/bench/model_test.py': 'def test_inline():\n    pass\n',
          '.github/workflows/ci.yml': RUN_TESTS_CI,
        },
      },
    ],
  });
  const r = byKey((await check(dir, { asOf: AS_OF, offline: true })).report.requirements)['functional-testing']!;
  assert.equal(r.status, 'pass', r.summary);
  assert.deepEqual(r.measured.examples, ['tests/test_data.py', 'tests/test_model.py', 'src/bench/model_test.py']);
  assert.equal(r.measured.testFiles, 3);
  assert.equal(r.measured.ciStep, '.github/workflows/ci.yml:11: ./run_tests.sh tests');
  assert.equal(r.measured.ciSteps, 1, 'lint and format are not test steps');
  assert.match(
    r.summary,
    /^3 test files \(tests\/, src\/bench\/\) and CI runs them: shell test script at \.github\/workflows\/ci\.yml:11\./,
  );
});

test('a torch version newer than the release list: 1 and 10 are review naming the list, not a fail against the wrong pair', async () => {
  const dir = await buildRepo({
    commits: [
      {
        date: '2026-08-01T00:00:00Z',
        files: {
          'pyproject.toml': wellKeptPyproject('fresh').replace('"torch>=2.2"', '"torch==2.12.*"'),
          'tests/test_a.py': 'def test_a():\n    pass\n',
        },
      },
      {
        date: '2026-11-01T00:00:00Z',
        files: {
          'requirements-gpu.txt': 'torch @ https://download.pytorch.org/whl/cu126/torch-2.13.0%2Bcu126-cp312-cp312-linux_x86_64.whl\n',
        },
      },
    ],
    tags: { 'v1.0': 1 },
  });
  const { report, evidence } = await check(dir, { asOf: AS_OF, offline: true });
  assert.equal(evidence.torchReleaseList?.why, 'bundled');
  const r = byKey(report.requirements);
  const one = r['pytorch-support']!;
  assert.equal(one.status, 'review', one.summary);
  assert.match(
    one.summary,
    /^The repository names torch 2\.12, 2\.13\.0, which the bundled torch release list does not know \(its newest is 2\.11\.0 of 2026-03-23\)\./,
  );
  assert.match(one.summary, /Judged against the bundled torch release list of \d{4}-\d{2}-\d{2} \(newest 2\.11\.0, 2026-03-23\)\.$/);
  assert.match(one.fix!, /steward data refresh/);
  assert.equal(r['ongoing-maintenance']!.status, 'review', r['ongoing-maintenance']!.summary);
});

test('tests: the step cited runs the Python tests, not a native part’s cargo test nor a tox --notest that only builds', async () => {
  const native = `on: [push, pull_request]\njobs:\n  daemon:\n    strategy:\n      matrix:\n        os: [ubuntu-latest, macos-latest]\n    runs-on: \${{ matrix.os }}\n    steps:\n      - run: cargo test\n`;
  const python = `on: [push, pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: >\n          tox -e py312\n          --notest\n      - run: tox -e py312\n`;
  const dir = await buildRepo({
    commits: [
      {
        date: '2026-11-01T00:00:00Z',
        files: {
          'pyproject.toml': wellKeptPyproject('energy'),
          'tests/test_e.py': 'def test_e():\n    pass\n',
          '.github/workflows/a-daemon.yml': native,
          '.github/workflows/b-python.yml': python,
        },
      },
    ],
  });
  const r = byKey((await check(dir, { asOf: AS_OF, offline: true })).report.requirements)['functional-testing']!;
  assert.equal(r.measured.ciStep, '.github/workflows/b-python.yml:9: tox -e py312');
  assert.equal(r.measured.ciSteps, 2);
});
