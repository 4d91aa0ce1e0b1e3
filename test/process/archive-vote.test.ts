// A policy that archives only by a vote (LF AI & Data: 2/3 of the TAC and 2/3 of the Governing
// Board): a project still failing at its deadline is listed as awaiting that vote, not retired.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyReview, newProject, plannedReviews, projectInvariants } from '../../src/process/projects.js';
import { approvalVoteRule, archiveRuleOf, majorityRule } from '../../src/process/policy-votes.js';
import type { ProcessRules } from '../../src/policy/types.js';
import { approvalsNeeded } from '../../src/process/voting.js';
import { loadDefaultPolicy } from '../../src/policy/load.js';
import type { Project } from '../../src/process/types.js';
import type { Report } from '../../src/report/types.js';
import { STAFF } from './helpers.js';

const base = loadDefaultPolicy().process;
const byVote: ProcessRules = {
  ...base,
  reviewEveryMonths: 12,
  fixWithinDays: 14,
  archive: { by: 'vote', bodies: ['TAC', 'Governing Board'], majority: '2/3' },
};
const failing: Pick<Report, 'requirements' | 'verdict'> = {
  verdict: 'fail',
  requirements: [
    { id: 13, key: 'stars', title: 'Stars', automation: 'full', status: 'fail', summary: '12 stars', measured: {}, evidence: [] },
  ],
};
const passing: Pick<Report, 'requirements' | 'verdict'> = {
  verdict: 'pass',
  requirements: [{ ...failing.requirements[0]!, status: 'pass' }],
};
const at = (day: string) => ({ actor: STAFF, now: new Date(`${day}T12:00:00Z`) });

function project(rules: ProcessRules): Project {
  return newProject(
    { id: 'p1', name: 'P', repoUrl: 'https://github.com/o/p', contacts: ['o@p.example'], acceptedOn: '2025-01-10', origin: 'application' },
    rules,
    '2025-01-10',
  );
}

test('majorities: 2/3 is reached, >1/2 exceeded; the approval rule names one over the roster', () => {
  assert.deepEqual(majorityRule('2/3'), { fraction: 2 / 3, strict: false });
  assert.equal(approvalsNeeded(majorityRule('2/3')!, 9), 6);
  assert.equal(approvalsNeeded(majorityRule('2/3')!, 10), 7);
  assert.deepEqual(majorityRule('more-than-half'), { fraction: 0.5, strict: true });
  assert.equal(majorityRule('4/3'), undefined);
  assert.equal(majorityRule('two thirds'), undefined);
  assert.deepEqual(approvalVoteRule('more-than-half-of-roster'), { fraction: 0.5, strict: true });
  assert.deepEqual(approvalVoteRule('2/3-of-roster'), { fraction: 2 / 3, strict: false });
  assert.deepEqual(archiveRuleOf(base), { by: 'fix-period' });
});

test('by vote: the review is due 12 months after acceptance; at the deadline the project is listed for the vote and stays ACTIVE', () => {
  let p = project(byVote);
  assert.equal(p.reviewDueOn, '2026-01-10');
  const failed = applyReview(p, failing, at('2026-01-10'), byVote)!;
  assert.equal(failed.audit[0]!.action, 'review.failed');
  p = failed.state;
  assert.equal(p.pending!.deadlineOn, '2026-01-24');
  const listed = applyReview(p, failing, at('2026-01-24'), byVote)!;
  assert.equal(listed.audit[0]!.action, 'project.archive-vote-awaited');
  assert.deepEqual(listed.audit[0]!.data['bodies'], ['TAC', 'Governing Board']);
  assert.equal(listed.audit[0]!.data['majority'], '2/3');
  assert.deepEqual(listed.notices, [], 'nobody is told the project is retired');
  p = listed.state;
  assert.equal(p.status, 'ACTIVE');
  assert.deepEqual(p.pending!.archiveVote, { listedOn: '2026-01-24', bodies: ['TAC', 'Governing Board'], majority: '2/3' });
  assert.deepEqual(projectInvariants(p), []);
  // nothing left for a review run to plan: the vote is the bodies'
  assert.deepEqual(plannedReviews([p], '2026-02-01'), []);
  const later = applyReview(p, failing, at('2026-01-30'), byVote)!;
  assert.equal(later.audit[0]!.action, 'review.still-failing');
  assert.equal(later.audit[0]!.data['awaitingArchiveVote'], '2026-01-24');
  assert.equal(later.state.status, 'ACTIVE');
  assert.deepEqual(projectInvariants(later.state), []);
  // fixed before the vote: the listing goes with the failure
  const fixed = applyReview(later.state, passing, at('2026-02-02'), byVote)!;
  assert.equal(fixed.audit[0]!.action, 'review.passed');
  assert.equal(fixed.state.pending, undefined);
  assert.equal(fixed.state.reviewDueOn, '2027-02-02');
});

test('without an archive rule (pytorch-ecosystem): still failing at the deadline retires, as before', () => {
  let p = project(base);
  p = applyReview(p, failing, at(p.reviewDueOn), base)!.state;
  const out = applyReview(p, failing, at(p.pending!.deadlineOn), base)!;
  assert.equal(out.audit[0]!.action, 'project.retired');
  assert.equal(out.state.status, 'RETIRED');
  assert.deepEqual(
    plannedReviews([p], p.pending!.deadlineOn).map((x) => x.reason),
    ['deadline'],
  );
});
