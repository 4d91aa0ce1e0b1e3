// OpenSSF Best Practices badge level against the level a stage requires.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { judgeBestPracticesBadge } from '../../src/requirements/best-practices-badge.js';
import type { BestPracticesEvidence } from '../../src/evidence/types.js';
import { makeEvidence } from '../support/evidence.js';

const withBadge = (bp: BestPracticesEvidence | undefined, offline = false, errors: Record<string, string> = {}) =>
  makeEvidence({ overrides: { online: { errors, ...(offline ? { offline: true } : {}), ...(bp ? { bestPractices: bp } : {}) } } });
const found = { projectId: 4242, foundIn: 'README.md:3', url: 'https://www.bestpractices.dev/projects/4242.json' };

test('best-practices-badge: a level at or above the required one passes; below fails with the percentage', () => {
  const silver = withBadge({ ...found, badgeLevel: 'silver', tieredPercentage: 200 });
  assert.equal(judgeBestPracticesBadge(silver, 'passing').status, 'pass');
  assert.equal(judgeBestPracticesBadge(silver, 'silver').status, 'pass');
  const gold = judgeBestPracticesBadge(silver, 'gold');
  assert.equal(gold.status, 'fail');
  assert.deepEqual(gold.measured, { required: 'gold', projectId: 4242, level: 'silver', tieredPercentage: 200 });
  assert.equal(gold.message?.id, 'below');
  assert.equal(gold.message?.data['required'], 'gold');
  assert.equal(judgeBestPracticesBadge(silver, 'silver').message?.id, 'reached');
  const inProgress = judgeBestPracticesBadge(withBadge({ ...found, badgeLevel: 'in_progress', tieredPercentage: 87 }), 'passing');
  assert.equal(inProgress.status, 'fail');
  assert.equal(inProgress.measured['level'], 'in_progress');
});

test('best-practices-badge: offline or not asked is unknown; no badge link fails; a stale link fails; a site error is unknown', () => {
  assert.equal(judgeBestPracticesBadge(withBadge(undefined, true), 'passing').status, 'unknown');
  assert.equal(judgeBestPracticesBadge(makeEvidence(), 'passing').status, 'unknown');
  assert.equal(judgeBestPracticesBadge(withBadge(undefined), 'passing').status, 'unknown');
  const none = judgeBestPracticesBadge(withBadge({}), 'passing');
  assert.equal(none.status, 'fail');
  assert.equal(none.measured['projectId'], null);
  assert.equal(none.message?.id, 'noLink');
  assert.equal(judgeBestPracticesBadge(withBadge(undefined, true), 'passing').message?.id, 'offline');
  assert.equal(judgeBestPracticesBadge(withBadge({ ...found, notFound: true }), 'passing').status, 'fail');
  const down = judgeBestPracticesBadge(withBadge({ ...found }, false, { bestpractices: 'HTTP 502' }), 'passing');
  assert.equal(down.status, 'unknown');
  assert.equal(down.measured['projectId'], 4242);
  assert.deepEqual(down.message, { id: 'unreadable', data: { projectId: 4242, error: 'HTTP 502' } });
});

test('best-practices-badge: the evidence points at the README line and the JSON read', () => {
  const r = judgeBestPracticesBadge(withBadge({ ...found, badgeLevel: 'gold', tieredPercentage: 300 }), 'gold');
  assert.deepEqual(
    r.evidence.map((e) => [e.kind, e.ref, e.line]),
    [
      ['file', 'README.md', 3],
      ['api', found.url, undefined],
    ],
  );
});
