import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readRequirementFiles, readRequirementsTxt } from '../../../src/evidence/python/requirements-txt.js';
import { parseCondaSpec, readCondaRecipe, readEnvironmentYml } from '../../../src/evidence/python/conda.js';
import type { EvidenceProblem } from '../../../src/evidence/types.js';
import { fileMap } from './helpers.js';

test('requirements.txt: index options ignored, markers, hashes, continuations, URLs, comments', () => {
  const text = [
    '--extra-index-url https://download.pytorch.org/whl/cu121',
    '-f https://example.org/wheels',
    '# torch==1.0 commented',
    'torchvision==0.19.0',
    'torch==2.4.0+cu121 ; sys_platform == "linux" \\',
    '    --hash=sha256:0123456789abcdef',
    'torch @ https://download.pytorch.org/whl/cpu/torch-2.4.0%2Bcpu-cp311-cp311-linux_x86_64.whl ; sys_platform == "darwin"',
    'pytorch>=2.0  # alias',
  ].join('\n');
  const r = readRequirementsTxt('requirements.txt', text, false);
  assert.deepEqual(
    r.torch.map((d) => [d.line, d.specifier, d.marker, d.url]),
    [
      [5, '==2.4.0+cu121', 'sys_platform == "linux"', undefined],
      [7, '', 'sys_platform == "darwin"', 'https://download.pytorch.org/whl/cpu/torch-2.4.0%2Bcpu-cp311-cp311-linux_x86_64.whl'],
      [8, '>=2.0', undefined, undefined],
    ],
  );
});

test('-r includes within the repository make an included file required; escapes and missing files are reported', () => {
  const problems: EvidenceProblem[] = [];
  const files = fileMap({
    'requirements.txt': '-r requirements/base.txt\n--requirement=../outside.txt\n-r missing.txt\n',
    'requirements/base.txt': 'torch>=2.1\n',
    'requirements/dev.txt': '-r base.txt\ntorch==2.11.*\n',
    'docs/requirements.txt': 'torch\n',
  });
  const decls = readRequirementFiles(Object.keys(files), files, problems);
  const by = Object.fromEntries(decls.map((d) => [d.file, d.optional]));
  assert.deepEqual(by, { 'requirements/base.txt': false, 'requirements/dev.txt': true, 'docs/requirements.txt': true });
  assert.deepEqual(
    problems.map((p) => p.message),
    ['includes missing.txt, which is not in the repository or was not read'],
  );
});

test('an include cycle terminates', () => {
  const files = fileMap({ 'requirements.txt': '-r requirements-b.txt\ntorch\n', 'requirements-b.txt': '-r requirements.txt\n' });
  assert.equal(readRequirementFiles(Object.keys(files), files, []).length, 1);
});

test('conda match specs', () => {
  assert.deepEqual(parseCondaSpec('pytorch=2.1'), { name: 'pytorch', version: '=2.1' });
  assert.deepEqual(parseCondaSpec('pytorch>=2.1,<3'), { name: 'pytorch', version: '>=2.1,<3' });
  assert.deepEqual(parseCondaSpec('pytorch 2.1.* cuda*'), { name: 'pytorch', version: '2.1.*' });
  assert.deepEqual(parseCondaSpec('pytorch=2.1.0=py3.11_cuda12.1_cudnn8_0'), { name: 'pytorch', version: '=2.1.0' });
  assert.deepEqual(parseCondaSpec('pytorch==2.1.0=py311'), { name: 'pytorch', version: '==2.1.0' });
  assert.deepEqual(parseCondaSpec('conda-forge::pytorch >= 2.3'), { name: 'pytorch', version: '>=2.3' });
  assert.deepEqual(parseCondaSpec("pytorch[version='>=2.2']"), { name: 'pytorch', version: '>=2.2' });
  assert.equal(parseCondaSpec('pytorch-cuda=12.1')?.name, 'pytorch-cuda');
  assert.equal(parseCondaSpec('{{ compiler("c") }}'), undefined);
});

test('environment.yml: conda and pip entries with lines; malformed YAML is a problem with its line', () => {
  const problems: EvidenceProblem[] = [];
  const text =
    'name: env\nchannels: [pytorch, conda-forge]\ndependencies:\n  - python=3.11\n  - pytorch::pytorch=2.10\n  - pytorch-cuda=12.1\n  - pip\n  - pip:\n      - torch>=2.4 ; sys_platform == "win32"\n';
  const d = readEnvironmentYml('environment.yml', text, false, problems);
  assert.deepEqual(
    d.map((x) => [x.scope, x.specifier, x.syntax, x.line, x.marker]),
    [
      ['conda-env', '=2.10', 'conda', 5, undefined],
      ['conda-env:pip', '>=2.4', undefined, 9, 'sys_platform == "win32"'],
    ],
  );
  assert.deepEqual(problems, []);
  readEnvironmentYml('environment.yml', 'dependencies:\n  - [pytorch\n', false, problems);
  assert.equal((problems as EvidenceProblem[])[0]?.line, 3);
});

test('conda recipe: Jinja tolerated, sections by indentation, selectors as markers, test requirements optional', () => {
  const text = [
    '{% set name = "thing" %}',
    'package:',
    '  name: {{ name }}',
    'requirements:',
    '  host:',
    '    - python',
    '    - pytorch {{ pytorch }}',
    '  run:',
    '  - pytorch >=2.1,<3  # [linux]',
    "  - {{ pin_compatible('pytorch', max_pin='x.x') }}",
    '  - torchvision',
    'test:',
    '  requires:',
    '    - pytorch',
    'about:',
    '  summary: "pytorch >= 1.0 is great"',
  ].join('\n');
  const d = readCondaRecipe('conda.recipe/meta.yaml', text);
  assert.deepEqual(
    d.map((x) => [x.scope, x.specifier, x.line, x.optional, x.marker]),
    [
      ['conda-recipe:host', '{{ pytorch }}', 7, false, undefined],
      ['conda-recipe:run', '>=2.1,<3', 9, false, 'linux'],
      ['conda-recipe:run', "{{ pin_compatible('pytorch', max_pin='x.x') }}", 10, false, undefined],
      ['conda-recipe:test', '', 14, true, undefined],
    ],
  );
});
