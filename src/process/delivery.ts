// Delivers the outbox: claim a row (a lease), render it, send it with the row's idempotency key,
// mark it delivered.
//
// The guarantee: AT LEAST ONCE, WITH THE SAME MESSAGE-ID, AND NEVER RESENT WHILE A SEND IS IN
// FLIGHT. Exactly once cannot hold over SMTP across a crash: a worker killed after the server
// took the message but before the row was marked delivered leaves a row that must be sent again.
// So: the transport derives the Message-ID from the row's idempotency key, and a resend is
// recognisably the same message (receivers, and the test sink, drop the duplicate). And a claim
// (the lease) always outlives the longest a send can be in flight: the transport destroys its
// connection at its send timeout, and the lease is that timeout plus LEASE_MARGIN_MS (asserted
// below), so no other deliverer takes a row over while its send may still reach the server.
// Failures retry with exponential back-off, then give up (dead); a permanent one is dead at once.
import { claimNext, idempotencyKey, markDelivered, markFailed, type OutboxRow, type Store } from '../store/index.js';
import { type Clock, systemClock } from './calendar.js';

/** What a lease holds beyond the transport's send timeout: time to mark the row, clock skew between workers. */
export const LEASE_MARGIN_MS = 30_000;

/** The lease for a transport whose sends end (connection closed) within `sendTimeoutMs`. */
export function leaseFor(sendTimeoutMs: number): number {
  return sendTimeoutMs + LEASE_MARGIN_MS;
}

export interface OutgoingMessage {
  to: string[];
  subject: string;
  text: string;
  idempotencyKey: string;
}

/** What delivery needs of a transport (src/notices/transport.ts provides SMTP and a dry run). */
export interface NoticeTransport {
  send(message: OutgoingMessage): Promise<{ messageId: string }>;
  /**
   * The longest one send can be in flight (src/notices/transport.ts: 90 s by default, then the
   * connection is destroyed). The lease is derived from it. A transport that leaves it out
   * (an in-process stand-in) answers at once.
   */
  readonly sendTimeoutMs?: number;
}

/** Turns a notice into a message (src/notices/templates.ts `renderNotice`). */
export type NoticeRenderer = (kind: string, data: Record<string, unknown>) => { subject: string; text: string };

export interface DeliveryOptions {
  store: Store;
  transport: NoticeTransport;
  render: NoticeRenderer;
  clock?: Clock;
  /**
   * how long a claim holds before another deliverer may take the row over: default and minimum
   * the transport's send timeout + LEASE_MARGIN_MS, so a send in flight is never sent again
   */
  leaseMs?: number;
  /** attempts before a row is given up as dead (default 8) */
  maxAttempts?: number;
  /** delay before retry number `attempt` (default 30 s × 2^(attempt−1), at most 6 h) */
  backoffMs?: (attempt: number) => number;
  /** stop after this many rows (default: until nothing is deliverable) */
  limit?: number;
  signal?: AbortSignal;
  onDelivered?: (row: OutboxRow, messageId: string) => void;
  /**
   * Who gets a notice that has no recipient (an imported project has no contacts): e.g. the
   * staff address, asked in the message to forward it. Without one such a notice cannot be sent.
   */
  fallbackTo?: string[];
}

export interface DeliveryResult {
  delivered: number[];
  retrying: { id: number; error: string; retryAt: string }[];
  dead: { id: number; error: string }[];
}

export const defaultBackoff = (attempt: number): number => Math.min(30_000 * 2 ** (attempt - 1), 6 * 3600_000);

