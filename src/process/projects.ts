// Ecosystem projects after acceptance: the periodic review (every `reviewEveryMonths` calendar
// months from acceptance or the last review; on failure a notice with a deadline `fixWithinDays`
// later; at the deadline fixed → ACTIVE, still failing → RETIRED, or, under a policy that archives
// only by a vote, listed as awaiting that vote) and retirement.
import type { ProcessRules } from '../policy/types.js';
import { archiveRuleOf, type ArchiveRule } from './policy-votes.js';
import type { Report } from '../report/types.js';
import { addDays, type CalendarDate, dateOf, fixDeadline, reviewDueOn } from './calendar.js';
import { notAllowed, ProcessError } from './errors.js';
import type { Ctx, Notice, Outcome, Project, ReviewFailure } from './types.js';

/** Days before the deadline when a still-failing project gets its one reminder. */
export const REMINDER_DAYS_BEFORE = 7;

export function newProject(
  p: {
    id: string;
    name: string;
    repoUrl: string;
    contacts: string[];
    acceptedOn: CalendarDate | null;
    applicationId?: string;
    origin: Project['origin'];
    retired?: boolean;
  },
  rules: ProcessRules,
  today: CalendarDate,
): Project {
  // an unknown acceptance date starts the clock at the day the record was made
  const from = p.acceptedOn ?? today;
  return {
    id: p.id,
    name: p.name,
    repoUrl: p.repoUrl,
    contacts: p.contacts,
    status: p.retired ? 'RETIRED' : 'ACTIVE',
    acceptedOn: p.acceptedOn,
    lastReviewOn: null,
    reviewDueOn: reviewDueOn(from, rules.reviewEveryMonths),
    // archived before Steward knew it: the day it retired is unknown, not the day of the import
    ...(p.retired ? { retiredBeforeImport: true, retiredReason: 'archived in the landscape' } : {}),
    ...(p.applicationId ? { applicationId: p.applicationId } : {}),
    origin: p.origin,
  };
}

/** Whether a periodic review has something to do for this project today. */
export function isReviewDue(p: Project, today: CalendarDate): boolean {
  if (p.status !== 'ACTIVE') return false;
  return p.pending ? today > p.pending.checkedOn : today >= p.reviewDueOn;
}

/**
 * What a review run on `on` would have to do, for planning ahead: projects whose review falls
 * due by then, and failing ones whose fix deadline falls by then (retired if still failing, or
 * listed for an archiving vote under a policy that archives by vote). A project already awaiting
 * that vote has nothing planned: the vote is the TAC's, not the run's.
 */
export function plannedReviews(projects: Project[], on: CalendarDate): { project: Project; reason: 'due' | 'deadline' }[] {
  const out: { project: Project; reason: 'due' | 'deadline' }[] = [];
  for (const p of projects) {
    if (p.status !== 'ACTIVE') continue;
    if (p.pending) {
      if (on >= p.pending.deadlineOn && !p.pending.archiveVote) out.push({ project: p, reason: 'deadline' });
    } else if (on >= p.reviewDueOn) out.push({ project: p, reason: 'due' });
  }
  return out.sort((a, b) => a.project.id.localeCompare(b.project.id));
}

export function failuresOf(report: Pick<Report, 'requirements'>): ReviewFailure[] {
  return report.requirements.filter((r) => r.status === 'fail').map((r) => ({ id: r.id, key: r.key, summary: r.summary }));
}

/** The identity of one review step, so a restarted run never does the same step twice. */
export function reviewStepKey(p: Project, today: CalendarDate): string {
  return p.pending ? `${p.pending.dueOn}/recheck/${today}` : `${p.reviewDueOn}/review`;
}

function o(state: Project, action: string, data: Record<string, unknown>, notices: Notice[] = []): Outcome<Project> {
  return { state, notices, audit: [{ action, subject: `project:${state.id}`, data }] };
}

/**
 * Applies a fresh report to a due project. Returns null when nothing is due (not reviewed).
 * Passing clears any pending failure and restarts the 6-month clock from today; failing starts
 * the deadline, or at/after the deadline retires the project.
 */
