// The whole lifecycle on both stores: an application from a real-shaped issue body, its report,
// a session, a question, a vote (7 members: 4 approvals pass; 8 members: 4 fail; a non-member's
// ballot kept non-binding), onboarding, ACTIVE, a failing periodic review six months later,
// day 29 still ACTIVE, day 30 RETIRED, the offboarding notice, every notice delivered once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseApplicationBody } from '../../src/process/form/index.js';
import * as apps from '../../src/process/engine-applications.js';
import { runPeriodicReview, getProject } from '../../src/process/engine-review.js';
import { changesSince } from '../../src/process/engine-reports.js';
import { deliverOutbox } from '../../src/process/delivery.js';
import { renderStoredNotice } from '../../src/notices/index.js';
import { renderAgenda } from '../../src/process/sessions.js';
import { agendaFor } from '../../src/process/engine-reports.js';
import { ProcessError } from '../../src/process/errors.js';
import { listOutbox, listReports, listReviewSteps, readAudit, upsertPerson, verifyAudit } from '../../src/store/index.js';
import { BACKENDS } from '../store/backends.js';
import { cleanupTemp } from '../support/repo.js';
import { fakeEvaluator } from './fake-report.js';
import { addMembers, applicant, CapturingTransport, member, STAFF, testEngine } from './helpers.js';

test.after(cleanupTemp);

const BODY = `### Contact emails

alice@example.org, [bob@example.org](mailto:bob@example.org)

### Project summary

Fast differentiable widgets for PyTorch

### Project description

Widgets is a library of differentiable widgets that plug into PyTorch training loops, with
kernels for CUDA and CPU.

### Are there any other projects in the PyTorch Ecosystem similar to yours?  If, yes, what are they?

N/A

### Project repo URL

https://github.com/example/widgets

### Additional repos in scope of the application

_No response_

### Project license

Apache-2.0

### GitHub handles of the project maintainer(s)

@alice, @bob

### Is there a corporate or academic entity backing this project?  If so, please provide the name and URL of the entity.

_No response_

### Website URL

https://widgets.example.org

### Documentation

https://widgets.example.org/docs

### How do you build and test the project today (continuous integration)?  Please describe.

GitHub Actions runs pytest on Linux and macOS.

### Version of PyTorch

2.5 and later

### Components of PyTorch

torch.compile, autograd

### How long do you expect to maintain the project?

At least three years.

### Additional information

_No response_
`;

const expectRefusal = (code: ProcessError['code'], re: RegExp) => (err: unknown) =>
  err instanceof ProcessError && err.code === code && re.test(err.message);

