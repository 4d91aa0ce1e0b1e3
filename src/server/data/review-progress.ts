// The periodic review's progress for the staff desk: the same figures `steward review run` draws on
// a terminal (reviewed / due today, rate, time left, GitHub budget left), read from the store, so
// they cover every worker that shares it. Reviewed today: the review steps recorded today, timed by
// their reports; still due: the ACTIVE projects due and not yet reviewed.
import { dateOf } from '../../process/calendar.js';
import { dueProjects } from '../../process/engine-review.js';
import { budgetLeft } from '../../jobs/rate-budget.js';
import { progressFigures, type ProgressFigures } from '../../util/progress-figures.js';
import type { ServerContext } from '../context.js';

export interface ReviewProgress {
  day: string;
  figures: ProgressFigures;
  /** reviewed today, by outcome */
  outcomes: Record<string, number>;
  /** when the budget's window resets, when known */
  budgetResetAt: string | null;
}

/** Today's review progress, or undefined when nothing was reviewed today and nothing is due. */
export async function reviewProgress(
  ctx: Pick<ServerContext, 'engine' | 'store'>,
  nowMs = ctx.engine.clock.now().getTime(),
): Promise<ReviewProgress | undefined> {
  const day = dateOf(ctx.engine.clock.now());
  const [rows, due, budget] = await Promise.all([
    ctx.store.db
      .selectFrom('reviews')
      .leftJoin('reports', 'reports.id', 'reviews.report_id')
      .select(['reviews.outcome as outcome', 'reports.created_at as at'])
      .where('reviews.reviewed_on', '=', day)
      .execute(),
    dueProjects(ctx.engine),
    budgetLeft(ctx.store),
  ]);
  if (rows.length === 0 && due.length === 0) return undefined;
  const outcomes: Record<string, number> = {};
  for (const r of rows) outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
  const times = rows.map((r) => (r.at ? Date.parse(r.at) : NaN)).filter((t) => Number.isFinite(t));
  // the rate since the first review of the day, up to now while some are due, else to the last one
  const started = times.length > 0 ? Math.min(...times) : nowMs;
  const until = due.length > 0 ? nowMs : times.length > 0 ? Math.max(...times) : nowMs;
  const figures = progressFigures(rows.length, rows.length + due.length, started, until, budget?.remaining);
  return { day, figures, outcomes, budgetResetAt: budget?.resetAt ?? null };
}
