// The outbox: notices written in the same transaction as the change that caused them, then
// claimed and delivered by a worker. A claim is a lease: a worker that dies mid-send leaves the
// row to be claimed again after the lease, and the resend carries the same idempotency key. The
// lease outlives the transport's send timeout (src/process/delivery.ts `deliveryLease`), so a
// row is never claimed again while its send may still be in flight.
import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { DB } from './schema.js';
import { insertWithNextId } from './db.js';

export interface OutboxNotice {
  kind: string;
  to: string[];
  data: Record<string, unknown>;
}

export interface OutboxRow {
  id: number;
  kind: string;
  to: string[];
  data: Record<string, unknown>;
  subject: string;
  createdAt: string;
  status: 'pending' | 'delivered' | 'dead';
  attempts: number;
  nextAttemptAt: string;
  deliveredAt: string | null;
  messageId: string | null;
  lastError: string | null;
}

/** The idempotency key of an outbox row: stable across retries, unique per notice. */
export function idempotencyKey(id: number): string {
  return `steward-outbox-${id}`;
}

export async function enqueue(trx: Kysely<DB>, notices: OutboxNotice[], subject: string, now: string): Promise<number[]> {
  const ids: number[] = [];
  for (const n of notices) {
    const id = await insertWithNextId(trx, 'outbox', 'outbox', {
      kind: n.kind,
      recipients: JSON.stringify(n.to),
      data: JSON.stringify(n.data),
      subject,
      created_at: now,
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      claimed_until: null,
      delivered_at: null,
      message_id: null,
      last_error: null,
    });
    ids.push(id);
  }
  return ids;
}

function toRow(r: DB['outbox']): OutboxRow {
  return {
    id: Number(r.id),
    kind: r.kind,
    to: JSON.parse(r.recipients) as string[],
    data: JSON.parse(r.data) as Record<string, unknown>,
    subject: r.subject,
    createdAt: r.created_at,
    status: r.status as OutboxRow['status'],
    attempts: Number(r.attempts),
    nextAttemptAt: r.next_attempt_at,
    deliveredAt: r.delivered_at,
    messageId: r.message_id,
    lastError: r.last_error,
  };
}

/**
 * Claims the oldest deliverable row for `leaseMs`. The conditional update is what makes a claim
 * exclusive: of two workers that picked the same row, only one update matches. The row is picked
 * inside the update (one statement per notice, not a look and then a claim); when nothing was
 * claimed, a look tells "none due" from "another deliverer took the one picked".
 */
export async function claimNext(db: Kysely<DB>, now: Date, leaseMs: number): Promise<OutboxRow | undefined> {
  const at = now.toISOString();
  for (let tries = 0; tries < 5; tries++) {
    const claimed = await db
      .updateTable('outbox')
      .set((eb) => ({ claimed_until: new Date(now.getTime() + leaseMs).toISOString(), attempts: eb('attempts', '+', 1) }))
      .where('id', '=', (eb) => deliverable(eb.selectFrom('outbox').select('id'), at).orderBy('id').limit(1))
      .where('status', '=', 'pending')
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', at)]))
      .returningAll()
      .executeTakeFirst();
    if (claimed) return toRow(claimed);
    if (!(await deliverable(db.selectFrom('outbox').select('id'), at).limit(1).executeTakeFirst())) return undefined;
  }
  return undefined;
}

/** The rows a deliverer may claim at `at`: pending, due, and not held by another's lease. */
function deliverable<Q extends SelectQueryBuilder<DB, 'outbox', { id: number }>>(q: Q, at: string): Q {
  return q
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', at)
    .where((w) => w.or([w('claimed_until', 'is', null), w('claimed_until', '<', at)])) as Q;
}

export async function markDelivered(db: Kysely<DB>, id: number, messageId: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('outbox')
    .set({ status: 'delivered', delivered_at: now.toISOString(), message_id: messageId, claimed_until: null, last_error: null })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Records a failed attempt: retried at `retryAt`, or given up (`dead`) when `retryAt` is null. */
export async function markFailed(db: Kysely<DB>, id: number, error: string, retryAt: Date | null): Promise<void> {
  await db
    .updateTable('outbox')
    .set({
      status: retryAt ? 'pending' : 'dead',
      next_attempt_at: retryAt ? retryAt.toISOString() : new Date(0).toISOString(),
      claimed_until: null,
      last_error: error.slice(0, 2000),
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

export async function listOutbox(db: Kysely<DB>, opts: { status?: string; subject?: string; limit?: number } = {}): Promise<OutboxRow[]> {
  let q = db.selectFrom('outbox').selectAll().orderBy('id');
  if (opts.status) q = q.where('status', '=', opts.status);
  if (opts.subject) q = q.where('subject', '=', opts.subject);
  if (opts.limit) q = q.limit(opts.limit);
  return (await q.execute()).map(toRow);
}
