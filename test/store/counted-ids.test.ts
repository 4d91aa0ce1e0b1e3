// Reports, review steps and notices take their ids from the store's counters; on PostgreSQL the
// counter's step and the insert are one statement. Either way the ids run 1, 2, 3 per counter, a
// review step is recorded once, and a transaction rolled back gives its numbers back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { enqueue, inTransaction, insertReport, listReviewSteps, recordReviewStep } from '../../src/store/index.js';
import { BACKENDS } from './backends.js';
import { cleanupTemp } from '../support/repo.js';

test.after(cleanupTemp);

const report = (commit: string) => ({
  kind: 'review',
  subject: 'project:p1',
  repoKey: 'github.com/acme/widget',
  report: { target: { commit, asOf: '2026-11-01T00:00:00.000Z' }, policy: { id: 'pol', version: '1' }, verdict: 'pass' },
});
const step = (stepKey: string, reportId: number) => ({ projectId: 'p1', stepKey, reviewedOn: '2026-11-01', reportId, outcome: 'passed' });

for (const backend of BACKENDS) {
  test(`counted ids on ${backend.name}: reports, review steps and notices numbered in turn; a step recorded once`, async (t) => {
    const skip = await backend.skip();
    if (skip) return t.skip(skip);
    const store = await backend.open();
    try {
      const first = await inTransaction(store, async (trx) => {
        const id = await insertReport(trx, report('a'.repeat(40)), '2026-11-01T00:00:00.000Z');
        assert.equal(await recordReviewStep(trx, step('2026-H2', id)), true);
        const notices = await enqueue(
          trx,
          [
            { kind: 'review.failed', to: ['a@example.org'], data: {} },
            { kind: 'review.failed', to: [], data: {} },
          ],
          'project:p1',
          '2026-11-01T00:00:00.000Z',
        );
        return { id, notices };
      });
      assert.deepEqual(first, { id: 1, notices: [1, 2] });
      // the same step again: not recorded, and the transaction that tried is rolled back
      await assert.rejects(
        inTransaction(store, async (trx) => {
          const id = await insertReport(trx, report('b'.repeat(40)), '2026-11-02T00:00:00.000Z');
          assert.equal(id, 2);
          assert.equal(await recordReviewStep(trx, step('2026-H2', id)), false);
          throw new Error('already recorded');
        }),
        /already recorded/,
      );
      const next = await inTransaction(store, async (trx) => {
        const id = await insertReport(trx, report('c'.repeat(40)), '2026-11-03T00:00:00.000Z');
        assert.equal(await recordReviewStep(trx, step('2027-H1', id)), true);
        return id;
      });
      assert.equal(next, 2, 'the rolled-back report gave its number back');
      assert.deepEqual(
        (await listReviewSteps(store.db, 'p1')).map((r) => [Number(r.id), r.step_key, Number(r.report_id)]),
        [
          [1, '2026-H2', 1],
          [2, '2027-H1', 2],
        ],
      );
    } finally {
      await store.dispose();
    }
  });
}
