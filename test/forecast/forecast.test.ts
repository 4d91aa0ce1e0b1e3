// The early warning on built histories: a known decline (60 commits per 90 days falling by 10 a
// month) is forecast to fail within a week of the day the window really falls below 30 when the
// history is extended; a steady history forecasts nothing.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildRepo, cleanupTemp, type CommitSpec, type Ident } from '../support/repo.js';
import { runCli } from '../support/cli.js';
import { check } from '../../src/check/index.js';
import { crossingDay, fitLine, weeklySeries } from '../../src/forecast/trend.js';

after(cleanupTemp);

const DAY = 86_400_000;
const AS_OF = Date.parse('2026-11-27T00:00:00Z');
const people: Ident[] = ['ann', 'ben', 'cat', 'dan', 'eve', 'fay', 'gus'].map((n) => ({ name: n, email: `${n}@users.noreply.github.com` }));

/** Commit times (days relative to asOf) for a rate r(t) per day, from `from` to `to`: commit k at the day the integral reaches k. */
function timesFor(rate: (t: number) => number, from: number, to: number): number[] {
  const out: number[] = [];
  let acc = 0;
  const step = 0.01;
  for (let t = from; t < to; t += step) {
    acc += rate(t) * step;
    while (acc >= 1) {
      acc -= 1;
      out.push(t);
    }
  }
  return out;
}

function repoOf(times: number[]): Promise<string> {
  const commits: CommitSpec[] = times.map((t, i) => ({
    date: new Date(AS_OF + t * DAY),
    author: people[i % people.length]!,
    files: { 'x.txt': `${String(i)}\n` },
  }));
  return buildRepo({ commits });
}

/** The first day after asOf on which the 90-day window of `times` holds fewer than 30 commits. */
function realCrossing(times: number[]): number {
  for (let d = 1; d < 400; d++) {
    const n = times.filter((t) => t > d - 90 && t <= d).length;
    if (n < 30) return d;
  }
  throw new Error('never crosses');
}

// W(t) = ∫_{t−90}^{t} r = 60 − t/3 when r(t) = 0.5 − t/270 (t in days from asOf): 60 now, 10 fewer each month
const declining = (t: number) => Math.max(0, 0.5 - t / 270);

test('a known decline: the forecast date is within a week of the day the window really falls below 30', async () => {
  const times = timesFor(declining, -460, 200);
  const truth = realCrossing(times);
  const dir = await repoOf(times);
  const { report } = await check(dir, { asOf: new Date(AS_OF), offline: true });
  const r13 = report.requirements.find((r) => r.id === 13)!;
  assert.equal(r13.status, 'pass', r13.summary);
  assert.ok(r13.forecast, 'requirement 13 has a forecast');
  const predicted = (Date.parse(r13.forecast.fails) - AS_OF) / DAY;
  assert.ok(Math.abs(predicted - truth) <= 7, `forecast day ${predicted} vs real ${truth}`);
  assert.equal(r13.forecast.now, r13.measured['commits']);
  assert.match(r13.forecast.text, /^at the current pace, requirement 13 fails around \d{4}-\d\d-\d\d \(commits per 90 days: \d+ → \d+\)$/);
  assert.match(r13.forecast.method, /least-squares trend over the weekly series/);
  // the real check on the extended history agrees: passing the day before, failing on the day
  const dayBefore = await check(dir, { asOf: new Date(AS_OF + (truth - 1) * DAY), offline: true, forecast: false });
  const onTheDay = await check(dir, { asOf: new Date(AS_OF + truth * DAY), offline: true, forecast: false });
  assert.equal(dayBefore.report.requirements.find((r) => r.id === 13)!.status, 'pass');
  assert.equal(onTheDay.report.requirements.find((r) => r.id === 13)!.status, 'fail');

  const json = await runCli(['check', dir, '--offline', '--as-of', '2026-11-27', '--format', 'json']);
  assert.equal(JSON.parse(json.stdout).requirements.find((r: { id: number }) => r.id === 13).forecast.fails, r13.forecast.fails);
  const text = await runCli(['check', dir, '--offline', '--as-of', '2026-11-27']);
  assert.match(text.stdout, /Early warning \(to 2027-05-27\):\n {2}! at the current pace, requirement 13 fails around/);
  const md = await runCli(['check', dir, '--offline', '--as-of', '2026-11-27', '--format', 'markdown']);
  assert.match(
    md.stdout,
    /\*\*Early warning\*\* \(looking ahead to 2027-05-27\):\n\n- ⏳ at the current pace, requirement 13 fails around/,
  );
});

test('a steady history (60 commits per 90 days, with jitter) forecasts nothing', async () => {
  const times = timesFor(() => 0.667, -460, 0)
    .map((t, i) => t + ((i * 7919) % 13) / 10 - 0.6)
    .filter((t) => t <= 0);
  const dir = await repoOf(times);
  const { report } = await check(dir, { asOf: new Date(AS_OF), offline: true });
  assert.equal(report.requirements.find((r) => r.id === 13)!.status, 'pass');
  assert.deepEqual(
    report.requirements.filter((r) => r.forecast).map((r) => r.id),
    [],
  );
});

test('the horizon: a decline that crosses after six months is not forecast unless the next review is later', () => {
  // 60 now, falling by 1 a week: below 30 in 31 weeks (217 days), past six months
  assert.equal(crossingDay(60, -1 / 7, 30, 182), undefined);
  assert.equal(crossingDay(60, -1 / 7, 30, 240), 211);
  assert.equal(crossingDay(29, -1, 30, 240), undefined, 'already failing: nothing to forecast');
  assert.equal(crossingDay(60, 0, 30, 240), undefined);
  const line = fitLine([0, 1, 2, 3].map((k) => ({ t: k * 7 * DAY, y: 60 - k })));
  assert.ok(line && Math.abs(line.slope + 1 / 7) < 1e-9);
  // weekly points whose window starts before the first commit are left out
  assert.equal(weeklySeries([{ t: AS_OF - 100 * DAY, who: 'a' }], AS_OF, 90).length, 2);
});

test('the weekly series in one pass gives what counting each window from scratch gives', () => {
  // the definition: commits with start < t ≤ end, and the distinct people among them
  const naive = (commits: { t: number; who: string }[], asOf: number, windowDays: number, weeks: number) => {
    const first = Math.min(...commits.map((c) => c.t));
    const out: { t: number; commits: number; contributors: number }[] = [];
    for (let k = weeks - 1; k >= 0; k--) {
      const end = asOf - k * 7 * DAY;
      const start = end - windowDays * DAY;
      if (start < first) continue;
      const inside = commits.filter((c) => c.t > start && c.t <= end);
      out.push({ t: end, commits: inside.length, contributors: new Set(inside.map((c) => c.who)).size });
    }
    return out;
  };
  let seed = 7;
  const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  for (const [n, span] of [
    [1, 30],
    [40, 200],
    [3000, 455],
    [500, 100],
  ] as const) {
    const commits = Array.from({ length: n }, () => ({
      // whole days too, so commits fall exactly on window edges
      t: AS_OF - (rand() < 0.2 ? Math.floor(rand() * span) * DAY : Math.floor(rand() * span * DAY)),
      who: `p${Math.floor(rand() * rand() * 60)}`,
    }));
    assert.deepEqual(weeklySeries(commits, AS_OF, 90), naive(commits, AS_OF, 90, 52), `${n} commits over ${span} days`);
  }
});
