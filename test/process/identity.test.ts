// One identity per project: the canonical repository is stored and keyed, so another URL form is
// the same project; an organisation URL is held with a question until the answer names the
// repository (and then the rules of a submission apply); a retired project that applies again
// comes back as the same record; a repository that can't be read is still submitted, report unknown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as apps from '../../src/process/engine-applications.js';
import { getProject, retireProject } from '../../src/process/engine-review.js';
import { listOutbox, readAudit } from '../../src/store/index.js';
import { BACKENDS } from '../store/backends.js';
import { cleanupTemp } from '../support/repo.js';
import { addMembers, applicant, driveToDecision, simpleInput, STAFF, testEngine } from './helpers.js';

test.after(cleanupTemp);

for (const backend of BACKENDS) {
  test(`identity on ${backend.name}: canonical URL stored, org URL held, re-entry reactivates the same project`, async (t) => {
    const skip = await backend.skip();
    if (skip) return t.skip(skip);
    const store = await backend.open();
    try {
      const { engine, clock } = testEngine(store, '2026-01-15T12:00:00.000Z');
      await addMembers(store, [1, 2, 3]);
      const owner = applicant('owner');

      // stored as the canonical repository, whatever form was typed
      const a = await apps.submitApplication(engine, owner, simpleInput('Widgets', 'http://www.GitHub.com/Example/widgets.git/'));
      assert.equal(a.repoUrl, 'https://github.com/Example/widgets');
      await assert.rejects(
        apps.submitApplication(engine, owner, simpleInput('Widgets', 'https://github.com/example/WIDGETS/tree/main')),
        /application 1 for this repository is still NEW \(https:\/\/github\.com\/Example\/widgets\)/,
      );
      // a subproject's path is part of its identity
      const sub = await apps.submitApplication(engine, owner, simpleInput('Vision', 'https://github.com/example/widgets/tree/main/vision'));
      assert.equal(sub.repoUrl, 'https://github.com/example/widgets/tree/main/vision');

      // an organisation URL: held with a question, not refused; the answer names the repository
      const org = await apps.submitApplication(engine, owner, simpleInput('Gadgets', 'https://github.com/example-org'));
      assert.equal(org.status, 'WAITING_ON_COMMENT');
      assert.match(
        org.questions[0]!.text,
        /https:\/\/github\.com\/example-org is an organisation or user, not a repository.*Which repository is Gadgets\? Answer with its URL\./,
      );
      await assert.rejects(
        apps.answerQuestion(engine, owner, org.id, 'it is our main one'),
        /held until its repository is named .*expected a repository URL in the answer, found none/,
      );
      // naming a repository that already has an open application is refused like a submission
      await assert.rejects(
        apps.answerQuestion(engine, owner, org.id, 'https://github.com/example/widgets'),
        /answer: application 1 for this repository is still NEW/,
      );
      const answered = await apps.answerQuestion(engine, owner, org.id, 'It is https://github.com/example-org/gadgets.');
      assert.deepEqual(
        [answered.status, answered.repoUrl, answered.repoIncomplete],
        ['RETURNING', 'https://github.com/example-org/gadgets', undefined],
      );

      // accepted, onboarded, retired: the same repository applying again comes back as the same project
      await apps.withdrawApplication(engine, owner, sub.id);
      await apps.withdrawApplication(engine, owner, org.id);
      const accepted = await driveToDecision(engine, STAFF, simpleInput('Tools', 'https://github.com/example/tools'), 'ACCEPTED');
      await apps.startOnboarding(engine, STAFF, accepted.id);
      for (const item of ['logo', 'two-factor', 'category', 'landscape-entry', 'blog-post', 'cla-dco'] as const)
        await apps.completeOnboardingItem(engine, STAFF, accepted.id, item);
      assert.equal((await getProject(engine, 'tools')).status, 'ACTIVE');
      clock.set('2026-03-01T12:00:00.000Z');
      await retireProject(engine, STAFF, 'tools', 'asked by the owners');
      clock.set('2026-05-01T12:00:00.000Z');
      const again = await driveToDecision(engine, STAFF, simpleInput('Tools', 'https://github.com/Example/Tools/'), 'ACCEPTED');
      await apps.startOnboarding(engine, STAFF, again.id);
      for (const item of ['logo', 'two-factor', 'category', 'landscape-entry', 'blog-post', 'cla-dco'] as const)
        await apps.completeOnboardingItem(engine, STAFF, again.id, item);
      const back = await getProject(engine, 'tools');
      assert.deepEqual(
        [back.status, back.applicationId, back.acceptedOn, back.reactivatedOn, back.retiredOn],
        ['ACTIVE', again.id, '2026-05-01', '2026-05-01', undefined],
      );
      await assert.rejects(getProject(engine, 'tools-2'), /project "tools-2" does not exist/);
      const history = (await readAudit(store.db, { subject: 'project:tools' })).map((e) => e.action);
      assert.deepEqual(history, ['project.activated', 'project.retired', 'project.reactivated']);
    } finally {
      await store.dispose();
    }
  });
}

test('a repository that cannot be read yet is still submitted: the report is unknown, with the reason', async () => {
  const backend = BACKENDS[0]!;
  const store = await backend.open();
  try {
    const { engine } = testEngine(store, '2026-01-15T12:00:00.000Z', async () => {
      throw new Error('https://github.com/example/private: repository not found (404)');
    });
    const a = await apps.submitApplication(engine, applicant('owner'), simpleInput('Private', 'https://github.com/example/private'));
    assert.deepEqual([a.status, a.reportUnknown], ['NEW', 'https://github.com/example/private: repository not found (404)']);
    const notice = (await listOutbox(store.db)).find((n) => n.kind === 'submission-received')!;
    const data = notice.data;
    assert.deepEqual([data['verdict'], data['unknownReason']], ['unknown', a.reportUnknown]);
  } finally {
    await store.dispose();
  }
});
