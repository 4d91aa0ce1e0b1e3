// The process's time rules, on calendar dates (YYYY-MM-DD, UTC). The TAC counts in calendar
// months and days, so these work on dates rather than on milliseconds.
import { ProcessError } from './errors.js';

/** A calendar date as `YYYY-MM-DD`. */
export type CalendarDate = string;

/** Where the process reads the time: injected so every rule can be tested at its edges. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that says what it is told, for tests and for replaying a scenario. */
export function fixedClock(start: Date | string): Clock & { set(t: Date | string): void; advanceDays(n: number): void } {
  let t = new Date(start);
  return {
    now: () => new Date(t),
    set(v) {
      t = new Date(v);
    },
    advanceDays(n) {
      t = new Date(t.getTime() + n * 86_400_000);
    },
  };
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(s: unknown): s is CalendarDate {
  if (typeof s !== 'string') return false;
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function parseCalendarDate(s: string, where = 'date'): { y: number; m: number; d: number } {
  const m = DATE_RE.exec(s);
  if (!m || !isCalendarDate(s)) throw new ProcessError('invalid', `${where}: expected a date YYYY-MM-DD, found ${JSON.stringify(s)}`);
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function fmt(y: number, m: number, d: number): CalendarDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The UTC calendar date of an instant. */
export function dateOf(t: Date): CalendarDate {
  return t.toISOString().slice(0, 10);
}

/**
 * `months` calendar months after `date`. A month without that day counts to its last day
 * (2026-11-30 + 3 months = 2027-02-28), which is how people read "three months after".
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const { y, m, d } = parseCalendarDate(date);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return fmt(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const { y, m, d } = parseCalendarDate(date);
  return dateOf(new Date(Date.UTC(y, m - 1, d) + days * 86_400_000));
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  const pa = parseCalendarDate(a);
  const pb = parseCalendarDate(b);
  return Math.round((Date.UTC(pb.y, pb.m - 1, pb.d) - Date.UTC(pa.y, pa.m - 1, pa.d)) / 86_400_000);
}

/** The first day a declined project may apply again. */
export function resubmissionAllowedFrom(declinedOn: CalendarDate, months: number): CalendarDate {
  return addMonths(declinedOn, months);
}

/** The day the next periodic review falls due, from acceptance or the last review. */
export function reviewDueOn(from: CalendarDate, months: number): CalendarDate {
  return addMonths(from, months);
}

/** The day a failing project is retired if still failing: `days` after the notice. */
export function fixDeadline(noticeOn: CalendarDate, days: number): CalendarDate {
  return addDays(noticeOn, days);
}

/**
 * An instant a command acts at when it is dated (`--on DAY`): that day at the real time of day,
 * so commands dated the same day keep the order they were typed in. It carries when it was
 * really recorded and by whom, which the audit entry keeps beside the day acted on.
 */
export class DatedInstant extends Date {
  constructor(
    readonly on: CalendarDate,
    readonly recordedAt: Date,
    readonly recordedBy: string,
  ) {
    super(`${on}T${recordedAt.toISOString().slice(11)}`);
  }
}

/** A clock for a command dated `on`: every reading is that day, at the real time of day. */
export function datedClock(on: CalendarDate, real: Clock, recordedBy: string): Clock {
  parseCalendarDate(on, '--on');
  return { now: () => new DatedInstant(on, real.now(), recordedBy) };
}

/** The last millisecond of a day (UTC): a check dated that day judges as of it. */
export function endOfDay(day: CalendarDate): Date {
  return new Date(`${day}T23:59:59.999Z`);
}

/** Why `s` is not a calendar date, for a message: the shape, or the day the month lacks. */
export function calendarDateProblem(s: string): string | undefined {
  const m = DATE_RE.exec(s);
  if (!m) return `expected a date YYYY-MM-DD, found ${JSON.stringify(s)}`;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12) return `${s}: there is no month ${mo}`;
  const last = daysInMonth(y, mo);
  if (d < 1 || d > last) return `${s}: ${y}-${String(mo).padStart(2, '0')} has ${last} days`;
  return undefined;
}
