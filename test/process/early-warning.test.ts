// The early warning ahead of the periodic review, over the store on SQLite and PostgreSQL: a
// project whose passing requirement is forecast to fail before its next review is at risk and its
// owners get one notice for that review; a forecast beyond the review, a due or failing project,
// and --no-notice send nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importLandscape } from '../../src/process/engine-import.js';
import { getProject } from '../../src/process/engine-review.js';
import { runEarlyWarning } from '../../src/process/engine-early-warning.js';
import { applyEarlyWarning, atRisk } from '../../src/process/early-warning.js';
import type { Evaluator } from '../../src/process/engine.js';
import type { Project } from '../../src/process/types.js';
import { listOutbox } from '../../src/store/index.js';
import type { Landscape } from '../../src/landscape/index.js';
import { BACKENDS } from '../store/backends.js';
import { cleanupTemp } from '../support/repo.js';
import { STAFF, testEngine } from './helpers.js';
import { fakeReport } from './fake-report.js';

test.after(cleanupTemp);

/** A passing report whose requirement 13 is forecast to fail on `fails` (none when undefined). */
function reportFailingOn(fails: string | undefined, asOf: Date) {
  const r = fakeReport({ commits: 40, asOf });
  const r13 = r.report.requirements.find((x) => x.id === 13)!;
  if (fails)
    r13.forecast = {
      fails,
      measure: 'commits per 90 days',
      now: 40,
      then: 29,
      horizon: '2027-01-01',
      method: 'trend',
      text: `at the current pace, requirement 13 fails around ${fails} (commits per 90 days: 40 → 29)`,
    };
  return r;
}

test('at risk: a passing requirement whose forecast falls after today and before the review; the day of the review itself is not before it', () => {
  const { report } = reportFailingOn('2026-05-31', new Date('2026-03-01T00:00:00Z'));
  assert.deepEqual(
    atRisk(report, '2026-06-01', '2026-03-01').map((r) => r.id),
    [13],
  );
  assert.deepEqual(atRisk(report, '2026-05-31', '2026-03-01'), []);
  const p: Project = {
    id: 'w',
    name: 'W',
    repoUrl: 'https://github.com/x/w',
    contacts: ['o@w.example'],
    status: 'ACTIVE',
    acceptedOn: '2025-06-01',
    lastReviewOn: null,
    reviewDueOn: '2026-06-01',
    origin: 'import',
  };
  const now = new Date('2026-03-01T09:00:00Z');
  assert.equal(
    applyEarlyWarning({ ...p, reviewDueOn: '2026-03-01' }, report, { now, actorId: 'sam' }, { notify: true }),
    null,
    'due today: the review decides',
  );
  const pending = {
    dueOn: '2026-01-01',
    noticeOn: '2026-01-01',
    deadlineOn: '2026-01-31',
    failures: [],
    reminded: false,
    checkedOn: '2026-02-28',
  };
  assert.equal(applyEarlyWarning({ ...p, pending }, report, { now, actorId: 'sam' }, { notify: true }), null, 'failing a review already');
  const quiet = applyEarlyWarning(p, report, { now, actorId: 'sam' }, { notify: false })!;
  assert.equal(quiet.notices.length, 0);
  assert.equal(quiet.state.earlyWarning!.atRisk.length, 1);
});

const landscape: Landscape = {
  file: 'landscape.yml',
  format: 'landscape',
  categories: [],
  problems: [],
  items: ['widgets', 'gadgets', 'gizmos'].map((n, i) => ({
    id: `modeling--x--${n}`,
    name: n,
    category: 'Modeling',
    subcategory: 'X',
    homepage_url: '',
    repo_url: `https://github.com/example/${n}`,
    logo: 'x.svg',
    extra: { accepted: '2025-12-15' },
    line: i + 1,
  })),
};

for (const backend of BACKENDS) {
  test(`early warning over the store (${backend.name}): one notice per review, at-risk recorded`, async (t) => {
    const skip = await backend.skip();
    if (skip) return t.skip(skip);
    const store = await backend.open();
    try {
      const { engine, clock } = testEngine(store, '2026-03-01T09:00:00.000Z');
      await importLandscape(engine, STAFF, landscape);
      for (const id of ['widgets', 'gadgets', 'gizmos']) {
        const p = await getProject(engine, id);
        await store.db
          .updateTable('projects')
          .set({ doc: JSON.stringify({ ...p, contacts: [`owner@${id}.example`] }) })
          .where('id', '=', id)
          .execute();
      }
      const due = (await getProject(engine, 'widgets')).reviewDueOn;
      assert.ok(due > '2026-03-01', `not due yet (${due})`);
      const dayBefore = new Date(Date.parse(`${due}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      // widgets fails the day before its review; gadgets on the day of it (not before); gizmos has no forecast
      const fails = new Map([
        ['widgets', dayBefore],
        ['gadgets', due],
      ]);
      const evaluator: Evaluator = async (target, asOf) => reportFailingOn(fails.get(target.id), asOf);

      let r = await runEarlyWarning(engine, STAFF, { evaluator });
      assert.equal(r.checked, 3);
      assert.deepEqual(
        r.atRisk.map((a) => [a.projectId, a.notified]),
        [['widgets', true]],
      );
      let notices = (await listOutbox(store.db)).filter((n) => n.kind === 'review-early-warning');
      assert.equal(notices.length, 1);
      assert.deepEqual(notices[0]!.to, ['owner@widgets.example']);
      const w = await getProject(engine, 'widgets');
      assert.deepEqual(w.earlyWarning, {
        reviewDueOn: due,
        checkedOn: '2026-03-01',
        noticeOn: '2026-03-01',
        atRisk: [
          {
            id: 13,
            key: 'recent-commits',
            fails: dayBefore,
            text: `at the current pace, requirement 13 fails around ${dayBefore} (commits per 90 days: 40 → 29)`,
          },
        ],
      });
      assert.deepEqual((await getProject(engine, 'gadgets')).earlyWarning?.atRisk, []);

      // a month later, still at risk: recorded again, no second notice
      clock.set('2026-04-01T09:00:00.000Z');
      r = await runEarlyWarning(engine, STAFF, { evaluator });
      assert.deepEqual(
        r.atRisk.map((a) => [a.projectId, a.notified]),
        [['widgets', false]],
      );
      notices = (await listOutbox(store.db)).filter((n) => n.kind === 'review-early-warning');
      assert.equal(notices.length, 1);
      assert.equal((await getProject(engine, 'widgets')).earlyWarning!.checkedOn, '2026-04-01');

      // --no-notice: gizmos at risk now, recorded without a notice
      fails.set('gizmos', dayBefore);
      r = await runEarlyWarning(engine, STAFF, { evaluator, notify: false, projectIds: ['gizmos'] });
      assert.deepEqual(
        r.atRisk.map((a) => [a.projectId, a.notified]),
        [['gizmos', false]],
      );
      assert.equal((await listOutbox(store.db)).filter((n) => n.kind === 'review-early-warning').length, 1);
    } finally {
      await store.dispose();
    }
  });
}
