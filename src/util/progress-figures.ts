// The figures of a long run's progress (done of total, rate, time left, budget left): what the
// CLI's progress line and the web app's review dashboard both show.

export interface ProgressFigures {
  done: number;
  total: number;
  /** items per second since the start */
  ratePerS: number;
  /** seconds left at that rate, or null before the first item */
  etaS: number | null;
  elapsedS: number;
  /** GitHub requests left in the shared budget, when known */
  budgetLeft?: number;
}

/** The figures of a run: done of total, its rate since `startedMs` and the time left at that rate. */
export function progressFigures(done: number, total: number, startedMs: number, nowMs: number, budgetLeft?: number): ProgressFigures {
  const elapsedS = Math.max(0, (nowMs - startedMs) / 1000);
  const ratePerS = elapsedS > 0 ? done / elapsedS : 0;
  const etaS = Number.isNaN(total) ? null : done > 0 && ratePerS > 0 ? Math.max(0, (total - done) / ratePerS) : done >= total ? 0 : null;
  return { done, total, ratePerS, etaS, elapsedS, ...(budgetLeft !== undefined ? { budgetLeft } : {}) };
}

/** 75 s → "1m 15s", 3 725 s → "1h 02m"; under a minute "42s". */
export function formatDuration(s: number): string {
  const t = Math.round(s);
  if (t < 60) return `${t}s`;
  if (t < 3600) return `${Math.floor(t / 60)}m ${String(t % 60).padStart(2, '0')}s`;
  return `${Math.floor(t / 3600)}h ${String(Math.floor((t % 3600) / 60)).padStart(2, '0')}m`;
}
