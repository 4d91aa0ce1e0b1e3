import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expandMatrix, substitute } from '../../../src/evidence/ci/matrix.js';
import { readGithubWorkflow, triggersOf } from '../../../src/evidence/ci/github-actions.js';
import { classifierOs, labelOs, runnerOs } from '../../../src/evidence/ci/runners.js';
import type { EvidenceProblem } from '../../../src/evidence/types.js';

test('triggers from `on:` as a string, a list and a map', () => {
  assert.deepEqual(triggersOf('push'), ['push']);
  assert.deepEqual(triggersOf(['push', 'pull_request']), ['push', 'pull_request']);
  assert.deepEqual(triggersOf({ push: { branches: ['main'] }, workflow_dispatch: null }), ['push', 'workflow_dispatch']);
  assert.deepEqual(triggersOf(undefined), []);
});

test('matrix: product, exclude (partial), include extending and adding, GitHub semantics', () => {
  const { combos } = expandMatrix({
    os: ['ubuntu-latest', 'windows-latest'],
    py: ['3.10', '3.11'],
    exclude: [{ os: 'windows-latest', py: '3.10' }],
    include: [
      { py: '3.11', experimental: true },
      { os: 'macos-14', py: '3.12' },
      { os: 'ubuntu-latest', torch: 'nightly' },
    ],
  });
  assert.deepEqual(combos, [
    { os: 'ubuntu-latest', py: '3.10', torch: 'nightly' },
    { os: 'ubuntu-latest', py: '3.11', experimental: true, torch: 'nightly' },
    { os: 'windows-latest', py: '3.11', experimental: true },
    { os: 'macos-14', py: '3.12' },
  ]);
  assert.deepEqual(expandMatrix({ include: [{ os: 'ubuntu-22.04' }] }).combos, [{ os: 'ubuntu-22.04' }]);
  assert.match(expandMatrix('${{ fromJSON(needs.plan.outputs.matrix) }}').note!, /computed at run time/);
});

test('matrix over 256 jobs: every value still appears once, with a note', () => {
  const big = expandMatrix({
    a: Array.from({ length: 20 }, (_, i) => i),
    b: Array.from({ length: 20 }, (_, i) => i),
    os: ['ubuntu-latest', 'macos-latest', 'windows-latest'],
  });
  assert.match(big.note!, /1200 combinations/);
  assert.deepEqual(new Set(big.combos.map((c) => c.os)), new Set(['ubuntu-latest', 'macos-latest', 'windows-latest']));
});

test('substitution: matrix paths, unresolved expressions keep their quoted labels', () => {
  assert.deepEqual(substitute('${{ matrix.os }}', { os: 'ubuntu-24.04' }), ['ubuntu-24.04']);
  assert.deepEqual(substitute('${{ matrix.cfg.runner }}', { cfg: { runner: 'macos-15' } }), ['macos-15']);
  assert.deepEqual(substitute("${{ github.repository == 'a/b' && 'self-hosted' || 'ubuntu-latest' }}", {}), [
    'self-hosted',
    'ubuntu-latest',
  ]);
  assert.deepEqual(substitute('${{ inputs.runner }}', {}), ['${{ inputs.runner }}']);
});

test('runner labels and classifiers to operating systems', () => {
  assert.equal(labelOs('ubuntu-22.04-arm'), 'linux');
  assert.equal(labelOs('macos-14-xlarge'), 'macos');
  assert.equal(labelOs('windows-2022'), 'windows');
  assert.equal(labelOs('self-hosted'), undefined);
  assert.equal(labelOs('linux.g5.4xlarge.nvidia.gpu'), 'linux');
  assert.equal(runnerOs(['self-hosted', 'gpu']), undefined);
  assert.equal(runnerOs(['self-hosted', 'Linux', 'X64']), 'linux');
  assert.deepEqual(
    classifierOs([
      'Operating System :: POSIX :: Linux',
      'Operating System :: MacOS :: MacOS X',
      'Operating System :: Microsoft :: Windows :: Windows 11',
      'Operating System :: OS Independent',
      'License :: OSI Approved',
    ]),
    ['linux', 'macos', 'windows'],
  );
  assert.deepEqual(classifierOs(['Operating System :: OS Independent']), []);
});

