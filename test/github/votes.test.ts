// Commands, votes by reaction and decisions on the issue: /schedule and /vote; reactions from 5 of
// 9 members pass, 4 of 8 do not; a member with two reactions has no vote and is told; non-members
// are shown as non-binding; the reminder mentions exactly those who have not voted, once; the
// written decision, and the issue closed when the process says so; a command or a label change
// from someone not allowed is refused or put back, and changes nothing.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { getApplication } from '../../src/process/engine-applications.js';
import { upsertPerson } from '../../src/store/index.js';
import { cleanupTemp } from '../support/repo.js';
import { addApplicantRepo, commentPayload, ECOSYSTEM, issuesPayload, openApplication, startHarness, type Harness } from './harness.js';

let h: Harness;
before(async () => {
  h = await startHarness({ members: 9 });
});
after(async () => {
  await h.close();
  cleanupTemp();
});

const issue = (n: number) => h.gh.api.repo(ECOSYSTEM).issues.get(n)!;
const bodies = (n: number) => h.gh.api.comments(ECOSYSTEM, n).map((c) => c.body);
async function say(n: number, login: string, text: string) {
  const r = await h.deliver('issue_comment', commentPayload(h, n, login, text));
  assert.equal(r.status, 202);
  await h.settle();
}
const appOf = async (n: number) => getApplication(h.runtime.ctx.engine, String(n));

test('5 of 9 members approve by reaction: passed, accepted, with the written decision', async () => {
  await h.deliver('issues', openApplication(h, 1, 'Widget', await addApplicantRepo(h.gh, h.gh.opts.gitRoot!, 'widget')));
  await h.settle();
  await say(1, 'sam-gh', '/schedule 2026-12-10');
  assert.equal((await appOf(1)).status, 'IN_REVIEW');
  assert.deepEqual(issue(1).labels, ['review - scheduled']);
  await say(1, 'sam-gh', 'Thanks, opening the vote.\n/vote');
  assert.deepEqual(issue(1).labels, ['in voting']);
  const vote = h.gh.api.comments(ECOSYSTEM, 1).find((c) => c.body.includes('steward:vote:1'))!;
  assert.match(vote.body, /more than half of all 9 members\*\* approve \(5 approvals\)/);
  assert.match(vote.body, /Reactions on this public issue are public/);
  for (const m of ['m1', 'm2', 'm3', 'm4', 'm5']) h.gh.api.react(ECOSYSTEM, vote.id, m, '+1');
  h.gh.api.react(ECOSYSTEM, vote.id, 'm6', '-1');
  h.gh.api.react(ECOSYSTEM, vote.id, 'm7', '+1');
  h.gh.api.react(ECOSYSTEM, vote.id, 'm7', '-1');
  h.gh.api.react(ECOSYSTEM, vote.id, 'stranger', '+1');
  h.gh.api.react(ECOSYSTEM, vote.id, 'm8', 'heart');

  // the reminder: not before 3 days ahead of the session, then once, naming exactly who has not voted
  h.clock.set('2026-12-06T12:00:00Z');
  await h.runtime.syncVotes();
  assert.equal(bodies(1).filter((b) => b.includes('steward:vote-reminder')).length, 0);
  h.clock.set('2026-12-07T09:00:00Z');
  const r = await h.runtime.syncVotes();
  assert.deepEqual(r.reminded, ['m7', 'm8', 'm9']);
  const reminders = bodies(1).filter((b) => b.includes('steward:vote-reminder'));
  assert.equal(reminders.length, 1);
  assert.deepEqual(reminders[0]!.match(/@[\w-]+/g), ['@m7', '@m8', '@m9']);
  await h.runtime.syncVotes();
  assert.equal(bodies(1).filter((b) => b.includes('steward:vote-reminder')).length, 1, 'reminded once');
  // m7 was told once that two reactions mean no vote
  assert.equal(bodies(1).filter((b) => b.includes('@m7 you reacted') && b.includes('no vote of yours counts')).length, 1);

  await say(1, 'm1', '/vote-status');
  const status = bodies(1).find((b) => b.includes('steward:vote-status'))!;
  assert.match(status, /\*\*5 of 9 members approve\*\*/);
  assert.match(status, /No vote counted for `m7`/);
  assert.match(status, /Non-binding \(not on the roster\): `stranger` approve/);

  // a member may not close the vote or decide: refused, nothing changes
  await say(1, 'm2', '/close-vote');
  assert.match(bodies(1).at(-1)!, /@m2 `\/close-vote` was not carried out: only staff may close a vote/);
  assert.equal((await appOf(1)).vote!.closedAt, undefined);

  await say(1, 'sam-gh', '/close-vote');
  const result = bodies(1).find((b) => b.includes('steward:vote-result'))!;
  assert.match(result, /PASSED/);
  assert.doesNotMatch(result, /NOT PASSED/);
  assert.equal((await appOf(1)).vote!.result!.approvals, 5);
  await say(1, 'sam-gh', '/accept');
  const decision = bodies(1).find((b) => b.includes('steward:decision'))!;
  assert.match(decision, /Widget is accepted/);
  assert.match(decision, /Tally: 5 approve, 1 reject, 0 abstain, 3 not voted, of 9 members; 5 approvals were needed/);
  assert.match(decision, /onboarding/);
  assert.equal((await appOf(1)).status, 'ONBOARDING');
  assert.deepEqual(issue(1).labels, ['Accepted']);
  assert.equal(issue(1).state, 'open', 'onboarding continues on the issue');
});

