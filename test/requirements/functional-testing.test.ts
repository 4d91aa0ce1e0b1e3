import { test } from 'node:test';
import assert from 'node:assert/strict';
import { functionalTesting, isTestFile } from '../../src/requirements/functional-testing.js';
import type { CiStep } from '../../src/evidence/types.js';
import { ctx, makeEvidence, evaluateRule } from '../support/evidence.js';
import { assertSaid } from '../support/messages.js';

function run(paths: string[], steps: CiStep[]) {
  const ev = makeEvidence({ paths, overrides: { ci: { systems: [], workflows: [], os: [], testSteps: steps, publishSteps: [] } } });
  return evaluateRule(functionalTesting, ev, ctx());
}

const STEP: CiStep = { file: '.github/workflows/ci.yml', line: 20, job: 'tests', tool: 'pytest', text: 'python -m pytest tests' };

test('which paths are test sources', () => {
  for (const p of ['tests/test_a.py', 'test/helpers.py', 'testing/run.cpp', 'src/pkg/tests/data_check.py', 'test_x.py', 'pkg/io_test.py'])
    assert.equal(isTestFile(p), true, p);
  for (const p of [
    'tests/__init__.py',
    'tests/conftest.py',
    'tests/README.md',
    'third_party/x/tests/test_y.py',
    'src/pkg/testutils.py',
    'latest/a.py',
    'contest/a.py',
  ])
    assert.equal(isTestFile(p), false, p);
});

test('tests and a CI step pass; the measured keys name both', () => {
  const r = run(['tests/test_model.py', 'tests/test_data.py', 'src/m.py'], [STEP]);
  assert.equal(r.status, 'pass');
  assert.equal(r.measured.testFiles, 2);
  assert.equal(r.measured.runner, 'pytest');
  assert.equal(r.measured.ciStep, '.github/workflows/ci.yml:20: python -m pytest tests');
  assert.equal(r.evidence[0]?.line, 20);
  assertSaid(functionalTesting, r, 'testedInCi', {
    files: '2 test files',
    where: 'tests/',
    runner: 'pytest',
    step: '.github/workflows/ci.yml:20',
  });
});

test('tests without a CI step warn with a fix; no tests fail even when CI runs pytest', () => {
  const w = run(['tests/test_model.py'], []);
  assert.equal(w.status, 'warn');
  assert.match(w.fix!, /python -m pytest tests\//);
  assertSaid(functionalTesting, w, 'notRunByCi', { files: '1 test file', noCi: '; no CI configuration was found' });
  const f = run(['src/m.py'], [STEP]);
  assert.equal(f.status, 'fail');
  assertSaid(functionalTesting, f, 'noTests', { ciRuns: ', although CI runs pytest at .github/workflows/ci.yml:20' });
  assertSaid(functionalTesting, run([], []), 'noTests', { ciRuns: '' });
  assert.ok(f.fix);
  assert.equal(run(['tests/__init__.py'], []).status, 'fail');
});

test('a step that names its runner is shown before a make target that leads to one', () => {
  const make: CiStep = { file: '.github/workflows/docs.yml', line: 142, job: 'docs', tool: 'make test', text: 'make doctest' };
  const r = run(['tests/test_model.py'], [make, STEP]);
  assert.equal(r.status, 'pass');
  assert.equal(r.measured.runner, 'pytest');
  assert.equal(r.evidence[0]?.ref, '.github/workflows/ci.yml');
  assert.equal(run(['tests/test_model.py'], [make]).measured.runner, 'make test');
});

test('the step shown first runs on every change and on the most systems (a GPU-only job is not the best evidence)', () => {
  const gpu: CiStep = { file: '.github/workflows/gpu-tests.yml', line: 157, job: 'gpu', tool: 'pytest', text: 'pytest tests/gpu' };
  const nightly: CiStep = { file: '.github/workflows/nightly.yml', line: 9, job: 'n', tool: 'pytest', text: 'pytest' };
  const unit: CiStep = {
    file: '.github/workflows/unit-tests.yml',
    line: 111,
    job: 'cpu',
    tool: 'shell test script',
    text: 'bash tests/run_cpu_tests.sh',
  };
  const wf = (file: string, triggers: string[], os: string[]) => ({
    file,
    system: 'github-actions' as const,
    triggers,
    runners: os.map((o) => `${o}-latest`),
    os,
  });
  const ev = makeEvidence({
    paths: ['tests/test_a.py'],
    overrides: {
      ci: {
        systems: ['github-actions'],
        workflows: [
          wf(gpu.file, ['push', 'pull_request'], ['linux']),
          wf(nightly.file, ['schedule'], ['linux', 'macos', 'windows']),
          wf(unit.file, ['push', 'pull_request'], ['linux', 'macos', 'windows']),
        ],
        os: ['linux', 'macos', 'windows'],
        testSteps: [gpu, nightly, unit],
        publishSteps: [],
      },
    },
  });
  const r = evaluateRule(functionalTesting, ev, ctx());
  assert.equal(r.status, 'pass');
  assert.equal(r.measured.runner, 'shell test script');
  assert.deepEqual(
    r.evidence.slice(0, 3).map((e) => e.ref),
    [unit.file, gpu.file, nightly.file],
  );
});
