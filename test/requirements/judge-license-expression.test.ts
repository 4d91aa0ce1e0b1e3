// An SPDX expression judged against a policy's allowlist: OR, AND, WITH, and text that is no expression.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { judgeExpression } from '../../src/requirements/judge-license-expression.js';

const ALLOW = ['MIT', 'Apache-2.0', 'BSD-3-Clause'];

test('expressions: OR needs one allowed branch, AND needs all, WITH keeps the license verdict', () => {
  assert.deepEqual(judgeExpression('MIT OR GPL-3.0-only', ALLOW), { allowed: true, blocking: [] });
  assert.deepEqual(judgeExpression('MIT AND GPL-3.0-only', ALLOW), { allowed: false, blocking: ['GPL-3.0-only'] });
  assert.deepEqual(judgeExpression('GPL-2.0-only OR LGPL-2.1-only', ALLOW), {
    allowed: false,
    blocking: ['GPL-2.0-only', 'LGPL-2.1-only'],
  });
  assert.equal(judgeExpression('(MIT OR GPL-3.0-only) AND Apache-2.0', ALLOW)?.allowed, true);
  assert.equal(judgeExpression('(MIT OR GPL-3.0-only) AND SSPL-1.0', ALLOW)?.allowed, false);
  assert.equal(judgeExpression('Apache-2.0 WITH LLVM-exception', ALLOW)?.allowed, true);
  assert.equal(judgeExpression('MIT or whatever', ALLOW), null);
});
