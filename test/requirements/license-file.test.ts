// Requirement 15's license file, asserted by message id and data: the exact name, another accepted
// name, a REUSE folder, a near name, a file below the root, none, and third-party licensing noted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { licenseFile } from '../../src/requirements/license-file.js';
import { ctx, evaluateRule, makeEvidence } from '../support/evidence.js';
import { assertSaid } from '../support/messages.js';

const judge = (paths: string[]) => evaluateRule(licenseFile, makeEvidence({ paths }), ctx());

test('license-file: each place a license may be says its own message', () => {
  assertSaid(licenseFile, judge(['LICENSE.md']), 'exact', { thirdParty: '' });
  assertSaid(licenseFile, judge(['COPYING']), 'otherName', { path: 'COPYING' });
  assertSaid(licenseFile, judge(['LICENSES/MIT.txt', 'LICENSES/Apache-2.0.txt']), 'reuse', { count: 2 });
  assertSaid(licenseFile, judge(['pkg/LICENSE']), 'elsewhere', { paths: 'pkg/LICENSE' });
  const none = judge(['README.md']);
  assert.equal(none.status, 'fail');
  assertSaid(licenseFile, none, 'none');
});

test('license-file: an empty license file is unusable, and says why', () => {
  const r = evaluateRule(licenseFile, makeEvidence({ files: { LICENSE: '' } }), ctx());
  assert.equal(r.status, 'fail');
  assertSaid(licenseFile, r, 'unusable', { problem: 'LICENSE is empty' });
});