export async function deliverOutbox(opts: DeliveryOptions): Promise<DeliveryResult> {
  const clock = opts.clock ?? systemClock;
  const lease = deliveryLease(opts.transport, opts.leaseMs);
  const maxAttempts = opts.maxAttempts ?? 8;
  const backoff = opts.backoffMs ?? defaultBackoff;
  const result: DeliveryResult = { delivered: [], retrying: [], dead: [] };
  let handled = 0;
  while (opts.limit === undefined || handled < opts.limit) {
    if (opts.signal?.aborted) break;
    const row = await claimNext(opts.store.db, clock.now(), lease);
    if (!row) break;
    handled++;
    try {
      const message = addressed(row, opts.render(row.kind, row.data), opts.fallbackTo ?? []);
      const { messageId } = await opts.transport.send({ ...message, idempotencyKey: idempotencyKey(row.id) });
      await markDelivered(opts.store.db, row.id, messageId, clock.now());
      result.delivered.push(row.id);
      opts.onDelivered?.(row, messageId);
    } catch (err) {
      const error = (err as Error)?.message ?? String(err);
      if (isPermanent(err)) {
        // retrying cannot help (refused for good, or data no template can render): dead now, with why
        const reason = `permanent failure, not retried: ${error}`;
        await markFailed(opts.store.db, row.id, reason, null);
        result.dead.push({ id: row.id, error: reason });
      } else if (row.attempts >= maxAttempts) {
        await markFailed(opts.store.db, row.id, error, null);
        result.dead.push({ id: row.id, error });
      } else {
        const retryAt = new Date(clock.now().getTime() + backoff(row.attempts));
        await markFailed(opts.store.db, row.id, error, retryAt);
        result.retrying.push({ id: row.id, error, retryAt: retryAt.toISOString() });
      }
    }
  }
  return result;
}

/**
 * The lease for a delivery run. It must outlive every send the transport can have in flight,
 * or a second deliverer could send a row again while the first one's send may still arrive.
 */
export function deliveryLease(transport: Pick<NoticeTransport, 'sendTimeoutMs'>, leaseMs?: number): number {
  const sendTimeout = transport.sendTimeoutMs ?? 0;
  const minimum = sendTimeout > 0 ? leaseFor(sendTimeout) : 0;
  const lease = leaseMs ?? leaseFor(sendTimeout);
  if (!(Number.isFinite(lease) && lease > 0) || lease < minimum) {
    throw new Error(
      `delivery lease of ${lease} ms is shorter than the transport's send timeout (${sendTimeout} ms) plus the ${LEASE_MARGIN_MS} ms margin: another deliverer could resend a message still in flight`,
    );
  }
  return lease;
}

/**
 * A failure that the same message will meet again: the transport's DeliveryError marked
 * permanent (a 5xx reply, no or bad recipient) or the templates' NoticeDataError. Recognised by
 * shape so the process does not depend on the notices module.
 */
export function isPermanent(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { permanent?: unknown; name?: unknown };
  return e.permanent === true || e.name === 'NoticeDataError';
}

/** Notices addressed to staff (the store's staff addresses), not to a project's contacts. */
const STAFF_KINDS: ReadonlySet<string> = new Set(['answer-received']);

/** The message for a row: to its recipients, or to the fallback with a request to forward it. */
export function addressed(
  row: Pick<OutboxRow, 'to' | 'subject'> & { kind?: string },
  rendered: { subject: string; text: string },
  fallbackTo: string[],
): { to: string[]; subject: string; text: string } {
  if (row.to.length > 0) return { to: row.to, ...rendered };
  if (fallbackTo.length === 0) return { to: [], ...rendered }; // the transport refuses it: no recipient
  // a notice meant for staff reaches them through the fallback as it is: nothing to forward
  if (row.kind !== undefined && STAFF_KINDS.has(row.kind)) return { to: fallbackTo, ...rendered };
  const [what, id] = row.subject.split(':', 2);
  const fix = what === 'project' && id ? ` Record them with \`steward project contacts ${id} --set a@example.org,b@example.org\`.` : '';
  const note = `[Steward] No contact is on record for ${row.subject}: please forward this message to its maintainers.${fix}`;
  return { to: fallbackTo, subject: `[to forward] ${rendered.subject}`, text: `${note}\n\n${rendered.text}` };
}
