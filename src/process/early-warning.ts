// The early warning before a periodic review: a project that is not yet due, whose check forecasts
// a requirement failing before its next review, is at risk; its owners are told once per review
// (a second look that finds it still at risk updates the record, and sends nothing).
import type { Report } from '../report/types.js';
import { dateOf } from './calendar.js';
import { isReviewDue } from './projects.js';
import type { AtRisk, Notice, Outcome, Project } from './types.js';

/** Requirements that pass and are forecast to fail before `reviewDueOn`. */
export function atRisk(report: Report, reviewDueOn: string, today: string): AtRisk[] {
  return report.requirements
    .filter((r) => r.status === 'pass' && r.forecast && r.forecast.fails < reviewDueOn && r.forecast.fails > today)
    .map((r) => ({ id: r.id, key: r.key, fails: r.forecast!.fails, text: r.forecast!.text }));
}

/**
 * The new record after an early-warning look, or null when the project is not one to look at (not
 * ACTIVE, failing a review already, or due: the review itself then decides). `notify` false records
 * the risk without a notice (the notice is configurable).
 */
export function applyEarlyWarning(
  p: Project,
  report: Report,
  ctx: { now: Date; actorId: string },
  opts: { notify: boolean },
): Outcome<Project> | null {
  const today = dateOf(ctx.now);
  if (p.status !== 'ACTIVE' || p.pending || isReviewDue(p, today)) return null;
  const risks = atRisk(report, p.reviewDueOn, today);
  const before = p.earlyWarning?.reviewDueOn === p.reviewDueOn ? p.earlyWarning : undefined;
  const notify = opts.notify && risks.length > 0 && !before?.noticeOn && p.contacts.length > 0;
  const noticeOn = notify ? today : before?.noticeOn;
  const state: Project = {
    ...p,
    earlyWarning: { reviewDueOn: p.reviewDueOn, checkedOn: today, atRisk: risks, ...(noticeOn ? { noticeOn } : {}) },
  };
  const notices: Notice[] = notify
    ? [
        {
          kind: 'review-early-warning',
          to: p.contacts,
          data: {
            projectName: p.name,
            projectId: p.id,
            reviewDueOn: p.reviewDueOn,
            failures: risks.map((r) => ({ id: r.id, key: r.key, summary: r.text })),
          },
        },
      ]
    : [];
  return {
    state,
    notices,
    audit: [
      {
        action: 'review.early-warning',
        subject: `project:${p.id}`,
        data: { reviewDueOn: p.reviewDueOn, atRisk: risks.map((r) => ({ id: r.id, fails: r.fails })), notified: notify },
      },
    ],
  };
}