test('4 of 8 members approve: not passed, declined with reasons and the first resubmission day, issue closed', async () => {
  await upsertPerson(h.store.db, { id: 'm9', role: 'member', email: 'm9@wg.example', wg: false, tac: false }, '2026-12-07T00:00:00Z');
  await h.deliver('issues', openApplication(h, 2, 'Gadget', await addApplicantRepo(h.gh, h.gh.opts.gitRoot!, 'gadget')));
  await h.settle();
  await say(2, 'sam-gh', '/schedule 2026-12-10\n/vote');
  const vote = h.gh.api.comments(ECOSYSTEM, 2).find((c) => c.body.includes('steward:vote:2'))!;
  assert.match(vote.body, /all 8 members\*\* approve \(5 approvals\)/);
  for (const m of ['m1', 'm2', 'm3', 'm4']) h.gh.api.react(ECOSYSTEM, vote.id, m, '+1');
  for (const m of ['m5', 'm6']) h.gh.api.react(ECOSYSTEM, vote.id, m, 'eyes');
  await say(2, 'sam-gh', '/close-vote');
  assert.match(
    bodies(2).find((b) => b.includes('steward:vote-result'))!,
    /NOT PASSED/,
  );
  // the decision must agree with the vote
  await say(2, 'sam-gh', '/accept');
  assert.match(bodies(2).at(-1)!, /`\/accept` was not carried out: .*did not approve/);
  await say(2, 'sam-gh', '/decline Too few contributors for now (1 in 90 days).');
  const decision = bodies(2).find((b) => b.includes('steward:decision'))!;
  assert.match(decision, /Gadget is declined/);
  assert.match(decision, /Reasons: Too few contributors for now/);
  assert.match(decision, /accepted from \*\*2027-03-07\*\*/);
  assert.equal(issue(2).state, 'closed');
  assert.deepEqual(issue(2).labels, ['Declined']);
});

test('a label set by someone not allowed is put back naming the command; by staff it is the command', async () => {
  await h.deliver('issues', openApplication(h, 3, 'Sprocket', await addApplicantRepo(h.gh, h.gh.opts.gitRoot!, 'sprocket')));
  await h.settle();
  issue(3).labels.push('Accepted');
  await h.deliver('issues', issuesPayload(h, 'labeled', 3, 'm4', { label: { name: 'Accepted' } }));
  await h.settle();
  assert.deepEqual(issue(3).labels, ['New']);
  assert.match(
    bodies(3).at(-1)!,
    /@m4 the label `Accepted` was removed again: m4 is not staff \(role: member\); this change needs role staff\. The command for this change is `\/accept`/,
  );
  assert.equal((await appOf(3)).status, 'NEW');
  // the applicant removing the state label: put back
  issue(3).labels = [];
  await h.deliver('issues', issuesPayload(h, 'unlabeled', 3, 'sprocket-dev', { label: { name: 'New' } }));
  await h.settle();
  assert.deepEqual(issue(3).labels, ['New']);
  // staff labelling review - future: the application is deferred
  issue(3).labels.push('review - future');
  await h.deliver('issues', issuesPayload(h, 'labeled', 3, 'sam-gh', { label: { name: 'review - future' } }));
  await h.settle();
  assert.equal((await appOf(3)).status, 'DEFERRED');
  assert.deepEqual(issue(3).labels, ['review - future']);
  // a command from the public is refused and changes nothing
  await say(3, 'passer-by', '/schedule 2026-12-10');
  assert.match(
    bodies(3).at(-1)!,
    /@passer-by `\/schedule 2026-12-10` was not carried out: schedule a review: needs role staff; passer-by is not staff \(role: public\)/,
  );
  assert.equal((await appOf(3)).status, 'DEFERRED');
  // staff waive a requirement: recorded on the application through the engine, and confirmed
  await say(3, 'sam-gh', '/waive codeowners the company owns the code until 2027-06-01');
  assert.match(
    bodies(3).at(-1)!,
    /^Waiver W\d+ recorded: requirement 18 is exempt for this application through 2027-06-01, decided by `sam`\. Reason: the company owns the code$/,
  );
  const waived = (await appOf(3)).waivers ?? [];
  assert.deepEqual(
    waived.map((w) => [w.requirement, w.until, w.reason, w.decidedIn]),
    [[18, '2027-06-01', 'the company owns the code', `${ECOSYSTEM}#3`]],
  );
  // a member may not: refused, nothing recorded
  await say(3, 'm1', '/waive 13 busy quarter');
  assert.match(bodies(3).at(-1)!, /`\/waive 13 busy quarter` was not carried out: \/waive needs role staff/);
  assert.equal((await appOf(3)).waivers?.length, 1);
});
