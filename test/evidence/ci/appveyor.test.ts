import { test } from 'node:test';
import assert from 'node:assert/strict';
import appveyor, { readAppveyor } from '../../../src/evidence/ci/systems/appveyor.js';
import { extractCi } from '../../../src/evidence/ci/index.js';
import { fileMap } from './helpers.js';

test('AppVeyor: its file at the root, with or without the dot', () => {
  for (const p of ['appveyor.yml', '.appveyor.yml', 'appveyor.yaml']) assert.equal(appveyor.matches(p), true, p);
  for (const p of ['ci/appveyor.yml', 'appveyor.yml.bak', '.appveyor/x.yml']) assert.equal(appveyor.matches(p), false, p);
});

test('AppVeyor: script items plain or keyed by shell are steps with their lines; images name the OS, Windows by default', () => {
  const text =
    'image:\n  - Visual Studio 2022\n  - Ubuntu2204\ninstall:\n  - pip install -e .\ntest_script:\n  - cmd: python -m pytest tests\n  - sh: tox -e py312\ndeploy_script:\n  - ps: twine upload dist/*\n';
  const r = readAppveyor('appveyor.yml', text, [])!;
  assert.deepEqual(r.workflow, {
    file: 'appveyor.yml',
    system: 'appveyor',
    triggers: ['push', 'pull_request'],
    runners: ['Ubuntu2204', 'Visual Studio 2022'],
    os: ['linux', 'windows'],
  });
  assert.deepEqual(
    r.testSteps.map((s) => [s.tool, s.line]),
    [
      ['pytest', 7],
      ['tox', 8],
    ],
  );
  assert.deepEqual(
    r.publishSteps.map((s) => s.tool),
    ['twine upload'],
  );
  assert.deepEqual(readAppveyor('.appveyor.yml', 'test_script: pytest\n', [])!.workflow.os, ['windows']);
});

test('AppVeyor: the gatherer finds it at the root and reads it as the project CI', () => {
  const ci = extractCi(fileMap({ 'appveyor.yml': 'image: macos-monterey\ntest_script:\n  - pytest\n' }), []);
  assert.deepEqual(ci.systems, ['appveyor']);
  assert.deepEqual(ci.os, ['macos']);
  assert.equal(ci.testSteps[0]!.tool, 'pytest');
});
