import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractPython, pythonExtractor } from '../../../src/evidence/python/index.js';
import { readTorchReleases, torchReleasesAt } from '../../../src/evidence/torch-releases.js';
import type { EvidenceProblem } from '../../../src/evidence/types.js';
import { cleanupTemp, tempDir } from '../../support/repo.js';
import { fileMap } from './helpers.js';

after(cleanupTemp);

test('wants: packaging files at or near the root, requirements and environments shallow, conda recipes', () => {
  const yes = [
    'pyproject.toml',
    'python/pyproject.toml',
    'setup.cfg',
    'setup.py',
    'requirements.txt',
    'requirements-dev.txt',
    'dev-requirements.txt',
    'requirements/base.txt',
    'examples/mnist/requirements.txt',
    'requirements.in',
    'environment.yml',
    'ci/environment-gpu.yaml',
    'conda.recipe/meta.yaml',
    'conda/recipe/meta.yaml',
    'recipe/recipe.yaml',
    // a monorepo's packages and recipes a few folders down (optimization/<name>/setup.py, packaging/<name>/meta.yaml)
    'a/b/pyproject.toml',
    'src/pkg/setup.py',
    'optimization/pkg/sub/setup.py',
    'packaging/pkg/meta.yaml',
  ];
  const no = [
    'a/b/c/d/pyproject.toml',
    'a/b/c/requirements.txt',
    'a/b/c/d/meta.yaml',
    'meta.yaml',
    'README.md',
    'requirements.md',
    'tests/test_setup.py',
    'notrequirements.txt',
  ];
  for (const p of yes) assert.equal(pythonExtractor.wants(p), true, p);
  for (const p of no) assert.equal(pythonExtractor.wants(p), false, p);
});

test('the root distribution name wins; binary and unreadable files are reported, never thrown', () => {
  const problems: EvidenceProblem[] = [];
  const ev = extractPython(
    fileMap({
      'python/pyproject.toml': '[project]\nname = "inner"\n',
      'setup.cfg': '[metadata]\nname = outer\nclassifiers =\n  License :: OSI Approved :: MIT License\n',
      'setup.py': { binary: true, size: 10 },
      'requirements.txt': { text: 'torch>=2.0\n\uFFFD\n', invalidUtf8: true },
    }),
    problems,
  );
  assert.deepEqual(ev.distribution, { name: 'outer', file: 'setup.cfg', line: 2 });
  assert.deepEqual(ev.licenseMeta, [{ value: 'License :: OSI Approved :: MIT License', file: 'setup.cfg', kind: 'classifier' }]);
  assert.deepEqual(ev.files, ['python/pyproject.toml', 'requirements.txt', 'setup.cfg']);
  assert.deepEqual(
    ev.torch.map((d) => d.file),
    ['requirements.txt'],
  );
  assert.deepEqual(
    problems.map((p) => p.file),
    ['setup.py'],
  );
});

test('the bundled torch release list is valid and filtered by the asOf day; a bad entry is named', () => {
  const all = torchReleasesAt(new Date('2026-03-23T00:00:00Z'));
  assert.equal(all[0]?.version, '2.11.0');
  assert.equal(torchReleasesAt(new Date('2026-03-22T23:59:59Z'))[0]?.version, '2.10.0');
  const dir = tempDir();
  const file = join(dir, 'releases.json');
  writeFileSync(
    file,
    JSON.stringify({
      releases: [
        { version: '3.0.0', date: '2027-01-01' },
        { version: '3.1', date: 'soon' },
      ],
    }),
  );
  assert.throws(
    () => readTorchReleases(file),
    /releases\[1\]: expected \{"version": "X.Y.Z", "date": "YYYY-MM-DD"\}, found \{"version":"3.1","date":"soon"\}/,
  );
  writeFileSync(file, JSON.stringify({ releases: [{ version: '3.0.0', date: '2027-01-01' }] }));
  const prev = process.env.STEWARD_TORCH_RELEASES;
  process.env.STEWARD_TORCH_RELEASES = file;
  try {
    assert.deepEqual(torchReleasesAt(new Date('2027-06-01')), [{ version: '3.0.0', date: '2027-01-01' }]);
  } finally {
    if (prev === undefined) delete process.env.STEWARD_TORCH_RELEASES;
    else process.env.STEWARD_TORCH_RELEASES = prev;
  }
  assert.throws(() => readTorchReleases(join(dir, 'absent.json')), /cannot read the torch release list/);
});
