// OSI-approved license, judged from the license evidence (identified texts, expressions).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { judgeOsiLicense, osiApprovedIds } from '../../src/requirements/osi-license.js';
import type { LicenseEvidence, LicenseFileEvidence } from '../../src/evidence/types.js';
import { makeEvidence } from '../support/evidence.js';

const file = (spdx: string | undefined, extra: Partial<LicenseFileEvidence> = {}): LicenseFileEvidence => ({
  path: 'LICENSE',
  confidence: spdx ? 0.99 : 0,
  method: spdx ? 'template' : 'none',
  ...(spdx ? { spdx, expression: spdx } : {}),
  ...extra,
});
const withLicense = (license: Partial<LicenseEvidence>) =>
  makeEvidence({ overrides: { license: { files: [], signals: [], disagreements: [], thirdParty: [], ...license } } });

test('osi-license: the SPDX list marks the usual licenses approved and source-available ones not', () => {
  const ids = osiApprovedIds();
  for (const id of ['Apache-2.0', 'MIT', 'BSD-3-Clause', 'GPL-3.0-only', 'MPL-2.0']) assert.ok(ids.includes(id), id);
  for (const id of ['SSPL-1.0', 'BUSL-1.1', 'CC-BY-NC-4.0']) assert.ok(!ids.includes(id), id);
});

test('osi-license: an approved license passes, copyleft included (OSI approval is not permissiveness)', () => {
  for (const id of ['Apache-2.0', 'GPL-3.0-only', 'MPL-2.0']) {
    const r = judgeOsiLicense(withLicense({ files: [file(id)], expression: id }));
    assert.equal(r.status, 'pass', id);
    assert.equal(r.measured['expression'], id);
    assert.equal(r.message?.id, 'approved');
  }
});

test('osi-license: an unapproved side of AND fails and is named; OR needs one approved side', () => {
  const and = judgeOsiLicense(
    withLicense({ files: [file('MIT'), file('SSPL-1.0', { path: 'LICENSE-SSPL' })], expression: 'MIT AND SSPL-1.0' }),
  );
  assert.equal(and.status, 'fail');
  assert.deepEqual(and.measured['notApproved'], ['SSPL-1.0']);
  assert.deepEqual(and.message, { id: 'notApproved', data: { expression: 'MIT AND SSPL-1.0', where: '', ids: 'SSPL-1.0 is' } });
  const or = judgeOsiLicense(
    withLicense({ files: [file('MIT'), file('SSPL-1.0', { path: 'LICENSE-SSPL' })], expression: 'MIT OR SSPL-1.0' }),
  );
  assert.equal(or.status, 'pass');
});

test('osi-license: added restrictions fail; an unidentified or modified text is review; no text fails', () => {
  const restricted = judgeOsiLicense(
    withLicense({ files: [file('Apache-2.0', { modified: true, restrictions: ['commons-clause'] })], expression: 'Apache-2.0' }),
  );
  assert.equal(restricted.status, 'fail');
  assert.deepEqual(restricted.measured['restrictions'], ['commons-clause']);
  assert.equal(restricted.message?.id, 'restricted');
  const unknown = judgeOsiLicense(withLicense({ files: [file(undefined, { reason: 'no template matches' })] }));
  assert.equal(unknown.status, 'review');
  assert.equal(unknown.message?.id, 'review');
  const modified = judgeOsiLicense(withLicense({ files: [file('MIT', { modified: true })], expression: 'MIT' }));
  assert.equal(modified.status, 'review');
  const none = judgeOsiLicense(withLicense({ signals: [{ source: 'pyproject.toml', value: 'MIT', spdx: 'MIT' }] }));
  assert.equal(none.status, 'fail');
  assert.equal(none.message?.id, 'noText');
  assert.equal(none.measured['expression'], null);
});

test('osi-license: license files only below the root are judged by their expressions', () => {
  const r = judgeOsiLicense(withLicense({ elsewhere: [file('BSD-3-Clause', { path: 'pkg/LICENSE' })] }));
  assert.equal(r.status, 'pass');
  assert.deepEqual(r.measured['files'], ['pkg/LICENSE']);
});
