// The process engine: loads a record, runs a pure transition, and writes the new state, its
// notices (outbox) and its audit entries in ONE transaction. Concurrent writers are caught by
// optimistic versions and the whole step is retried on fresh state.
import type { Kysely } from 'kysely';
import { loadDefaultPolicy } from '../policy/load.js';
import type { Policy, ProcessRules } from '../policy/types.js';
import type { Report } from '../report/types.js';
import { appendAudit, enqueue, inTransaction, insertReport, StaleWriteError, type DB, type Store } from '../store/index.js';
import { type Clock, systemClock } from './calendar.js';
import { ProcessError } from './errors.js';
import type { Actor, AuditInput, Notice, VoteRule } from './types.js';
import { MORE_THAN_HALF } from './types.js';

/** What the process asks the checker: a report (and its evidence) for a repository at an instant. */
export type Evaluator = (
  target: { id: string; name: string; repoUrl: string; kind: 'application' | 'review' | 'offboarding' },
  asOf: Date,
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
}

export interface Engine {
  store: Store;
  clock: Clock;
  policy: Policy;
  rules: ProcessRules;
  evaluator?: Evaluator;
  tacRule: VoteRule;
}

export function createEngine(opts: EngineOptions): Engine {
  const policy = opts.policy ?? loadDefaultPolicy();
  return {
    store: opts.store,
    clock: opts.clock ?? systemClock,
    policy,
    rules: policy.process,
    ...(opts.evaluator ? { evaluator: opts.evaluator } : {}),
    tacRule: opts.tacRule ?? MORE_THAN_HALF,
  };
}

const RETRIES = 8;

/** Runs `fn` in a transaction, again on fresh state when another writer got there first. */
export async function mutate<T>(eng: Engine, fn: (trx: Kysely<DB>, now: Date) => Promise<T>): Promise<T> {
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

/** Writes what a transition caused: its notices to the outbox and its entries to the audit log. */
export async function record(trx: Kysely<DB>, actor: Actor, now: Date, subject: string, notices: Notice[], audit: AuditInput[]): Promise<void> {
  const at = now.toISOString();
  await enqueue(trx, notices, subject, at);
  await appendAudit(trx, audit.map((a) => ({ at, actor: actor.id, action: a.action, subject: a.subject, data: a.data })));
}

/** Stores a check result beside its subject and notes it in the audit log. */
export async function attachReport(
  trx: Kysely<DB>,
  actor: Actor,
  now: Date,
  r: { kind: string; subject: string; repoKey: string; report: Report; evidence?: unknown },
): Promise<number> {
  const id = await insertReport(trx, r, now.toISOString());
  await appendAudit(trx, [
    {
      at: now.toISOString(),
      actor: actor.id,
      action: 'report.attached',
      subject: r.subject,
      data: { reportId: id, kind: r.kind, commit: r.report.target.commit, asOf: r.report.target.asOf, policy: `${r.report.policy.id}@${r.report.policy.version}`, verdict: r.report.verdict },
    },
  ]);
  return id;
}

export function notFound(what: string, id: string): ProcessError {
  return new ProcessError('not-found', `${what} ${JSON.stringify(id)} does not exist`);
}

/** The actor the system itself acts as (scheduled reviews, expired votes). */
export const SYSTEM: Actor = { id: 'steward', role: 'staff' };
