// Waivers: the working group exempts one project or application from one requirement, for a
// reason, until a date or the next periodic review. A report made inside the process shows the
// requirement `exempt` with the waiver's reason while it is in force; an expired or revoked
// waiver is still listed with the report and no longer changes anything.
import type { PolicyRule } from '../policy/types.js';
import { verdictOf, type Report } from '../report/types.js';
import { type CalendarDate, dateOf, isCalendarDate } from './calendar.js';
import { notAllowed, ProcessError } from './errors.js';
import type { Ctx, Waiver } from './types.js';

export interface WaiverInput {
  /** the number the policy gives the requirement, or its key */
  requirement: number | string;
  reason: string;
  decidedBy: string;
  decidedIn: string;
  /** `YYYY-MM-DD` (the last day it applies) or `next-review` */
  until: string;
}

export type WaiverState = 'in force' | 'expired' | 'revoked';

/** Where the subject stands: today, and the due day of a failed review being fixed, if any. */
export interface WaiverContext {
  today: CalendarDate;
  pendingDueOn?: CalendarDate;
}

function requirementOf(r: number | string, rules: readonly PolicyRule[]): { id: number; key: string } {
  const rule = rules.find((m) => (typeof r === 'number' ? m.number === r : m.key === r || String(m.number) === r.trim()));
  if (!rule) {
    const numbers = rules.map((m) => m.number);
    const example = rules[Math.min(5, rules.length - 1)]!;
    throw new ProcessError(
      'invalid',
      `waiver: expected a requirement number ${Math.min(...numbers)}–${Math.max(...numbers)} or its key (e.g. ${example.number} or ${example.key}), found ${JSON.stringify(r)}`,
    );
  }
  return { id: rule.number, key: rule.key };
}

/** A new waiver; `reviewDueOn` is the subject's next periodic review (absent for an application). */
export function newWaiver(
  id: string,
  input: WaiverInput,
  ctx: Ctx,
  reviewDueOn: CalendarDate | undefined,
  rules: readonly PolicyRule[],
): Waiver {
  if (ctx.actor.role !== 'staff')
    throw new ProcessError('forbidden', `record a waiver: needs role staff; ${notAllowed(ctx.actor, ['staff'])}`);
  const req = requirementOf(input.requirement, rules);
  for (const [name, v] of [
    ['reason', input.reason],
    ['who decided (--decided-by)', input.decidedBy],
    ['the session or vote it was decided in (--in)', input.decidedIn],
  ] as const) {
    if (!v.trim()) throw new ProcessError('invalid', `record a waiver: ${name} is required`);
  }
  const today = dateOf(ctx.now);
  const base = {
    id,
    requirement: req.id,
    key: req.key,
    reason: input.reason.trim(),
    decidedBy: input.decidedBy.trim(),
    decidedIn: input.decidedIn.trim(),
    recordedAt: ctx.now.toISOString(),
    recordedBy: ctx.actor.id,
  };
  if (input.until === 'next-review') return { ...base, untilNextReview: true, ...(reviewDueOn ? { untilReviewDueOn: reviewDueOn } : {}) };
  if (!isCalendarDate(input.until))
    throw new ProcessError('invalid', `record a waiver: expected --until YYYY-MM-DD or next-review, found ${JSON.stringify(input.until)}`);
  if (input.until < today)
    throw new ProcessError(
      'invalid',
      `record a waiver: --until ${input.until} is before today (${today}); a waiver cannot end before it is recorded`,
    );
  return { ...base, until: input.until, untilNextReview: false };
}

export function waiverState(w: Waiver, at: WaiverContext): WaiverState {
  if (w.revoked) return 'revoked';
  if (w.until !== undefined && at.today > w.until) return 'expired';
  if (w.untilReviewDueOn !== undefined && at.today >= w.untilReviewDueOn && at.pendingDueOn !== w.untilReviewDueOn) return 'expired';
  return 'in force';
}

export function untilText(w: Waiver): string {
  if (w.until) return `until ${w.until}`;
  return w.untilReviewDueOn ? `until the periodic review due ${w.untilReviewDueOn}` : 'until the first periodic review';
}

/** The waivers a new project starts with: an application's "until the next review" ones end at its first review. */
export function carryOver(waivers: Waiver[] | undefined, reviewDueOn: CalendarDate): Waiver[] {
  return (waivers ?? []).map((w) => (w.untilNextReview && !w.untilReviewDueOn ? { ...w, untilReviewDueOn: reviewDueOn } : w));
}

export interface ReportWaiver {
  id: string;
  requirement: number;
  state: WaiverState;
  reason: string;
  decidedBy: string;
  decidedIn: string;
  until: string;
}

/**
 * The report as the process judges it: each requirement under a waiver in force is `exempt`, its
 * summary giving the reason, and the verdict follows. Every waiver on the subject is listed.
 */
export function applyWaivers(report: Report, waivers: Waiver[] | undefined, at: WaiverContext): Report & { waivers?: ReportWaiver[] } {
  if (!waivers || waivers.length === 0) return report;
  const listed: ReportWaiver[] = waivers.map((w) => ({
    id: w.id,
    requirement: w.requirement,
    state: waiverState(w, at),
    reason: w.reason,
    decidedBy: w.decidedBy,
    decidedIn: w.decidedIn,
    until: untilText(w),
  }));
  // by key: the number is the policy's, and a later policy version may number the rule otherwise
  const keyOf = new Map(waivers.map((w) => [w.id, w.key]));
  const inForce = new Map(listed.filter((w) => w.state === 'in force').map((w) => [keyOf.get(w.id), w]));
  const requirements = report.requirements.map((r) => {
    const w = inForce.get(r.key);
    if (!w) return r;
    return {
      ...r,
      status: 'exempt' as const,
      summary: `exempt: ${w.reason} (waiver ${w.id}, decided by ${w.decidedBy} in ${w.decidedIn}, ${w.until}); measured: ${r.summary}`,
      measured: { ...r.measured, waivedStatus: r.status },
    };
  });
  return { ...report, requirements, verdict: verdictOf(requirements), waivers: listed };
}
