import assert from 'node:assert/strict';
import test from 'node:test';
import { uniqueIgnoringCase } from '../../src/util/unique.js';

test('each name once, the first spelling kept, order kept', () => {
  assert.deepEqual(uniqueIgnoringCase(['Alice', 'bob', 'ALICE', 'Bob', 'carol', 'alice']), ['Alice', 'bob', 'carol']);
  assert.deepEqual(uniqueIgnoringCase([]), []);
  assert.deepEqual(uniqueIgnoringCase(['', '']), ['']);
});
