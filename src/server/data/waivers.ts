// Waivers as the pages show them: the subject's waivers with whether each is in force today, and
// a stored report judged under the waivers as they stand now (one recorded or revoked after the
// report was made shows at once, as `steward waiver` and the next process report would have it).
import { dateOf } from '../../process/calendar.js';
import type { ListedWaiver } from '../../process/engine-waivers.js';
import type { Project, Waiver } from '../../process/types.js';
import { applyWaivers, untilText, waiverState, type WaiverContext } from '../../process/waivers.js';
import { verdictOf, type Report } from '../../report/types.js';
import type { ServerContext } from '../context.js';

export type { ListedWaiver };

/** The subject's waivers as `steward waiver list` shows them, from the record in hand (no second read). */
export function listedWaivers(subject: string, waivers: Waiver[] | undefined, at: WaiverContext): ListedWaiver[] {
  return (waivers ?? []).map((w) => ({ subject, waiver: w, state: waiverState(w, at), until: untilText(w) }));
}

/** Where a project stands for its waivers today (a failed review being fixed keeps "until the next review" ones). */
export function waiverDay(ctx: ServerContext, p?: Pick<Project, 'pending'>): WaiverContext {
  return { today: dateOf(ctx.engine.clock.now()), ...(p?.pending ? { pendingDueOn: p.pending.dueOn } : {}) };
}

const MEASURED = '; measured: ';

/** The report as made, before any waiver: rows a waiver had exempted get back their measured status. */
function unwaived(report: Report): Report {
  let changed = false;
  const requirements = report.requirements.map((r) => {
    const was = (r.measured as { waivedStatus?: Report['requirements'][number]['status'] } | undefined)?.waivedStatus;
    if (r.status !== 'exempt' || !was) return r;
    changed = true;
    const { waivedStatus: _w, ...measured } = r.measured as Record<string, unknown>;
    const at = r.summary.indexOf(MEASURED);
    return { ...r, status: was, summary: at >= 0 ? r.summary.slice(at + MEASURED.length) : r.summary, measured };
  });
  if (!changed) return report;
  const { waivers: _old, ...rest } = report as Report & { waivers?: unknown };
  return { ...rest, requirements, verdict: verdictOf(requirements) };
}

/** The stored report under the subject's waivers as they stand on `at`. */
export function judgedReport(report: Report, waivers: Waiver[] | undefined, at: WaiverContext): Report {
  return applyWaivers(unwaived(report), waivers, at);
}
