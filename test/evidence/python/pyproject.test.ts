import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readPyproject } from '../../../src/evidence/python/pyproject.js';
import type { EvidenceProblem } from '../../../src/evidence/types.js';

test('PEP 621 dependencies, extras, dependency groups and build-system, with lines and markers', () => {
  const problems: EvidenceProblem[] = [];
  const text = [
    '[build-system]',
    'requires = ["setuptools", "torch>=2.1"]',
    '',
    '[project]',
    'name = "torch-thing"',
    'license = "BSD-3-Clause"',
    'classifiers = ["Operating System :: POSIX :: Linux", "License :: OSI Approved :: BSD License"]',
    'dependencies = [',
    '  "torchvision>=0.15",',
    '  "numpy",',
    '  "torch >=2.0, <3 ; python_version >= \'3.9\'",',
    ']',
    '[project.urls]',
    'Documentation = "https://torch-thing.readthedocs.io"',
    '[project.optional-dependencies]',
    'gpu = ["Torch[cuda]==2.1.0"]',
    '[dependency-groups]',
    'dev = ["pytest", {include-group = "lint"}, "pytorch"]',
    'lint = ["ruff"]',
  ].join('\n');
  const f = readPyproject('pyproject.toml', text, problems);
  assert.deepEqual(problems, []);
  assert.deepEqual(f.name, { name: 'torch-thing', line: 5 });
  assert.deepEqual(f.license, [{ value: 'BSD-3-Clause', kind: 'expression' }]);
  assert.equal(f.urls.Documentation, 'https://torch-thing.readthedocs.io');
  assert.deepEqual(
    f.torch.map((d) => [d.scope, d.specifier, d.line, d.optional, d.marker]),
    [
      ['dependencies', '>=2.0,<3', 11, false, "python_version >= '3.9'"],
      ['optional:gpu', '==2.1.0', 16, true, undefined],
      ['group:dev', '', 18, true, undefined],
      ['build-system', '>=2.1', 2, false, undefined],
    ],
  );
  // torchvision is not torch
  assert.ok(!f.torch.some((d) => d.specifier === '>=0.15'));
});

test('Poetry: caret and tilde strings, tables with optional/markers, multiple constraints, groups', () => {
  const text = [
    '[tool.poetry]',
    'name = "poetic"',
    'license = "MIT"',
    '[tool.poetry.dependencies]',
    'python = "^3.10"',
    'torch = [',
    '  {version = "^2.1", markers = "sys_platform == \'linux\'"},',
    '  {version = "~2.0", python = "<3.11"},',
    ']',
    '[tool.poetry.group.dev.dependencies]',
    'torch = {version = ">=2.4", optional = true}',
    '[tool.poetry.extras]',
    'all = ["torch"]',
  ].join('\n');
  const f = readPyproject('pyproject.toml', text, []);
  assert.equal(f.name?.name, 'poetic');
  assert.deepEqual(
    f.torch.map((d) => [d.scope, d.specifier, d.syntax, d.line, d.optional, d.marker]),
    [
      ['poetry', '^2.1', 'poetry', 6, false, "sys_platform == 'linux'"],
      ['poetry', '~2.0', 'poetry', 6, false, 'python <3.11'],
      ['poetry-group:dev:optional', '>=2.4', 'poetry', 11, true, undefined],
    ],
  );
});

test('malformed TOML is a problem with its line, not an exception', () => {
  const problems: EvidenceProblem[] = [];
  const f = readPyproject('pyproject.toml', '[project]\nname = "x"\ndependencies = [\n  "torch>=2.0"\n  "numpy"\n]\n', problems);
  assert.deepEqual(f.torch, []);
  assert.equal(problems.length, 1);
  assert.equal(problems[0]!.file, 'pyproject.toml');
  assert.equal(problems[0]!.line, 5);
  assert.match(problems[0]!.message, /not valid TOML \(line 5/);
});

test('wrong types in well-formed TOML are ignored, not trusted', () => {
  const problems: EvidenceProblem[] = [];
  const f = readPyproject(
    'pyproject.toml',
    '[project]\nname = 5\ndependencies = "torch"\nclassifiers = [1, "A :: B"]\noptional-dependencies = 3\n[tool]\npoetry = "x"\n',
    problems,
  );
  assert.deepEqual(problems, []);
  assert.equal(f.name, undefined);
  assert.deepEqual(f.torch, []);
  assert.deepEqual(f.classifiers, ['A :: B']);
});