export function applyReview(
  p: Project,
  report: Pick<Report, 'requirements' | 'verdict'>,
  ctx: Ctx,
  rules: ProcessRules,
): Outcome<Project> | null {
  if (ctx.actor.role !== 'staff')
    throw new ProcessError('forbidden', `periodic review: needs role staff; ${notAllowed(ctx.actor, ['staff'])}`);
  const today = dateOf(ctx.now);
  if (!isReviewDue(p, today)) return null;
  const failures = failuresOf(report);
  const base = { projectName: p.name, projectId: p.id };
  if (failures.length === 0) {
    const { pending: _was, ...rest } = p;
    const state: Project = { ...rest, lastReviewOn: today, reviewDueOn: reviewDueOn(today, rules.reviewEveryMonths) };
    return o(
      state,
      'review.passed',
      {
        dueOn: p.pending?.dueOn ?? p.reviewDueOn,
        afterFailure: p.pending !== undefined,
        nextDueOn: state.reviewDueOn,
        verdict: report.verdict,
      },
      p.pending ? [{ kind: 'review-passed', to: p.contacts, data: { ...base, nextDueOn: state.reviewDueOn } }] : [],
    );
  }
  if (!p.pending) {
    const deadlineOn = fixDeadline(today, rules.fixWithinDays);
    const pending = { dueOn: p.reviewDueOn, noticeOn: today, deadlineOn, failures, reminded: false, checkedOn: today };
    return o({ ...p, pending }, 'review.failed', { dueOn: p.reviewDueOn, failures, deadlineOn }, [
      { kind: 'review-failure', to: p.contacts, data: { ...base, failures, deadlineOn, noticeOn: today } },
    ]);
  }
  const archive = archiveRuleOf(rules);
  if (today >= p.pending.deadlineOn && archive.by === 'vote') return awaitArchiveVote(p, failures, today, archive);
  if (today >= p.pending.deadlineOn) {
    const { pending: _was, ...rest } = p;
    const reason = `periodic review due ${p.pending.dueOn} still failing at the deadline ${p.pending.deadlineOn}: ${failures.map((f) => f.key).join(', ')}`;
    const state: Project = { ...rest, status: 'RETIRED', retiredOn: today, retiredReason: reason };
    return o(state, 'project.retired', { reason, failures, deadlineOn: p.pending.deadlineOn }, [
      { kind: 'retirement', to: p.contacts, data: { ...base, reason, failures } },
      { kind: 'offboarding', to: p.contacts, data: { ...base } },
    ]);
  }
  const remind = !p.pending.reminded && today >= addDays(p.pending.deadlineOn, -REMINDER_DAYS_BEFORE);
  const state: Project = { ...p, pending: { ...p.pending, failures, reminded: p.pending.reminded || remind, checkedOn: today } };
  return o(
    state,
    'review.still-failing',
    { failures, deadlineOn: p.pending.deadlineOn, reminded: remind },
    remind ? [{ kind: 'review-reminder', to: p.contacts, data: { ...base, failures, deadlineOn: p.pending.deadlineOn } }] : [],
  );
}

/**
 * Still failing at the deadline under a policy that archives only by a vote: the project is
 * listed for that vote once (an audit entry says who must vote and by what majority), and stays
 * ACTIVE; later checks keep its failures current, and a pass clears the listing.
 */
function awaitArchiveVote(
  p: Project,
  failures: ReviewFailure[],
  today: CalendarDate,
  archive: Extract<ArchiveRule, { by: 'vote' }>,
): Outcome<Project> {
  const pending = p.pending!;
  if (pending.archiveVote) {
    return o({ ...p, pending: { ...pending, failures, checkedOn: today } }, 'review.still-failing', {
      failures,
      deadlineOn: pending.deadlineOn,
      awaitingArchiveVote: pending.archiveVote.listedOn,
    });
  }
  const archiveVote = { listedOn: today, bodies: archive.bodies, majority: archive.majority };
  return o({ ...p, pending: { ...pending, failures, checkedOn: today, archiveVote } }, 'project.archive-vote-awaited', {
    failures,
    deadlineOn: pending.deadlineOn,
    bodies: archive.bodies,
    majority: archive.majority,
    reason: `periodic review due ${pending.dueOn} still failing at the deadline ${pending.deadlineOn}: ${failures.map((f) => f.key).join(', ')}`,
  });
}

/** Staff retire a project by hand (e.g. at its owners' request). */
export function retire(p: Project, reason: string, ctx: Ctx): Outcome<Project> {
  if (ctx.actor.role !== 'staff') throw new ProcessError('forbidden', `retire: needs role staff; ${notAllowed(ctx.actor, ['staff'])}`);
  if (p.status !== 'ACTIVE') throw new ProcessError('conflict', `retire: project ${p.id} is already ${p.status}`);
  if (!reason.trim()) throw new ProcessError('invalid', 'retire: a reason is required');
  const { pending: _was, ...rest } = p;
  const today = dateOf(ctx.now);
  const state: Project = { ...rest, status: 'RETIRED', retiredOn: today, retiredReason: reason.trim() };
  const base = { projectName: p.name, projectId: p.id };
  return o(state, 'project.retired', { reason: reason.trim(), by: ctx.actor.id }, [
    { kind: 'retirement', to: p.contacts, data: { ...base, reason: reason.trim() } },
    { kind: 'offboarding', to: p.contacts, data: { ...base } },
  ]);
}

/** Staff record who hears about a project (imported projects start with none). */
export function setContacts(p: Project, contacts: string[], ctx: Ctx): Outcome<Project> {
  if (ctx.actor.role !== 'staff')
    throw new ProcessError('forbidden', `project contacts: needs role staff; ${notAllowed(ctx.actor, ['staff'])}`);
  const list = [...new Set(contacts.map((c) => c.trim()).filter((c) => c !== ''))];
  const bad = list.filter((c) => !/^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/.test(c));
  if (bad.length > 0)
    throw new ProcessError('invalid', `project contacts: expected e-mail addresses, found ${bad.map((b) => JSON.stringify(b)).join(', ')}`);
  return o({ ...p, contacts: list }, 'project.contacts-set', { from: p.contacts, to: list });
}

export function projectInvariants(p: Project): string[] {
  const bad: string[] = [];
  if (p.status === 'RETIRED' && p.pending) bad.push('RETIRED with a pending review');
  if (p.status === 'RETIRED' && !p.retiredOn && !p.retiredBeforeImport) bad.push('RETIRED without a date');
  if (p.pending && p.pending.deadlineOn <= p.pending.noticeOn) bad.push('deadline not after the notice');
  if (p.pending && (p.pending.checkedOn < p.pending.noticeOn || (p.pending.checkedOn >= p.pending.deadlineOn && !p.pending.archiveVote)))
    bad.push('pending review checked outside its notice period');
  if (p.lastReviewOn && p.reviewDueOn <= p.lastReviewOn) bad.push('next review not after the last');
  return bad;
}
