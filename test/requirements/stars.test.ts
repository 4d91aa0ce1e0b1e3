// The stars rule, asserted by message id and data (the wording lives in its meta.messages), under
// the policy's option and under another number a policy (or a stage) gives it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { OnlineEvidence } from '../../src/evidence/types.js';
import { stars } from '../../src/requirements/stars.js';
import { ctx, evaluateRule, makeEvidence, withOptions } from '../support/evidence.js';

const online = (count?: number, errors: Record<string, string> = {}): OnlineEvidence => ({
  ...(count !== undefined ? { github: { stars: count, archived: false, defaultBranch: 'main' } } : {}),
  errors,
});
const judge = (o: OnlineEvidence | undefined, min?: number) =>
  evaluateRule(
    stars,
    makeEvidence(o ? { overrides: { online: o } } : {}),
    ctx(min === undefined ? undefined : withOptions('stars', { min })),
  );

test('stars: enough and too few, by message id and data, with the minimum from the options', () => {
  const pass = judge(online(200));
  assert.equal(pass.status, 'pass');
  assert.deepEqual(pass.message, { id: 'enough', data: { stars: 200, min: 200 } });
  const fail = judge(online(150));
  assert.equal(fail.status, 'fail');
  assert.deepEqual(fail.message, { id: 'tooFew', data: { stars: 150, min: 200, missing: 50 } });
  const raised = judge(online(600), 1000);
  assert.deepEqual(raised.message, { id: 'tooFew', data: { stars: 600, min: 1000, missing: 400 } });
  assert.deepEqual(raised.measured, { stars: 600, required: 1000 });
});

test('stars: offline, unreadable and no repository are unknown, each with its own message', () => {
  assert.deepEqual(judge(undefined).message, { id: 'offline', data: {} });
  const unreadable = judge(online(undefined, { github: 'rate limited' }));
  assert.equal(unreadable.status, 'unknown');
  assert.deepEqual(unreadable.message, { id: 'unreadable', data: { error: 'rate limited' } });
  assert.deepEqual(judge(online()).message, { id: 'noRepository', data: {} });
});

test('stars: every message id it says is in meta.messages, and the summary is that wording filled in', () => {
  for (const o of [judge(online(200)), judge(online(1)), judge(undefined), judge(online())]) {
    const template = (stars.meta.messages as Record<string, string>)[o.message!.id]!;
    assert.ok(template, o.message!.id);
    assert.equal(
      o.summary,
      template.replace(/\{(\w+)\}/g, (_w, k: string) => String(o.message!.data[k])),
    );
  }
});
