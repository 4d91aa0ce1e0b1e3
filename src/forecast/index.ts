// The early warning: for each activity requirement that passes today, whether it fails before the
// horizon (the next periodic review or six months, whichever is later) at the current pace.
// Commits (13) and contributors (12): a least-squares line through the weekly series of window
// counts over the last 12 months, started at today's count. Releases (10): the repository's usual
// gap between tags against the policy's months. Torch support (1, and 10 which includes it): the
// next torch feature release on torch's usual cadence, judged as requirement 1 judges.
import type { Evidence } from '../evidence/types.js';
import type { Policy } from '../policy/types.js';
import type { Report } from '../report/types.js';
import type { Forecast } from '../requirements/types.js';
import { judgeTorchSupport } from '../requirements/judge-torch-support.js';
import { numberOption, ruleEntry } from '../policy/rules.js';
import { crossingDay, DAY_MS, fitLine, medianGapDays, weeklySeries, type Commit, type SeriesPoint } from './trend.js';
import type { TagDate } from './series.js';

export const FORECAST_WEEKS = 52;
/** The horizon when no review date is known or the review is sooner: six months. */
export const MIN_HORIZON_MONTHS = 6;
/** Fewer weekly points than this (a project younger than a window and three months) is no trend. */
const MIN_POINTS = 13;

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addMonths(at: Date, months: number): Date {
  const d = new Date(at.getTime());
  const target = d.getUTCMonth() + months;
  const y = d.getUTCFullYear() + Math.floor(target / 12);
  const m = ((target % 12) + 12) % 12;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), last), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()));
}

export function horizonFor(asOf: Date, nextReview?: Date): Date {
  const six = addMonths(asOf, MIN_HORIZON_MONTHS);
  return nextReview && nextReview.getTime() > six.getTime() ? nextReview : six;
}

export interface ForecastInputs {
  evidence: Evidence;
  policy: Policy;
  commits: Commit[];
  tags: TagDate[];
  horizon: Date;
}

function trend(
  id: number,
  need: number,
  measure: 'commits' | 'contributors',
  inputs: ForecastInputs,
  series: SeriesPoint[],
): Forecast | undefined {
  const { policy, horizon } = inputs;
  const asOf = new Date(inputs.evidence.asOf).getTime();
  const windowDays = policy.shared.windowDays;
  if (series.length < MIN_POINTS) return undefined;
  const now = series[series.length - 1]![measure];
  const line = fitLine(series.map((p) => ({ t: p.t, y: p[measure] })));
  if (!line) return undefined;
  const horizonDays = Math.floor((horizon.getTime() - asOf) / DAY_MS);
  const d = crossingDay(now, line.slope, need, horizonDays);
  if (d === undefined) return undefined;
  const fails = asOf + d * DAY_MS;
  const then = Math.max(0, Math.floor(now + line.slope * d));
  const label = `${measure} per ${windowDays} days`;
  return {
    fails: day(fails),
    measure: label,
    now,
    then,
    horizon: day(horizon.getTime()),
    method: `least-squares trend over the weekly series of ${label} in the last 12 months (${series.length} weeks, ${line.slope >= 0 ? '+' : ''}${(line.slope * 7).toFixed(2)} a week), projected from today's ${now}; fails when below ${need}`,
    text: `at the current pace, requirement ${id} fails around ${day(fails)} (${label}: ${now} → ${then})`,
  };
}

function releases(id: number, months: number, inputs: ForecastInputs): Forecast | undefined {
  const { horizon, tags } = inputs;
  const asOf = new Date(inputs.evidence.asOf);
  const latest = tags[tags.length - 1];
  if (!latest) return undefined;
  const yearAgo = asOf.getTime() - 365 * DAY_MS;
  const recent = tags.filter((t) => Date.parse(t.date) > yearAgo);
  const basis = (recent.length >= 3 ? recent : tags).map((t) => Date.parse(t.date));
  const gap = medianGapDays(basis);
  if (gap === undefined) return undefined;
  const last = Date.parse(latest.date);
  const deadline = addMonths(new Date(last), months).getTime();
  const expected = last + gap * DAY_MS;
  if (deadline <= asOf.getTime() || expected <= deadline || deadline > horizon.getTime()) return undefined;
  return {
    fails: day(deadline),
    measure: 'days between releases',
    now: Math.round(gap),
    horizon: day(horizon.getTime()),
    method: `the median gap between the repository's tags (${basis.length} tags${recent.length >= 3 ? ' in the last 12 months' : ''}: ${Math.round(gap)} days) from the latest, ${latest.name} on ${day(last)}; fails ${months} months after it without a release`,
    text: `at the current pace, requirement ${id} fails around ${day(deadline)} (a release every ${Math.round(gap)} days; the next, due about ${day(expected)}, comes after the ${months} months since ${latest.name})`,
  };
}

