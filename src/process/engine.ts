// The process engine: loads a record, runs a pure transition, and writes the new state, its
// notices (outbox) and its audit entries in ONE transaction. Concurrent writers are caught by
// optimistic versions and the whole step is retried on fresh state.
import type { Kysely } from 'kysely';
import { loadDefaultPolicy } from '../policy/load.js';
import type { Policy, ProcessRules } from '../policy/types.js';
import type { Report } from '../report/types.js';
import { storableEvidence } from '../evidence/stored.js';
import { appendAudit, enqueue, inTransaction, insertReport, StaleWriteError, type DB, type Store } from '../store/index.js';
import { type CalendarDate, type Clock, DatedInstant, dateOf, datedClock, endOfDay, systemClock } from './calendar.js';
import { ProcessError } from './errors.js';
import type { Actor, AuditInput, Notice, VoteRule } from './types.js';
import { MORE_THAN_HALF } from './types.js';

/** What the process asks the checker: a report (and its evidence) for a repository at an instant. */
export type Evaluator = (
  target: { id: string; name: string; repoUrl: string; kind: 'application' | 'review' | 'offboarding' },
  asOf: Date,
  /** the policy version in force that day (an adopted amendment from its effective day); absent: the checker's default */
  policy?: Policy,
) => Promise<{ report: Report; evidence?: unknown }>;

export interface EngineOptions {
  store: Store;
  clock?: Clock;
  /** the policy whose process rules apply (default pytorch-ecosystem 1.0) */
  policy?: Policy;
  /** runs a check for applications (at submission and when scheduled) and periodic reviews */
  evaluator?: Evaluator;
  /** the TAC's rule for policy amendments */
  tacRule?: VoteRule;
  /**
   * the day commands act as (`--on`): time rules apply as of it, records carry it, checks judge
   * as of its end. A change dated after today, or before a record's latest event, is refused.
   */
  on?: CalendarDate;
  /** who runs the commands when they are dated for someone else (the audit keeps it) */
  operator?: string;
}

export interface Engine {
  store: Store;
  clock: Clock;
  policy: Policy;
  rules: ProcessRules;
  evaluator?: Evaluator;
  tacRule: VoteRule;
  on?: CalendarDate;
  /** the real clock, beside `clock` which reads the dated day when `on` is set */
  realClock: Clock;
}

export function createEngine(opts: EngineOptions): Engine {
  const policy = opts.policy ?? loadDefaultPolicy();
  const real = opts.clock ?? systemClock;
  return {
    store: opts.store,
    clock: opts.on ? datedClock(opts.on, real, opts.operator ?? 'operator') : real,
    realClock: real,
    ...(opts.on ? { on: opts.on } : {}),
    policy,
    rules: policy.process,
    ...(opts.evaluator ? { evaluator: opts.evaluator } : {}),
    tacRule: opts.tacRule ?? MORE_THAN_HALF,
  };
}

const RETRIES = 8;

/** The day the engine acts on: the dated day, or today. */
export function today(eng: Engine): CalendarDate {
  return dateOf(eng.clock.now());
}

/** The instant a check judges as of: the end of the dated day (never later than now), or now. */
export function checkInstant(eng: Engine): Date {
  const real = eng.realClock.now();
  if (!eng.on) return real;
  const end = endOfDay(eng.on);
  return end < real ? end : real;
}

/** A change may be dated today or earlier, never in the future: refused before anything runs. */
export function assertWritableDay(eng: Engine): void {
  if (!eng.on) return;
  const real = dateOf(eng.realClock.now());
  if (eng.on > real) {
    throw new ProcessError(
      'invalid',
      `--on ${eng.on} is after today (${real}): a change can be dated today or earlier, only reading commands (show, list, due, inbox) look ahead; nothing was recorded`,
    );
  }
}

/**
 * Refuses a change dated before the latest event already on the record, so each record's events
 * stay in order. `what` names the record, `latest` its latest event day and what happened then.
 */
export function assertInOrder(eng: Engine, what: string, latest: { on: CalendarDate; event: string } | undefined, day: CalendarDate): void {
  if (!eng.on || !latest || day >= latest.on) return;
  throw new ProcessError(
    'conflict',
    `${what}: its latest event (${latest.event}) is on ${latest.on}; a change dated ${day} would come before it; nothing was recorded`,
  );
}

/** Runs `fn` in a transaction, again on fresh state when another writer got there first. */
export async function mutate<T>(eng: Engine, fn: (trx: Kysely<DB>, now: Date) => Promise<T>): Promise<T> {
  assertWritableDay(eng);
  for (let attempt = 1; ; attempt++) {
    const now = eng.clock.now();
    try {
      return await inTransaction(eng.store, (trx) => fn(trx, now));
    } catch (err) {
      const retriable = err instanceof StaleWriteError || isSerializationFailure(err);
      if (!retriable || attempt >= RETRIES) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
    }
  }
}

function isSerializationFailure(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code;
  // PostgreSQL: serialization failure, deadlock, unique violation from a racing insert
  return code === '40001' || code === '40P01' || code === '23505';
}

/** A dated change's audit data also says the day acted on, when it was really recorded and by whom. */
function stamped(now: Date, data: Record<string, unknown>): Record<string, unknown> {
  if (!(now instanceof DatedInstant)) return data;
  return { ...data, dated: { on: now.on, recordedAt: now.recordedAt.toISOString(), recordedBy: now.recordedBy } };
}

/** Writes what a transition caused: its notices to the outbox and its entries to the audit log. */
export async function record(
  trx: Kysely<DB>,
  actor: Actor,
  now: Date,
  subject: string,
  notices: Notice[],
  audit: AuditInput[],
): Promise<void> {
  const at = now.toISOString();
  await enqueue(trx, notices, subject, at);
  await appendAudit(
    trx,
    audit.map((a) => ({ at, actor: actor.id, action: a.action, subject: a.subject, data: stamped(now, a.data) })),
  );
}

/** Stores a check result beside its subject and notes it in the audit log. */
export async function attachReport(
  trx: Kysely<DB>,
  actor: Actor,
  now: Date,
  r: { kind: string; subject: string; repoKey: string; report: Report; evidence?: unknown },
): Promise<number> {
  const id = await insertReport(trx, { ...r, evidence: storableEvidence(r.evidence) }, now.toISOString());
  await appendAudit(trx, [
    {
      at: now.toISOString(),
      actor: actor.id,
      action: 'report.attached',
      subject: r.subject,
      data: stamped(now, {
        reportId: id,
        kind: r.kind,
        commit: r.report.target.commit,
        asOf: r.report.target.asOf,
        policy: `${r.report.policy.id}@${r.report.policy.version}`,
        verdict: r.report.verdict,
      }),
    },
  ]);
  return id;
}

export function notFound(what: string, id: string): ProcessError {
  return new ProcessError('not-found', `${what} ${JSON.stringify(id)} does not exist`);
}

/** The actor the system itself acts as (scheduled reviews, expired votes). */
export const SYSTEM: Actor = { id: 'steward', role: 'staff' };
