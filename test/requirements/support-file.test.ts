// SUPPORT file: found in GitHub's places or not; GitHub serves none the repository lacks here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { supportFile } from '../../src/requirements/support-file.js';
import { evaluateWith, makeEvidence } from '../support/evidence.js';

test('support-file: SUPPORT.md in the root, .github/ or docs/ passes', () => {
  for (const path of ['SUPPORT.md', '.github/SUPPORT.md', 'docs/SUPPORT.rst', 'support']) {
    const r = evaluateWith(supportFile, makeEvidence({ files: { [path]: 'Ask on the forum.' } }));
    assert.equal(r.status, 'pass', path);
    assert.equal(r.measured['path'], path);
  }
});

test('support-file: absent fails even offline on GitHub (no organisation default is read for it)', () => {
  const r = evaluateWith(supportFile, makeEvidence({ overrides: { online: { errors: {}, offline: true } } }));
  assert.equal(r.status, 'fail');
  assert.equal(r.measured['path'], null);
  assert.equal(r.message?.id, 'missing');
  assert.ok(r.fix);
});

test('support-file: a usable file wins over a broken one', () => {
  const r = evaluateWith(supportFile, makeEvidence({ files: { 'SUPPORT.md': '', '.github/SUPPORT.md': 'Help: discussions.' } }));
  assert.equal(r.status, 'pass');
  assert.equal(r.measured['path'], '.github/SUPPORT.md');
});
