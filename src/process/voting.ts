// The voting rule: approved iff approvals exceed a fraction (by default half) of the roster
// snapshotted when the vote opened — of all members, not of the votes cast. One current ballot
// per member (a change replaces it); ballots from outside the roster are kept but never counted.
import { notAllowed, ProcessError } from './errors.js';
import type { Actor, Choice, VoteResult, VoteRule, VoteState } from './types.js';
import { MORE_THAN_HALF } from './types.js';

export const CHOICES: readonly Choice[] = ['approve', 'reject', 'abstain'];

export function openVote(roster: string[], ctx: { actor: Actor; now: Date }, opts: { deadline?: Date; rule?: VoteRule } = {}): VoteState {
  const unique = [...new Set(roster.map((m) => m.trim()).filter(Boolean))].sort();
  if (unique.length === 0) throw new ProcessError('invalid', 'cannot open a vote: the roster is empty (expected at least one member)');
  if (opts.deadline && opts.deadline.getTime() <= ctx.now.getTime()) {
    throw new ProcessError('invalid', `vote deadline ${opts.deadline.toISOString()} is not after now (${ctx.now.toISOString()})`);
  }
  return {
    openedAt: ctx.now.toISOString(),
    openedBy: ctx.actor.id,
    ...(opts.deadline ? { deadline: opts.deadline.toISOString() } : {}),
    roster: unique,
    rule: opts.rule ?? MORE_THAN_HALF,
    ballots: {},
    nonBinding: {},
  };
}

/** Records `voter`'s ballot; returns the new vote state and whether the ballot is binding. */
export function castBallot(
  vote: VoteState,
  voter: string,
  choice: Choice,
  now: Date,
): { vote: VoteState; binding: boolean; changedFrom?: Choice } {
  if (!CHOICES.includes(choice)) {
    throw new ProcessError('invalid', `vote choice must be one of ${CHOICES.join(', ')}, found ${JSON.stringify(choice)}`);
  }
  if (vote.closedAt !== undefined) throw new ProcessError('conflict', `the vote closed at ${vote.closedAt}; ballots can no longer change`);
  if (vote.deadline !== undefined && now.getTime() > Date.parse(vote.deadline)) {
    throw new ProcessError('conflict', `the vote's deadline ${vote.deadline} has passed`);
  }
  const binding = vote.roster.includes(voter);
  const ballot = { choice, at: now.toISOString() };
  if (binding) {
    const previous = vote.ballots[voter]?.choice;
    return { vote: { ...vote, ballots: { ...vote.ballots, [voter]: ballot } }, binding, ...(previous ? { changedFrom: previous } : {}) };
  }
  const previous = vote.nonBinding[voter]?.choice;
  return {
    vote: { ...vote, nonBinding: { ...vote.nonBinding, [voter]: ballot } },
    binding,
    ...(previous ? { changedFrom: previous } : {}),
  };
}

/** Approvals needed to pass under `rule` with a roster of `size`. */
export function approvalsNeeded(rule: VoteRule, size: number): number {
  const exact = rule.fraction * size;
  // strict: more than the fraction; the epsilon keeps 0.5 × 8 = 4 from passing through rounding
  return rule.strict ? Math.floor(exact + 1e-9) + 1 : Math.ceil(exact - 1e-9);
}

export function tally(vote: VoteState): VoteResult {
  let approvals = 0;
  let rejections = 0;
  let abstentions = 0;
  // count over the roster, so a ballot is counted at most once and only for members
  for (const member of vote.roster) {
    const c = vote.ballots[member]?.choice;
    if (c === 'approve') approvals++;
    else if (c === 'reject') rejections++;
    else if (c === 'abstain') abstentions++;
  }
  const rosterSize = vote.roster.length;
  const needed = approvalsNeeded(vote.rule, rosterSize);
  return {
    approved: approvals >= needed,
    approvals,
    rejections,
    abstentions,
    notVoted: rosterSize - approvals - rejections - abstentions,
    rosterSize,
    needed,
  };
}

export function closeVote(vote: VoteState, ctx: { actor: Actor; now: Date }): VoteState {
  if (vote.closedAt !== undefined) throw new ProcessError('conflict', `the vote already closed at ${vote.closedAt}`);
  const pastDeadline = vote.deadline !== undefined && ctx.now.getTime() > Date.parse(vote.deadline);
  if (ctx.actor.role !== 'staff' && !pastDeadline) {
    throw new ProcessError('forbidden', `only staff may close a vote before its deadline; ${notAllowed(ctx.actor, ['staff'])}`);
  }
  return { ...vote, closedAt: ctx.now.toISOString(), closedBy: ctx.actor.id, result: tally(vote) };
}
