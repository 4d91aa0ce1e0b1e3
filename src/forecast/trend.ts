// The arithmetic of the early warning, pure: a weekly series of an activity count over the
// requirement's window, a least-squares line through it, and the first day the line, started at
// today's measured value, falls below what the policy needs.

export const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

export interface Commit {
  /** committer time, ms */
  t: number;
  /** the person (after .mailmap; a no-reply login or a folded name) */
  who: string;
}

export interface SeriesPoint {
  /** the end of the window, ms */
  t: number;
  commits: number;
  contributors: number;
}

/**
 * Window counts at weekly steps ending at asOf, over `weeks` weeks; a point whose window starts
 * before the first commit is left out (the project did not exist for the whole window).
 * One pass: both ends of the window only move forward, so each commit enters and leaves the
 * running counts once (a year of a large project is tens of thousands of commits, 52 windows).
 */
export function weeklySeries(commits: readonly Commit[], asOf: number, windowDays: number, weeks = 52): SeriesPoint[] {
  const sorted = [...commits].sort((a, b) => a.t - b.t);
  const first = sorted[0]?.t;
  const out: SeriesPoint[] = [];
  if (first === undefined) return out;
  const windowMs = windowDays * DAY_MS;
  /** commits per person in the window (lo, hi]: indexes [lo, hi) of `sorted` */
  const inWindow = new Map<string, number>();
  let lo = 0;
  let hi = 0;
  for (let k = weeks - 1; k >= 0; k--) {
    const end = asOf - k * WEEK_MS;
    const start = end - windowMs;
    for (; hi < sorted.length && sorted[hi]!.t <= end; hi++) {
      const who = sorted[hi]!.who;
      inWindow.set(who, (inWindow.get(who) ?? 0) + 1);
    }
    for (; lo < hi && sorted[lo]!.t <= start; lo++) {
      const who = sorted[lo]!.who;
      const n = inWindow.get(who)! - 1;
      if (n === 0) inWindow.delete(who);
      else inWindow.set(who, n);
    }
    if (start < first) continue;
    out.push({ t: end, commits: hi - lo, contributors: inWindow.size });
  }
  return out;
}

export interface Line {
  /** change per day */
  slope: number;
  intercept: number;
}

/** Ordinary least squares of y on t (days). */
export function fitLine(points: { t: number; y: number }[]): Line | undefined {
  if (points.length < 2) return undefined;
  const xs = points.map((p) => p.t / DAY_MS);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = points.reduce((a, p) => a + p.y, 0) / points.length;
  let sxy = 0;
  let sxx = 0;
  points.forEach((p, i) => {
    sxy += (xs[i]! - mx) * (p.y - my);
    sxx += (xs[i]! - mx) ** 2;
  });
  if (sxx === 0) return undefined;
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx };
}

/**
 * The first whole day after asOf on which `now + slope × days` is below `need`, if that is within
 * `horizonDays`; undefined when the line does not fall or reaches the need later.
 */
export function crossingDay(now: number, slope: number, need: number, horizonDays: number): number | undefined {
  if (now < need || slope >= 0) return undefined;
  const d = Math.floor((now - need) / -slope) + 1;
  return d <= horizonDays ? d : undefined;
}

/** Median of the gaps between consecutive dates, in days. */
export function medianGapDays(dates: readonly number[]): number | undefined {
  const s = [...dates].sort((a, b) => a - b);
  const gaps: number[] = [];
  for (let i = 1; i < s.length; i++) gaps.push((s[i]! - s[i - 1]!) / DAY_MS);
  if (gaps.length === 0) return undefined;
  gaps.sort((a, b) => a - b);
  const m = Math.floor(gaps.length / 2);
  return gaps.length % 2 ? gaps[m]! : (gaps[m - 1]! + gaps[m]!) / 2;
}
