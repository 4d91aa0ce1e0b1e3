// RELEASE file: the release methodology, not release notes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { releaseProcess } from '../../src/requirements/release-process.js';
import { evaluateWith, makeEvidence } from '../support/evidence.js';

test('release-process: RELEASE.md, RELEASING.md and RELEASE_PROCESS.md pass', () => {
  for (const path of ['RELEASE.md', 'RELEASING.md', 'docs/release-process.md', '.github/RELEASE.rst']) {
    const r = evaluateWith(releaseProcess, makeEvidence({ files: { [path]: 'Releases are cut monthly by the maintainers.' } }));
    assert.equal(r.status, 'pass', path);
    assert.equal(r.measured['path'], path);
  }
});

test('release-process: release notes and changelogs are not the methodology', () => {
  for (const path of ['RELEASE_NOTES.md', 'RELEASES.md', 'CHANGELOG.md']) {
    const r = evaluateWith(releaseProcess, makeEvidence({ files: { [path]: '## 1.0\n- first' } }));
    assert.equal(r.status, 'fail', path);
    assert.equal(r.message?.id, 'missing', path);
  }
});

test('release-process: a page deeper in docs/ warns and names it', () => {
  const r = evaluateWith(releaseProcess, makeEvidence({ paths: ['docs/dev/releasing.md'] }));
  assert.equal(r.status, 'warn');
  assert.deepEqual(r.measured['deeper'], ['docs/dev/releasing.md']);
});
