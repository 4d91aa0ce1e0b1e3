// Policy amendments: a proposal carrying a new policy file, voted by the TAC's own roster under
// its own (configurable) rule; adopted, it becomes a new policy version from its effective date.
import { parsePolicy } from '../policy/load.js';
import { dateOf, isCalendarDate } from './calendar.js';
import { notAllowed, ProcessError } from './errors.js';
import type { Amendment, Choice, Ctx, Outcome, VoteRule } from './types.js';
import * as voting from './voting.js';

function o(state: Amendment, action: string, data: Record<string, unknown>): Outcome<Amendment> {
  return { state, notices: [], audit: [{ action, subject: `amendment:${state.id}`, data }] };
}

export function propose(
  id: string,
  input: { summary: string; policyText: string; effectiveOn: string },
  ctx: Ctx,
  knownVersions: { id: string; version: string }[],
): Outcome<Amendment> {
  if (ctx.actor.role !== 'staff' && ctx.actor.role !== 'member') {
    throw new ProcessError('forbidden', `propose an amendment: needs role staff or member; ${notAllowed(ctx.actor, ['staff', 'member'])}`);
  }
  if (!input.summary.trim()) throw new ProcessError('invalid', 'propose an amendment: the summary is empty');
  if (!isCalendarDate(input.effectiveOn))
    throw new ProcessError(
      'invalid',
      `propose an amendment: expected the effective date as YYYY-MM-DD, found ${JSON.stringify(input.effectiveOn)}`,
    );
  // reports already made under the old version stay right: a rule cannot start in the past
  const today = dateOf(ctx.now);
  if (input.effectiveOn < today)
    throw new ProcessError(
      'invalid',
      `propose an amendment: the effective date ${input.effectiveOn} is before today (${today}); expected today or later`,
    );
  let policy;
  try {
    policy = parsePolicy(input.policyText, `amendment ${id} policy`);
  } catch (err) {
    throw new ProcessError('invalid', `propose an amendment: the policy does not validate: ${(err as Error).message}`);
  }
  if (knownVersions.some((v) => v.id === policy.id && v.version === policy.version)) {
    throw new ProcessError(
      'conflict',
      `propose an amendment: policy ${policy.id} version ${policy.version} already exists; give the amendment a new version`,
    );
  }
  const state: Amendment = {
    id,
    summary: input.summary.trim(),
    policyText: input.policyText,
    policyId: policy.id,
    policyVersion: policy.version,
    effectiveOn: input.effectiveOn,
    proposedBy: ctx.actor.id,
    proposedAt: ctx.now.toISOString(),
    status: 'PROPOSED',
  };
  return o(state, 'amendment.proposed', {
    summary: state.summary,
    policy: `${policy.id}@${policy.version}`,
    effectiveOn: state.effectiveOn,
  });
}

export function openVote(a: Amendment, tacRoster: string[], rule: VoteRule, ctx: Ctx, deadline?: Date): Outcome<Amendment> {
  if (ctx.actor.role !== 'staff')
    throw new ProcessError('forbidden', `open an amendment vote: needs role staff; ${notAllowed(ctx.actor, ['staff'])}`);
  if (a.status !== 'PROPOSED')
    throw new ProcessError('conflict', `open an amendment vote: amendment ${a.id} is ${a.status}, expected PROPOSED`);
  const vote = voting.openVote(tacRoster, ctx, { rule, ...(deadline ? { deadline } : {}) });
  return o({ ...a, status: 'VOTING', vote }, 'amendment.vote-opened', { roster: vote.roster, rule });
}

export function castVote(a: Amendment, choice: Choice, ctx: Ctx): Outcome<Amendment> {
  if (ctx.actor.role === 'public') throw new ProcessError('forbidden', `cast a vote: ${ctx.actor.id} is not signed in`);
  if (a.status !== 'VOTING' || !a.vote) throw new ProcessError('conflict', `cast a vote: amendment ${a.id} is ${a.status}, not VOTING`);
  const r = voting.castBallot(a.vote, ctx.actor.id, choice, ctx.now);
  return o({ ...a, vote: r.vote }, r.binding ? 'vote.cast' : 'vote.cast-non-binding', {
    voter: ctx.actor.id,
    choice,
    binding: r.binding,
    changedFrom: r.changedFrom ?? null,
  });
}

/** Closes the vote; the result decides the amendment (no separate decision). */
export function closeVote(a: Amendment, ctx: Ctx, rule?: VoteRule): Outcome<Amendment> {
  if (a.status !== 'VOTING' || !a.vote) throw new ProcessError('conflict', `close a vote: amendment ${a.id} is ${a.status}, not VOTING`);
  if (rule && (rule.fraction !== a.vote.rule.fraction || rule.strict !== a.vote.rule.strict)) {
    throw new ProcessError(
      'conflict',
      `close a vote: amendment ${a.id}'s vote opened under ${ruleText(a.vote.rule)}; a different rule (${ruleText(rule)}) cannot decide it at close`,
    );
  }
  const vote = voting.closeVote(a.vote, ctx);
  const status = vote.result!.approved ? 'ADOPTED' : 'REJECTED';
  return o({ ...a, status, vote }, status === 'ADOPTED' ? 'amendment.adopted' : 'amendment.rejected', {
    result: vote.result,
    roster: vote.roster,
    ballots: vote.ballots,
    policy: `${a.policyId}@${a.policyVersion}`,
    effectiveOn: a.effectiveOn,
  });
}

/** A vote rule as people say it: more than half, at least 2/3, more than 2/3. */
export function ruleText(rule: VoteRule): string {
  if (rule.strict && Math.abs(rule.fraction - 0.5) < 1e-9) return 'more than half';
  const frac = [2, 3, 4, 5, 10].map((d) => [Math.round(rule.fraction * d), d]).find(([n, d]) => Math.abs(n! / d! - rule.fraction) < 1e-9);
  const f = frac ? `${frac[0]}/${frac[1]}` : String(rule.fraction);
  return `${rule.strict ? 'more than' : 'at least'} ${f}`;
}
