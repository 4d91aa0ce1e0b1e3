// The packaging formats register themselves in src/evidence/python/formats/ (one module each); the
// gatherer reads each through its registration.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGING_FORMATS, packagingFormatOf } from '../../../src/evidence/python/formats/index.js';
import { packagingKind } from '../../../src/evidence/python/index.js';
import { pathParts } from '../../../src/evidence/python/format.js';
import { REPO_ROOT } from '../../support/cli.js';

test('the registered packaging formats are the modules of their folder, each named by its id, metadata formats first', () => {
  const modules = readdirSync(join(REPO_ROOT, 'src', 'evidence', 'python', 'formats')).filter((n) => n.endsWith('.ts') && n !== 'index.ts');
  assert.deepEqual(PACKAGING_FORMATS.map((f) => `${f.id}.ts`).sort(), modules.sort());
  for (const f of PACKAGING_FORMATS) assert.notEqual(f.metadata === undefined, f.declarations === undefined, `${f.id}: one reader`);
  assert.deepEqual(
    PACKAGING_FORMATS.filter((f) => f.metadata).map((f) => f.id),
    ['pyproject', 'setup-cfg', 'setup-py'],
  );
});

test('each path is a file of at most one format, within the depth its format reads', () => {
  const cases: [string, string | undefined][] = [
    ['pyproject.toml', 'pyproject'],
    ['a/b/c/pyproject.toml', 'pyproject'],
    ['a/b/c/d/pyproject.toml', undefined],
    ['setup.cfg', 'setup-cfg'],
    ['pkg/setup.py', 'setup-py'],
    ['requirements-dev.txt', 'requirements'],
    ['requirements/base.in', 'requirements'],
    ['a/b/c/requirements.txt', undefined],
    ['environment-gpu.yml', 'environment'],
    ['conda/meta.yaml', 'recipe'],
    ['meta.yaml', undefined],
    ['README.md', undefined],
  ];
  for (const [path, id] of cases) {
    assert.equal(packagingKind(path), id, path);
    assert.equal(PACKAGING_FORMATS.filter((f) => f.matches(pathParts(path))).length, id ? 1 : 0, path);
    assert.equal(packagingFormatOf(path)?.id, id);
  }
});
