// Smaller wrongs seen while running the process: staff record "too early" with a reason and no
// vote; the engine's count is recorded beside the free-text reason; an applicant cannot vote on
// their own application; the submission notice names the project.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as apps from '../../src/process/engine-applications.js';
import { applicationInvariants } from '../../src/process/applications.js';
import { renderNotice } from '../../src/notices/index.js';
import { BACKENDS } from '../store/backends.js';
import { cleanupTemp } from '../support/repo.js';
import { addMembers, applicant, member, simpleInput, STAFF, testEngine } from './helpers.js';

test.after(cleanupTemp);

test('too early without a vote; the tally beside the reason; no vote on your own application', async () => {
  const store = await BACKENDS[0]!.open();
  try {
    const { engine } = testEngine(store, '2026-01-15T12:00:00.000Z');
    await addMembers(store, [1]);
    const early = await apps.submitApplication(engine, applicant('ann'), simpleInput('Early'));
    await assert.rejects(
      apps.decide(engine, STAFF, early.id, 'DECLINED', 'no'),
      /record a decision: application 1 is NEW, expected IN_REVIEW/,
    );
    await assert.rejects(apps.decide(engine, member(1), early.id, 'TOO_EARLY', 'young'), /needs role staff/);
    const decided = await apps.decide(engine, STAFF, early.id, 'TOO_EARLY', 'six weeks old; come back with a release');
    assert.deepEqual([decided.status, decided.decision?.tally], ['TOO_EARLY', undefined]);
    assert.deepEqual(applicationInvariants(decided), []);

    // ann's own application: her ballot is refused; m1's counts, and the engine's count is kept
    const own = await apps.submitApplication(engine, { id: 'm1', role: 'member' }, simpleInput('Own'));
    await apps.scheduleSession(engine, STAFF, '2026-02-01');
    await apps.openVote(engine, STAFF, own.id);
    await assert.rejects(
      apps.castVote(engine, member(1), own.id, 'approve'),
      /cast a vote: m1 submitted application 2 and cannot vote on it/,
    );
    await apps.closeVote(engine, STAFF, own.id);
    const d = await apps.decide(engine, STAFF, own.id, 'DECLINED', '5 of 7 approve');
    assert.equal(d.decision?.tally, '0 of 1 approve (needed 1)');
  } finally {
    await store.dispose();
  }
});

test('the submission notice names the project, not only its number', () => {
  const m = renderNotice('submission-received', {
    applicationId: '1',
    projectName: 'Widgets',
    repoUrl: 'https://github.com/example/widgets',
  });
  assert.match(m.text, /Your application for Widgets is number 1\./);
  assert.doesNotMatch(m.text, /Your application is 1\./);
});
