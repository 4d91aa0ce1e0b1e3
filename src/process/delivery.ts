// Delivers the outbox: claim a row (a lease), render it, send it with the row's idempotency key,
// mark it delivered. A crash between send and mark means the row is claimed again after the
// lease and sent again WITH THE SAME KEY: sending is at-least-once, and receipt is made
// idempotent by the key (the transport derives the Message-ID from it, so a receiver or the
// test sink drops the duplicate). Failures retry with exponential back-off, then give up (dead); a permanent one is dead at once.
import { claimNext, idempotencyKey, markDelivered, markFailed, type OutboxRow, type Store } from '../store/index.js';
import { type Clock, systemClock } from './calendar.js';

export interface OutgoingMessage {
  to: string[];
  subject: string;
  text: string;
  idempotencyKey: string;
}

/** What delivery needs of a transport (src/notices/transport.ts provides SMTP and a dry run). */
export interface NoticeTransport {
  send(message: OutgoingMessage): Promise<{ messageId: string }>;
}

/** Turns a notice into a message (src/notices/templates.ts `renderNotice`). */
export type NoticeRenderer = (kind: string, data: Record<string, unknown>) => { subject: string; text: string };

export interface DeliveryOptions {
  store: Store;
  transport: NoticeTransport;
  render: NoticeRenderer;
  clock?: Clock;
  /** how long a claim holds before another worker may take the row over (default 60 s) */
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
  const lease = opts.leaseMs ?? 60_000;
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
export function addressed(row: Pick<OutboxRow, 'to' | 'subject'> & { kind?: string }, rendered: { subject: string; text: string }, fallbackTo: string[]): { to: string[]; subject: string; text: string } {
  if (row.to.length > 0) return { to: row.to, ...rendered };
  if (fallbackTo.length === 0) return { to: [], ...rendered }; // the transport refuses it: no recipient
  // a notice meant for staff reaches them through the fallback as it is: nothing to forward
  if (row.kind !== undefined && STAFF_KINDS.has(row.kind)) return { to: fallbackTo, ...rendered };
  const [what, id] = row.subject.split(':', 2);
  const fix = what === 'project' && id ? ` Record them with \`steward project contacts ${id} --set a@example.org,b@example.org\`.` : '';
  const note = `[Steward] No contact is on record for ${row.subject}: please forward this message to its maintainers.${fix}`;
  return { to: fallbackTo, subject: `[to forward] ${rendered.subject}`, text: `${note}\n\n${rendered.text}` };
}
