import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ciExtractor, extractCi, readMakefile } from '../../../src/evidence/ci/index.js';
import { readAzure } from '../../../src/evidence/ci/systems/azure-pipelines.js';
import { readBuildkite } from '../../../src/evidence/ci/systems/buildkite.js';
import { readCircleci } from '../../../src/evidence/ci/systems/circleci.js';
import { readGitlab } from '../../../src/evidence/ci/systems/gitlab-ci.js';
import { readJenkinsfile } from '../../../src/evidence/ci/systems/jenkins.js';
import { readTravis } from '../../../src/evidence/ci/systems/travis.js';
import type { EvidenceProblem } from '../../../src/evidence/types.js';
import { fileMap } from './helpers.js';

test('wants: the CI files of each system and a root Makefile, nothing else', () => {
  const yes = [
    '.github/workflows/ci.yml',
    '.github/workflows/release.yaml',
    '.github/actions/setup/action.yml',
    '.gitlab-ci.yml',
    '.circleci/config.yml',
    'azure-pipelines.yml',
    '.travis.yml',
    'Jenkinsfile',
    'ci/Jenkinsfile',
    '.buildkite/pipeline.yml',
    'Makefile',
  ];
  const no = [
    '.github/workflows/sub/x.yml',
    '.github/dependabot.yml',
    'docs/Makefile',
    'ci.yml',
    '.github/workflows/README.md',
    'a/b/Jenkinsfile',
  ];
  for (const p of yes) assert.equal(ciExtractor.wants(p), true, p);
  for (const p of no) assert.equal(ciExtractor.wants(p), false, p);
});

test('GitLab CI: jobs, templates, tags to OSes, script lines', () => {
  const text =
    'stages: [test]\n.base:\n  before_script:\n    - pip install -e .\ntest:linux:\n  extends: .base\n  image: python:3.12\n  script:\n    - pytest -q\ntest:win:\n  tags: [saas-windows-medium-amd64]\n  script: ["nox -s tests"]\n';
  const r = readGitlab('.gitlab-ci.yml', text, [])!;
  assert.deepEqual(r.workflow.os, ['linux', 'windows']);
  assert.deepEqual(
    r.testSteps.map((s) => [s.tool, s.line, s.job]),
    [
      ['pytest', 9, 'test:linux'],
      ['nox', 12, 'test:win'],
    ],
  );
});

test('CircleCI: docker, macos and executor jobs; run steps as strings and maps', () => {
  const text =
    'version: 2.1\nexecutors:\n  win:\n    machine:\n      image: windows-server-2022-gui:current\njobs:\n  lin:\n    docker: [{image: cimg/python:3.12}]\n    steps:\n      - checkout\n      - run: python -m pytest\n  mac:\n    macos: {xcode: "15.0"}\n    steps:\n      - run:\n          name: tests\n          command: tox\n  w:\n    executor: win\n    steps: [{run: echo hi}]\n';
  const r = readCircleci('.circleci/config.yml', text, [])!;
  assert.deepEqual(r.workflow.os, ['linux', 'macos', 'windows']);
  assert.deepEqual(
    r.testSteps.map((s) => [s.tool, s.line]),
    [
      ['pytest', 11],
      ['tox', 17],
    ],
  );
});

test('Azure Pipelines: pools with matrix variables, stages, trigger none', () => {
  const text =
    "trigger: none\npr: [main]\nstages:\n  - stage: T\n    jobs:\n      - job: test\n        strategy:\n          matrix:\n            linux: {imageName: 'ubuntu-latest'}\n            mac: {imageName: 'macOS-latest'}\n        pool: {vmImage: $(imageName)}\n        steps:\n          - script: python -m pytest\n          - bash: twine upload dist/*\n";
  const r = readAzure('azure-pipelines.yml', text, [])!;
  assert.deepEqual(r.workflow.triggers, ['pull_request']);
  assert.deepEqual(r.workflow.os, ['linux', 'macos']);
  assert.deepEqual(
    r.testSteps.map((s) => [s.tool, s.line]),
    [['pytest', 13]],
  );
  assert.deepEqual(
    r.publishSteps.map((s) => s.tool),
    ['twine upload'],
  );
});

test('Travis, Buildkite and Jenkins', () => {
  const t = readTravis('.travis.yml', 'language: python\nos: [linux, osx]\nscript:\n  - make test\ndeploy:\n  provider: pypi\n', [])!;
  assert.deepEqual(t.workflow.os, ['linux', 'macos']);
  assert.deepEqual(
    t.testSteps.map((s) => s.tool),
    ['make test'],
  );
  assert.deepEqual(
    t.publishSteps.map((s) => s.tool),
    ['travis deploy pypi'],
  );
  const b = readBuildkite(
    '.buildkite/pipeline.yml',
    'steps:\n  - label: tests\n    command: pytest\n    agents: {queue: linux-gpu}\n  - group: more\n    steps:\n      - commands: ["tox"]\n',
    [],
  )!;
  assert.deepEqual(b.workflow.os, ['linux']);
  assert.deepEqual(
    b.testSteps.map((s) => [s.tool, s.line]),
    [
      ['pytest', 3],
      ['tox', 7],
    ],
  );
  const j = readJenkinsfile(
    'Jenkinsfile',
    "pipeline {\n  agent { label 'windows' }\n  stages {\n    stage('Test') {\n      steps {\n        sh '''\n          python -m pytest tests\n        '''\n      }\n    }\n  }\n}\n",
  );
  assert.deepEqual(j.workflow.os, ['windows']);
  assert.deepEqual(
    j.testSteps.map((s) => [s.tool, s.line]),
    [['pytest', 7]],
  );
});

test('extractCi: Makefile targets resolve `make ci`; unparseable files still name their system; binary reported', () => {
  const problems: EvidenceProblem[] = [];
  const ev = extractCi(
    fileMap({
      '.github/workflows/ci.yml':
        'on: [push]\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make ci\n      - run: make docs\n',
      '.github/workflows/broken.yml': 'on: push\njobs: [\n',
      '.github/actions/test/action.yml': 'runs:\n  using: composite\n  steps:\n    - run: pytest -n auto\n      shell: bash\n',
      '.circleci/config.yml': { binary: true, size: 12 },
      Makefile:
        '.PHONY: ci docs\nPY := python\nci: lint unit\nlint:\n\truff check .\nunit:\n\t@$(PY) -m pytest tests\ndocs:\n\tsphinx-build docs out\n',
    }),
    problems,
  );
  assert.deepEqual(ev.systems, ['github-actions']);
  assert.deepEqual(
    ev.workflows.map((w) => [w.file, w.triggers]),
    [
      ['.github/workflows/broken.yml', []],
      ['.github/workflows/ci.yml', ['push']],
    ],
  );
  assert.deepEqual(
    ev.testSteps.map((s) => [s.file, s.tool, s.line]),
    [
      ['.github/actions/test/action.yml', 'pytest', 4],
      ['.github/workflows/ci.yml', 'make ci (pytest)', 6],
    ],
  );
  assert.deepEqual(
    problems.map((p) => [p.file, p.line]),
    [
      ['.circleci/config.yml', undefined],
      ['.github/workflows/broken.yml', 3],
    ],
  );
  assert.deepEqual(readMakefile('all: build\nbuild:\n\tcc x.c\nX = a:b\n').first, 'all');
});