/** The next torch feature version after `v` (2.11.0 → 2.12.0). */
function nextVersion(v: string): string | undefined {
  const m = /^(\d+)\.(\d+)/.exec(v);
  return m ? `${m[1]}.${Number(m[2]) + 1}.0` : undefined;
}

function torch(id: number, inputs: ForecastInputs): Forecast | undefined {
  const { evidence, policy, horizon } = inputs;
  const asOf = new Date(evidence.asOf);
  const n = policy.shared.supportedTorchReleases;
  const known = evidence.torchReleases;
  const latest = known[0];
  if (!latest || evidence.python.torch.length === 0) return undefined;
  const today = judgeTorchSupport(evidence.python.torch, known, asOf, n);
  if (today.outcome !== 'admits-all') return undefined;
  const recent = known.slice(0, 7).map((r) => Date.parse(r.date));
  const gap = medianGapDays(recent);
  const version = nextVersion(latest.version);
  if (gap === undefined || !version) return undefined;
  // a release already overdue is expected any day now
  const expected = Math.max(Date.parse(latest.date) + gap * DAY_MS, asOf.getTime() + DAY_MS);
  if (expected > horizon.getTime()) return undefined;
  const when = new Date(expected);
  const then = judgeTorchSupport(evidence.python.torch, [{ version, date: day(expected) }, ...known], when, n);
  if (then.outcome === 'admits-all' || then.outcome === 'indeterminate') return undefined;
  return {
    fails: day(expected),
    measure: 'torch releases supported',
    horizon: day(horizon.getTime()),
    method: `torch feature releases come out every ${Math.round(gap)} days (median of the last ${recent.length - 1} gaps); torch ${version} is expected about ${day(expected)}, and the declared torch requirement, judged as requirement ${id} judges it, does not admit it`,
    text: `at the current pace, requirement ${id} fails around ${day(expected)} (torch ${version}, expected then, is outside the declared torch requirement)`,
  };
}

/** Each passing activity requirement's forecast, by rule key (none when it holds to the horizon, or the policy does not apply it). */
export function forecasts(inputs: ForecastInputs): Map<string, Forecast> {
  const { policy } = inputs;
  const out = new Map<string, Forecast>();
  const put = (key: string, f: Forecast | undefined) => {
    if (f && (!out.has(key) || out.get(key)!.fails > f.fails)) out.set(key, f);
  };
  const number = (key: string) => ruleEntry(policy, key)?.number;
  // one series serves both trends (commits and contributors are two counts of the same windows)
  const series = weeklySeries(inputs.commits, new Date(inputs.evidence.asOf).getTime(), policy.shared.windowDays, FORECAST_WEEKS);
  for (const [key, measure] of [
    ['recent-commits', 'commits'],
    ['active-contributors', 'contributors'],
  ] as const) {
    const id = number(key);
    const need = numberOption(policy, key, 'min');
    if (id !== undefined && need !== undefined) put(key, trend(id, need, measure, inputs, series));
  }
  const maintenance = number('ongoing-maintenance');
  const months = numberOption(policy, 'ongoing-maintenance', 'releaseMonths');
  if (maintenance !== undefined && months !== undefined) put('ongoing-maintenance', releases(maintenance, months, inputs));
  const support = number('pytorch-support');
  // torch support is judged as requirement 1 judges it, whether or not the policy applies that rule
  const t1 = torch(support ?? maintenance ?? 0, inputs);
  if (support !== undefined) put('pytorch-support', t1);
  if (t1 && maintenance !== undefined)
    put('ongoing-maintenance', { ...t1, text: t1.text.replace(`requirement ${support ?? maintenance} `, `requirement ${maintenance} `) });
  return out;
}

/** Adds `forecast` to the report's requirements that pass today and are forecast to fail. */
export function applyForecasts(report: Report, found: Map<string, Forecast>): void {
  for (const r of report.requirements) {
    const f = found.get(r.key);
    if (f && r.status === 'pass') r.forecast = f;
  }
}
