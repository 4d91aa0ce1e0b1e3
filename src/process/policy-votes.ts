// The votes a policy's process names: how an application is approved (`approvalRule`), and how a
// project that fails its review is archived: automatically once the fix period ends (the PyTorch
// Ecosystem's retirement), or only by a vote of named bodies with their own majority (LF AI & Data:
// "2/3 approval from the TAC and 2/3 approval from the Governing Board").
import type { ProcessRules } from '../policy/types.js';
import type { VoteRule } from './types.js';

/** `{ by: 'fix-period' }`, or `{ by: 'vote', bodies: ['TAC', 'Governing Board'], majority: '2/3' }` (`>1/2` exceeds, `more-than-half`). */
export type ArchiveRule = NonNullable<ProcessRules['archive']>;

/** A policy without an archive rule retires automatically at the deadline, as policies did before the rule existed. */
export function archiveRuleOf(rules: ProcessRules): ArchiveRule {
  return rules.archive ?? { by: 'fix-period' };
}

/** `more-than-half`, `N/D` (reach it) or `>N/D` (exceed it) as a vote rule; undefined when it is none of these. */
export function majorityRule(text: string): VoteRule | undefined {
  const t = text.trim();
  if (t === 'more-than-half') return { fraction: 0.5, strict: true };
  const m = /^(>)?\s*(\d+)\s*\/\s*(\d+)$/.exec(t);
  if (!m) return undefined;
  const [n, d] = [Number(m[2]), Number(m[3])];
  if (d === 0 || n > d || n === 0) return undefined;
  return { fraction: n / d, strict: m[1] === '>' };
}

/** `more-than-half-of-roster` or `<majority>-of-roster` (`2/3-of-roster`): approvals over the roster the vote opened with. */
export function approvalVoteRule(approvalRule: string): VoteRule | undefined {
  const m = /^(.+)-of-roster$/.exec(approvalRule.trim());
  return m ? majorityRule(m[1]!) : undefined;
}
