// Waivers: requirement 13 waived for a project "until the next periodic review" shows exempt with
// its reason in the review's report (the review passes); the review after that judges it again
// (the waiver expired, is listed as expired and no longer applies). A waiver until a date ends
// the day after; a revoked one stops at once. On SQLite and PostgreSQL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importLandscape } from '../../src/process/engine-import.js';
import { runPeriodicReview, getProject } from '../../src/process/engine-review.js';
import { latestReport } from '../../src/process/engine-reports.js';
import { addWaiver, listWaivers, revokeWaiver } from '../../src/process/engine-waivers.js';
import { applyWaivers, waiverState } from '../../src/process/waivers.js';
import type { Landscape } from '../../src/landscape/index.js';
import type { Report } from '../../src/report/types.js';
import { BACKENDS } from '../store/backends.js';
import { cleanupTemp } from '../support/repo.js';
import { fakeEvaluator, fakeReport } from './fake-report.js';
import { applicant, STAFF, testEngine } from './helpers.js';

test.after(cleanupTemp);

const landscape: Landscape = {
  file: 'landscape.yml',
  format: 'landscape',
  categories: [],
  problems: [],
  items: [
    {
      id: 'modeling--x--slow',
      name: 'Slow',
      category: 'Modeling',
      subcategory: 'X',
      homepage_url: '',
      repo_url: 'https://github.com/example/slow',
      logo: 'x.svg',
      extra: { accepted: '2025-06-01' },
      line: 1,
    },
  ],
};

const r13 = (r: Report) => r.requirements.find((x) => x.id === 13)!;

for (const backend of BACKENDS) {
  test(`a waiver until the next review: exempt with its reason, then expired at the review after (${backend.name})`, async (t) => {
    const skip = await backend.skip();
    if (skip) return t.skip(skip);
    const store = await backend.open();
    try {
      const { engine, clock } = testEngine(
        store,
        '2025-11-20T09:00:00.000Z',
        fakeEvaluator(new Map([['https://github.com/example/slow', 28]])),
      );
      await importLandscape(engine, STAFF, landscape);
      // the review due 2025-12-01 fails requirement 13 (28 commits); the project is in remediation
      clock.set('2025-12-01T09:00:00.000Z');
      assert.deepEqual((await runPeriodicReview(engine, STAFF)).failed, ['slow']);
      await assert.rejects(
        addWaiver(
          engine,
          applicant('owner'),
          { project: 'slow' },
          { requirement: 13, reason: 'x', decidedBy: 'wg', decidedIn: 'S1', until: 'next-review' },
        ),
        /needs role staff/,
      );
      await assert.rejects(
        addWaiver(
          engine,
          STAFF,
          { project: 'slow' },
          { requirement: 42, reason: 'x', decidedBy: 'wg', decidedIn: 'S1', until: 'next-review' },
        ),
        /expected a requirement number 1–19 or its key/,
      );
      await assert.rejects(
        addWaiver(
          engine,
          STAFF,
          { project: 'slow' },
          { requirement: 13, reason: 'x', decidedBy: 'wg', decidedIn: 'S1', until: '2025-11-30' },
        ),
        /before today/,
      );
      const w = await addWaiver(
        engine,
        STAFF,
        { project: 'slow' },
        {
          requirement: 13,
          reason: 'in remediation: a maintainer on leave',
          decidedBy: 'the working group',
          decidedIn: 'S4',
          until: 'next-review',
        },
      );
      assert.deepEqual([w.id, w.untilReviewDueOn], ['W1', '2025-12-01']);

      clock.set('2025-12-05T09:00:00.000Z');
      const run = await runPeriodicReview(engine, STAFF);
      assert.deepEqual(run.passed, ['slow']);
      const judged = (await latestReport(engine, 'project:slow'))!.report as Report & { waivers: { id: string; state: string }[] };
      assert.equal(r13(judged).status, 'exempt');
      assert.match(
        r13(judged).summary,
        /^exempt: in remediation: a maintainer on leave \(waiver W1, decided by the working group in S4, until the periodic review due 2025-12-01\); measured: 28 commits/,
      );
      assert.equal(judged.verdict, 'pass');
      assert.deepEqual(
        judged.waivers.map((x) => [x.id, x.state]),
        [['W1', 'in force']],
      );
      const p = await getProject(engine, 'slow');
      assert.equal(p.reviewDueOn, '2026-06-05');
      assert.deepEqual(
        (await listWaivers(engine, { project: 'slow' })).map((l) => l.state),
        ['expired'],
        'the review it covered has passed',
      );

      // the next review judges requirement 13 again
      clock.set('2026-06-05T09:00:00.000Z');
      assert.deepEqual((await runPeriodicReview(engine, STAFF)).failed, ['slow']);
      const next = (await latestReport(engine, 'project:slow'))!.report as Report & { waivers: { id: string; state: string }[] };
      assert.equal(r13(next).status, 'fail');
      assert.deepEqual(
        next.waivers.map((x) => [x.id, x.state]),
        [['W1', 'expired']],
      );
    } finally {
      await store.dispose();
    }
  });
}

test('a waiver until a date applies through that day; a revoked one stops at once', async () => {
  const store = await BACKENDS[0]!.open();
  try {
    const { engine, clock } = testEngine(store, '2025-11-20T09:00:00.000Z');
    await importLandscape(engine, STAFF, landscape);
    const w = await addWaiver(
      engine,
      STAFF,
      { project: 'slow' },
      { requirement: 'recent-commits', reason: 'holiday season', decidedBy: 'wg', decidedIn: 'vote on application 4', until: '2025-12-31' },
    );
    const report = fakeReport({ commits: 28, asOf: new Date('2025-12-31T12:00:00Z') }).report;
    assert.equal(r13(applyWaivers(report, [w], { today: '2025-12-31' })).status, 'exempt');
    assert.equal(waiverState(w, { today: '2026-01-01' }), 'expired');
    const after = applyWaivers(report, [w], { today: '2026-01-01' }) as Report & { waivers: { state: string }[] };
    assert.deepEqual([r13(after).status, after.verdict, after.waivers[0]!.state], ['fail', 'fail', 'expired']);
    clock.set('2025-11-21T09:00:00.000Z');
    const revoked = await revokeWaiver(engine, STAFF, 'w1', 'the project asked for a review now');
    assert.equal(waiverState(revoked, { today: '2025-11-21' }), 'revoked');
    await assert.rejects(revokeWaiver(engine, STAFF, 'W1', 'again'), /already revoked on 2025-11-21/);
  } finally {
    await store.dispose();
  }
});