for (const backend of BACKENDS) {
  test(`full scenario on ${backend.name}`, async (t) => {
    const skip = await backend.skip();
    if (skip) return t.skip(skip);
    const store = await backend.open();
    try {
      const commits = new Map<string, number>();
      const { engine, clock } = testEngine(store, '2026-01-05T09:00:00.000Z', fakeEvaluator(commits));
      await addMembers(store, [1, 2, 3, 4, 5, 6, 7]);
      await upsertPerson(store.db, { id: 'outsider', role: 'member', email: null, wg: false, tac: false }, '2026-01-01T00:00:00.000Z');
      const alice = applicant('alice');

      // submitted from the issue body; the report is attached at submission
      const parsed = parseApplicationBody(BODY, { title: '[Ecosystem] Widgets' });
      assert.deepEqual(parsed.problems, []);
      const f = parsed.fields;
      const widgets = await apps.submitApplication(engine, alice, {
        projectName: f.projectName!,
        repoUrl: f.repoUrl!,
        contacts: f.contactEmails,
        fields: { ...f },
        presentation: { url: 'https://example.org/widgets-deck.pdf' },
        videoUrl: 'https://youtu.be/example',
      });
      assert.equal(widgets.status, 'NEW');
      assert.deepEqual(widgets.contacts, ['alice@example.org', 'bob@example.org']);
      assert.equal((await listReports(store.db, { subject: `application:${widgets.id}` })).length, 1);

      clock.set('2026-01-06T09:00:00.000Z');
      const gadgets = await apps.submitApplication(engine, applicant('gina'), {
        projectName: 'Gadgets',
        repoUrl: 'https://github.com/example/gadgets',
        contacts: ['gina@example.org'],
      });
      // the same repository cannot apply twice while an application is open
      await assert.rejects(
        apps.submitApplication(engine, alice, {
          projectName: 'Widgets again',
          repoUrl: 'https://github.com/Example/widgets.git',
          contacts: ['alice@example.org'],
        }),
        expectRefusal('conflict', /still NEW/),
      );

      // a question: only the applicant (or staff) may answer; the answer makes it RETURNING
      clock.set('2026-01-08T09:00:00.000Z');
      await assert.rejects(
        apps.askQuestion(engine, alice, widgets.id, 'Who maintains it?'),
        expectRefusal('forbidden', /needs role staff or member/),
      );
      await apps.askQuestion(engine, STAFF, widgets.id, 'Which PyTorch versions does CI test?');
      await assert.rejects(
        apps.answerQuestion(engine, applicant('gina'), widgets.id, 'all of them'),
        expectRefusal('forbidden', /only the applicant \(alice\)/),
      );
      const answered = await apps.answerQuestion(engine, alice, widgets.id, '2.5, 2.6 and nightly');
      assert.equal(answered.status, 'RETURNING');

      // the session takes the returning application first, then FIFO; each is re-checked
      clock.set('2026-01-20T09:00:00.000Z');
      const { session } = await apps.scheduleSession(engine, STAFF, '2026-02-03');
      assert.deepEqual(session.applicationIds, [widgets.id, gadgets.id]);
      assert.equal((await listReports(store.db, { subject: `application:${widgets.id}` })).length, 2);
      const agenda = renderAgenda(session, await agendaFor(engine, session));
      assert.match(agenda, /1\. Widgets — https:\/\/github.com\/example\/widgets {2}\[returning\]/);
      assert.match(agenda, /2\. Gadgets/);
      assert.match(agenda, /presentation: https:\/\/example.org\/widgets-deck.pdf/);

      // the vote on Widgets: 7 members, 4 approvals (one changed its ballot) pass
      clock.set('2026-02-03T15:00:00.000Z');
      await assert.rejects(apps.openVote(engine, member(1), widgets.id), expectRefusal('forbidden', /open a vote/));
      await apps.openVote(engine, STAFF, widgets.id);
      await addMembers(store, [8]); // joins after the vote opened: not in its roster
      for (const [n, c] of [
        [1, 'approve'],
        [2, 'approve'],
        [3, 'approve'],
        [4, 'reject'],
        [5, 'reject'],
        [6, 'abstain'],
      ] as const) {
        await apps.castVote(engine, member(n), widgets.id, c);
      }
      await apps.castVote(engine, member(4), widgets.id, 'approve'); // changes its vote
      await apps.castVote(engine, member(1), widgets.id, 'approve'); // the same ballot again: still one
      await apps.castVote(engine, { id: 'outsider', role: 'member' }, widgets.id, 'approve');
      const late = await apps.castVote(engine, member(8), widgets.id, 'approve');
      assert.deepEqual(Object.keys(late.vote!.nonBinding).sort(), ['m8', 'outsider']);
      await assert.rejects(apps.closeVote(engine, member(2), widgets.id), expectRefusal('forbidden', /only staff may close/));
      const closed = await apps.closeVote(engine, STAFF, widgets.id);
      assert.deepEqual(closed.vote!.result, {
        approved: true,
        approvals: 4,
        rejections: 1,
        abstentions: 1,
        notVoted: 1,
        rosterSize: 7,
        needed: 4,
      });
      await assert.rejects(apps.castVote(engine, member(7), widgets.id, 'reject'), expectRefusal('conflict', /closed/));
      await assert.rejects(apps.decide(engine, STAFF, widgets.id, 'DECLINED', 'no'), expectRefusal('conflict', /contradicts/));
      const accepted = await apps.decide(engine, STAFF, widgets.id, 'ACCEPTED', 'meets the requirements; strong maintainers');
      assert.equal(accepted.status, 'ACCEPTED');

      // the vote on Gadgets: now 8 members, 4 approvals fail (exactly half is not more than half)
      await apps.openVote(engine, STAFF, gadgets.id);
      for (const n of [1, 2, 3, 4]) await apps.castVote(engine, member(n), gadgets.id, 'approve');
      for (const n of [5, 6]) await apps.castVote(engine, member(n), gadgets.id, 'reject');
      const g = await apps.closeVote(engine, STAFF, gadgets.id);
      assert.equal(g.vote!.result!.approved, false);
      assert.equal(g.vote!.result!.rosterSize, 8);
      assert.equal(g.vote!.result!.needed, 5);
      await assert.rejects(apps.decide(engine, STAFF, gadgets.id, 'ACCEPTED', 'popular'), expectRefusal('conflict', /did not approve/));
      await apps.decide(engine, STAFF, gadgets.id, 'DECLINED', 'too few approvals');

      // onboarding: the applicant does its items, staff the rest; the last one makes it ACTIVE
      clock.set('2026-02-04T10:00:00.000Z');
      await apps.startOnboarding(engine, STAFF, widgets.id);
      for (const item of ['logo', 'two-factor', 'category', 'cla-dco'] as const)
        await apps.completeOnboardingItem(engine, alice, widgets.id, item);
      await assert.rejects(
        apps.completeOnboardingItem(engine, alice, widgets.id, 'blog-post'),
        expectRefusal('forbidden', /done by staff/),
      );
      await apps.completeOnboardingItem(engine, STAFF, widgets.id, 'landscape-entry', 'landscape PR #1');
      const active = await apps.completeOnboardingItem(engine, STAFF, widgets.id, 'blog-post', 'https://pytorch.org/blog/widgets');
      assert.equal(active.status, 'ACTIVE');
      const project = await getProject(engine, active.projectId!);
      assert.equal(project.status, 'ACTIVE');
      assert.equal(project.acceptedOn, '2026-02-03');
      assert.equal(project.reviewDueOn, '2026-08-03');

      // six months later: not due the day before; due on the day, 28 commits → 13 fails
      commits.set('https://github.com/example/widgets', 28);
      clock.set('2026-08-02T06:00:00.000Z');
      const early = await runPeriodicReview(engine, STAFF);
      assert.equal(early.total, 0);
      clock.set('2026-08-03T06:00:00.000Z');
      const first = await runPeriodicReview(engine, STAFF);
      assert.deepEqual(first.failed, [project.id]);
      let p = await getProject(engine, project.id);
      assert.equal(p.status, 'ACTIVE');
      assert.equal(p.pending?.deadlineOn, '2026-09-02');
      assert.deepEqual(
        p.pending?.failures.map((x) => x.id),
        [13],
      );
      const diff = await changesSince(engine, `project:${project.id}`);
      assert.deepEqual(diff?.regressed, ['recent-commits']);
      assert.deepEqual(diff?.changes.find((c) => c.id === 13)?.measured['commits'], [40, 28]);

      // day 29 still failing: ACTIVE (and reminded); day 30: RETIRED, with the offboarding notice
      clock.set('2026-09-01T06:00:00.000Z');
      const day29 = await runPeriodicReview(engine, STAFF);
      assert.deepEqual(day29.stillFailing, [project.id]);
      assert.equal((await getProject(engine, project.id)).status, 'ACTIVE');
      clock.set('2026-09-02T06:00:00.000Z');
      const day30 = await runPeriodicReview(engine, STAFF);
      assert.deepEqual(day30.retired, [project.id]);
      p = await getProject(engine, project.id);
      assert.equal(p.status, 'RETIRED');
      assert.equal(p.retiredOn, '2026-09-02');
      assert.deepEqual(
        (await listReviewSteps(store.db, project.id)).map((r) => r.outcome),
        ['failed', 'still-failing', 'retired'],
      );

      // every notice delivered, each once; a transient failure is retried
      const transport = new CapturingTransport();
      transport.failNext = 1;
      const r1 = await deliverOutbox({ store, transport, render: renderStoredNotice, clock, backoffMs: () => 1000 });
      assert.equal(r1.retrying.length, 1);
      clock.set('2026-09-02T06:00:02.000Z');
      await deliverOutbox({ store, transport, render: renderStoredNotice, clock });
      assert.match(transport.sent.find((m) => /deadline|2026-09-02/i.test(m.text))?.text ?? '', /2026-09-02/);
      const rows = await listOutbox(store.db);
      assert.ok(
        rows.every((r) => r.status === 'delivered'),
        JSON.stringify(rows.filter((r) => r.status !== 'delivered')),
      );
      assert.equal(transport.sent.length, rows.length);
      const widgetsKinds = rows.filter((r) => r.to.includes('alice@example.org')).map((r) => r.kind);
      assert.deepEqual(widgetsKinds, [
        'submission-received',
        'question-asked',
        'review-scheduled',
        'decision',
        'onboarding-step',
        'onboarding-complete',
        'review-failure',
        'review-reminder',
        'retirement',
        'offboarding',
      ]);
      const failure = rows.find((r) => r.kind === 'review-failure')!;
      assert.equal(failure.data['deadlineOn'], '2026-09-02');
      const declined = rows.find((r) => r.kind === 'decision' && r.to.includes('gina@example.org'))!;
      assert.equal(declined.data['resubmitFrom'], '2026-05-03');

      // the audit log holds the vote (roster, tally, each binding ballot) and verifies
      const audit = await readAudit(store.db, { subject: `application:${widgets.id}` });
      const voteClosed = audit.find((e) => e.action === 'vote.closed')!;
      assert.equal((voteClosed.data['roster'] as string[]).length, 7);
      assert.equal(audit.filter((e) => e.action === 'vote.cast-non-binding').length, 2);
      assert.deepEqual(await verifyAudit(store.db), { ok: true, entries: (await readAudit(store.db)).length });
    } finally {
      await store.dispose();
    }
  });
}