const WORKFLOW = `name: CI
on:
  push:
    branches: [main]
  pull_request:
jobs:
  tests:
    strategy:
      matrix:
        os: [ubuntu-latest, macos-latest]
        include:
          - os: windows-latest
    runs-on: \${{ matrix.os }}
    steps:
      - uses: actions/checkout@v4
      - run: pip install -e .[test]
      - name: Run tests
        run: |
          set -e
          python -m pytest tests
  gpu:
    runs-on: [self-hosted, linux, gpu]
    container: pytorch/pytorch:latest
    steps:
      - run: "tox -e gpu"
  groups:
    runs-on:
      group: big-runners
      labels: windows-2022
  reuse:
    uses: ./.github/workflows/_tests.yml
    with: { python: "3.12" }
  publish:
    runs-on: ubuntu-latest
    steps:
      - uses: pypa/gh-action-pypi-publish@release/v1
`;

test('a realistic workflow: triggers, expanded runners, OSes, step lines, reusable calls, publishing', () => {
  const problems: EvidenceProblem[] = [];
  const r = readGithubWorkflow('.github/workflows/ci.yml', WORKFLOW, problems)!;
  assert.deepEqual(problems, []);
  assert.deepEqual(r.workflow.triggers, ['push', 'pull_request']);
  assert.deepEqual(r.workflow.runners, [
    'group:big-runners, windows-2022',
    'macos-latest',
    'self-hosted, linux, gpu',
    'ubuntu-latest',
    'windows-latest',
  ]);
  assert.deepEqual(r.workflow.os, ['linux', 'macos', 'windows']);
  assert.deepEqual(r.workflow.calls, ['./.github/workflows/_tests.yml']);
  assert.deepEqual(
    r.testSteps.map((s) => [s.tool, s.line, s.job, s.text]),
    [
      ['pytest', 20, 'tests', 'python -m pytest tests'],
      ['tox', 25, 'gpu', 'tox -e gpu'],
    ],
  );
  assert.deepEqual(
    r.publishSteps.map((s) => [s.tool, s.line, s.job]),
    [['pypa/gh-action-pypi-publish', 36, 'publish']],
  );
});

test('hostile workflows: alias bombs, syntax errors with lines, deep nesting, non-mapping documents', () => {
  const problems: EvidenceProblem[] = [];
  const bomb = [
    'a: &a ["x","x","x","x","x","x","x","x","x"]',
    'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
    'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
    'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
    'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
    'f: [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
    'on: push',
  ].join('\n');
  assert.equal(readGithubWorkflow('bomb.yml', bomb, problems), undefined);
  assert.match(problems.pop()!.message, /could not be read as YAML: .*alias/i);

  assert.equal(readGithubWorkflow('bad.yml', 'on: push\njobs:\n  t:\n    runs-on: [ubuntu\n', problems), undefined);
  assert.equal(problems.pop()!.line, 5);

  const deepMatrix = `on: push\njobs:\n  t:\n    runs-on: \${{ matrix.os }}\n    strategy:\n      matrix:\n        os: [ubuntu-latest]\n        cfg: [${'['.repeat(2000)}${']'.repeat(2000)}]\n        include: [{os: windows-latest, cfg: ${'{a: '.repeat(300)}1${'}'.repeat(300)}}]\n`;
  const start = Date.now();
  const r = readGithubWorkflow('deep.yml', deepMatrix, problems);
  assert.ok(Date.now() - start < 3000);
  if (r) assert.deepEqual(r.workflow.os, ['linux', 'windows']);
  else assert.ok(problems.length > 0);

  const scalar = readGithubWorkflow('scalar.yml', '"just a string"', problems)!;
  assert.deepEqual(scalar.workflow.triggers, []);
  assert.match(problems.pop()!.message, /must be a mapping/);
});

test('a command run through a wrapping action (nick-fields/retry `command:`) counts as a step, with its line', () => {
  const problems: EvidenceProblem[] = [];
  const wf = readGithubWorkflow(
    '.github/workflows/unit-tests.yml',
    [
      'on: [push]',
      'jobs:',
      '  cpu:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: nick-fields/retry@v3',
      '        with:',
      '          max_attempts: 3',
      '          command: bash tests/run_cpu_tests.sh',
      '      - uses: actions/cache@v4',
      '        with:',
      '          path: ~/.cache/pip',
    ].join('\n'),
    problems,
  );
  assert.deepEqual(problems, []);
  assert.deepEqual(
    wf?.testSteps.map((s) => `${s.tool}@${s.line} ${s.job}`),
    ['shell test script@9 cpu'],
  );
});
