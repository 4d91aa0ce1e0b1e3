// The time rules at their exact edges: resubmission 3 calendar months after the decline date
// (a month without that day counts to its last day), review 6 months after acceptance or the
// last review, deadline 30 days after the notice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addDays,
  addMonths,
  daysBetween,
  fixDeadline,
  isCalendarDate,
  resubmissionAllowedFrom,
  reviewDueOn,
} from '../../src/process/calendar.js';
import * as apps from '../../src/process/engine-applications.js';
import { ProcessError } from '../../src/process/errors.js';
import { BACKENDS } from '../store/backends.js';
import { cleanupTemp } from '../support/repo.js';
import { addMembers, applicant, driveToDecision, simpleInput, testEngine } from './helpers.js';

test.after(cleanupTemp);

test('calendar months clamp to the last day of a shorter month', () => {
  assert.equal(addMonths('2026-01-15', 3), '2026-04-15');
  assert.equal(addMonths('2026-11-30', 3), '2027-02-28');
  assert.equal(addMonths('2027-11-30', 3), '2028-02-29'); // leap year
  assert.equal(addMonths('2026-01-31', 1), '2026-02-28');
  assert.equal(addMonths('2026-08-31', 6), '2027-02-28');
  assert.equal(addMonths('2026-12-15', 1), '2027-01-15');
  assert.equal(addMonths('2026-03-31', -1), '2026-02-28');
  assert.equal(resubmissionAllowedFrom('2026-01-15', 3), '2026-04-15');
  assert.equal(reviewDueOn('2026-02-03', 6), '2026-08-03');
  assert.equal(fixDeadline('2026-08-03', 30), '2026-09-02');
  assert.equal(daysBetween('2026-08-03', fixDeadline('2026-08-03', 30)), 30);
  assert.equal(addDays('2026-12-31', 1), '2027-01-01');
  assert.equal(isCalendarDate('2026-02-29'), false);
  assert.equal(isCalendarDate('2028-02-29'), true);
  assert.throws(() => addMonths('2026-13-01', 1), /expected a date YYYY-MM-DD/);
});

for (const backend of BACKENDS) {
  test(`resubmission edges on ${backend.name}`, async (t) => {
    const skip = await backend.skip();
    if (skip) return t.skip(skip);
    const store = await backend.open();
    try {
      const { engine, clock } = testEngine(store, '2026-01-15T12:00:00.000Z');
      await addMembers(store, [1, 2, 3]);
      const owner = applicant('owner');
      const foo = simpleInput('Foo');
      await driveToDecision(engine, owner, foo, 'DECLINED');
      assert.equal(await apps.resubmissionDate(engine, foo.repoUrl), '2026-04-15');

      clock.set('2026-04-14T23:59:59.000Z');
      await assert.rejects(
        apps.submitApplication(engine, owner, foo),
        (e) => e instanceof ProcessError && e.code === 'too-early' && /allowed from 2026-04-15 \(today is 2026-04-14\)/.test(e.message),
      );
      clock.set('2026-04-15T00:00:00.000Z');
      const again = await apps.submitApplication(engine, owner, foo);
      assert.equal(again.status, 'NEW');
      assert.ok(again.resubmissionOf, 'the resubmission names the declined application');

      // declined on 2026-11-30: refused on 2027-02-27, allowed from 2027-02-28
      const bar = simpleInput('Bar');
      clock.set('2026-11-30T09:00:00.000Z');
      await driveToDecision(engine, owner, bar, 'TOO_EARLY');
      clock.set('2027-02-27T12:00:00.000Z');
      await assert.rejects(
        apps.submitApplication(engine, owner, bar),
        (e) => e instanceof ProcessError && e.code === 'too-early' && /allowed from 2027-02-28/.test(e.message),
      );
      clock.set('2027-02-28T00:00:00.000Z');
      assert.equal((await apps.submitApplication(engine, owner, bar)).status, 'NEW');
    } finally {
      await store.dispose();
    }
  });
}
