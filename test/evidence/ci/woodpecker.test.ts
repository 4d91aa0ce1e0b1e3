import { test } from 'node:test';
import assert from 'node:assert/strict';
import woodpecker, { readWoodpecker } from '../../../src/evidence/ci/systems/woodpecker.js';
import { extractCi } from '../../../src/evidence/ci/index.js';
import { runsOnChanges } from '../../../src/requirements/working-ci.js';
import type { EvidenceProblem } from '../../../src/evidence/types.js';
import { fileMap } from './helpers.js';

test('Woodpecker: its files, at the root or one workflow per file in .woodpecker/', () => {
  for (const p of ['.woodpecker.yml', '.woodpecker.yaml', '.woodpecker/test.yml', '.woodpecker/release.yaml'])
    assert.equal(woodpecker.matches(p), true, p);
  for (const p of ['.woodpecker/sub/x.yml', 'woodpecker.yml', '.woodpecker/README.md', 'ci/.woodpecker.yml'])
    assert.equal(woodpecker.matches(p), false, p);
});

test('Woodpecker: a list of steps, `when` events as triggers, commands as test steps with lines, container images on Linux', () => {
  const text =
    'when:\n  - event: [push, pull_request]\nsteps:\n  - name: test\n    image: python:3.12\n    commands:\n      - pip install -e .\n      - pytest -q tests/\n  - name: publish\n    image: python:3.12\n    commands: twine upload dist/*\n';
  const r = readWoodpecker('.woodpecker/ci.yml', text, [])!;
  assert.deepEqual(r.workflow, {
    file: '.woodpecker/ci.yml',
    system: 'woodpecker',
    triggers: ['push', 'pull_request'],
    runners: ['container'],
    os: ['linux'],
  });
  assert.deepEqual(
    r.testSteps.map((s) => [s.tool, s.line, s.job]),
    [['pytest', 8, 'test']],
  );
  assert.deepEqual(
    r.publishSteps.map((s) => [s.tool, s.job]),
    [['twine upload', 'publish']],
  );
});

test('Woodpecker: steps as a mapping, the legacy `pipeline:` key, a platform label naming the OS', () => {
  const mapped = readWoodpecker(
    '.woodpecker.yml',
    'labels:\n  platform: windows/amd64\nsteps:\n  unit:\n    image: x\n    commands: [nox -s tests]\n',
    [],
  )!;
  assert.deepEqual(mapped.workflow.os, ['windows']);
  assert.deepEqual(mapped.workflow.runners, ['windows/amd64']);
  assert.deepEqual(
    mapped.testSteps.map((s) => [s.tool, s.job]),
    [['nox', 'unit']],
  );
  const legacy = readWoodpecker(
    '.woodpecker.yml',
    'platform: linux/arm64\npipeline:\n  test:\n    image: python\n    commands:\n      - python -m pytest\n',
    [],
  )!;
  assert.deepEqual(legacy.workflow.os, ['linux']);
  assert.equal(legacy.testSteps[0]?.job, 'test');
});

test('Woodpecker: a workflow without an event filter runs on every push; one only on cron or tags does not test changes', () => {
  const every = readWoodpecker('.woodpecker.yml', 'steps:\n  - name: t\n    image: python\n    commands: [pytest]\n', [])!;
  assert.equal(runsOnChanges(every.workflow), true);
  const nightly = readWoodpecker(
    '.woodpecker/nightly.yml',
    'when:\n  event: cron\nsteps:\n  - image: python\n    commands: [pytest]\n',
    [],
  )!;
  assert.deepEqual(nightly.workflow.triggers, ['cron']);
  assert.equal(runsOnChanges(nightly.workflow), false);
});

test('Woodpecker: read by the gatherer through its registration; broken YAML still counts as configured, reported with its line', () => {
  const problems: EvidenceProblem[] = [];
  const ci = extractCi(fileMap({ '.woodpecker/ci.yml': 'steps:\n  - name: t\n    commands: [pytest\n' }), problems);
  assert.deepEqual(ci.systems, ['woodpecker']);
  assert.deepEqual(ci.workflows[0], { file: '.woodpecker/ci.yml', system: 'woodpecker', triggers: [], runners: [], os: [] });
  assert.equal(problems[0]?.file, '.woodpecker/ci.yml');
  assert.ok(problems[0]?.line);
});
