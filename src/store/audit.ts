// The audit log: append-only and hash-chained. Each entry's hash is sha256(previous hash +
// canonical JSON of the entry), so editing, deleting or reordering any entry breaks the chain
// from that entry on, and `verifyAudit` names the first one that does not match.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { canonicalJson } from './canonical-json.js';
import type { DB } from './schema.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditRecord {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  data: Record<string, unknown>;
}

export function entryHash(prevHash: string, e: AuditRecord): string {
  const body = canonicalJson({ seq: e.seq, at: e.at, actor: e.actor, action: e.action, subject: e.subject, data: e.data });
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}

/**
 * Appends entries inside the caller's transaction. The head row is updated first: on PostgreSQL
 * that row lock orders concurrent appenders, so the chain never forks.
 */
export async function appendAudit(trx: Kysely<DB>, entries: Omit<AuditRecord, 'seq'>[]): Promise<number[]> {
  const seqs: number[] = [];
  for (const e of entries) {
    const head = await trx
      .updateTable('audit_head')
      .set((eb) => ({ seq: eb('seq', '+', 1) }))
      .where('id', '=', 1)
      .returning(['seq', 'hash'])
      .executeTakeFirstOrThrow();
    const seq = Number(head.seq);
    const record: AuditRecord = { seq, ...e };
    const hash = entryHash(head.hash, record);
    await trx
      .insertInto('audit_log')
      .values({ seq, at: e.at, actor: e.actor, action: e.action, subject: e.subject, data: canonicalJson(e.data), prev_hash: head.hash, hash })
      .execute();
    await trx.updateTable('audit_head').set({ hash }).where('id', '=', 1).execute();
    seqs.push(seq);
  }
  return seqs;
}

export interface AuditVerdict {
  ok: boolean;
  entries: number;
  /** the first entry that does not match, and why */
  firstBad?: { seq: number; reason: string };
}

/** Walks the whole chain in order, recomputing every hash. */
export async function verifyAudit(db: Kysely<DB>, batch = 1000): Promise<AuditVerdict> {
  let prev = GENESIS_HASH;
  let expected = 1;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>=', expected).orderBy('seq').limit(batch).execute();
    for (const r of rows) {
      const seq = Number(r.seq);
      if (seq !== expected) return { ok: false, entries: expected - 1, firstBad: { seq: expected, reason: `entry ${expected} is missing (next present is ${seq})` } };
      if (r.prev_hash !== prev) return { ok: false, entries: seq - 1, firstBad: { seq, reason: `entry ${seq} links to ${r.prev_hash.slice(0, 12)}…, but entry ${seq - 1} hashes to ${prev.slice(0, 12)}…` } };
      let data: Record<string, unknown>;
      try {
        data = JSON.parse(r.data) as Record<string, unknown>;
      } catch {
        return { ok: false, entries: seq - 1, firstBad: { seq, reason: `entry ${seq}'s data is not JSON` } };
      }
      const hash = entryHash(prev, { seq, at: r.at, actor: r.actor, action: r.action, subject: r.subject, data });
      if (hash !== r.hash) return { ok: false, entries: seq - 1, firstBad: { seq, reason: `entry ${seq} (${r.action} ${r.subject}) was altered: its content hashes to ${hash.slice(0, 12)}…, stored ${r.hash.slice(0, 12)}…` } };
      prev = r.hash;
      expected++;
    }
    if (rows.length < batch) break;
  }
  const head = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst();
  const last = expected - 1;
  if (!head || Number(head.seq) !== last || head.hash !== prev) {
    return { ok: false, entries: last, firstBad: { seq: last + 1, reason: `the log ends at entry ${last} but its head records ${head ? `entry ${head.seq}` : 'nothing'}: entries were removed from the end` } };
  }
  return { ok: true, entries: last };
}

export async function readAudit(db: Kysely<DB>, opts: { subject?: string; limit?: number; newestFirst?: boolean } = {}): Promise<(AuditRecord & { hash: string })[]> {
  let q = db.selectFrom('audit_log').selectAll().orderBy('seq', opts.newestFirst ? 'desc' : 'asc');
  if (opts.subject) q = q.where('subject', '=', opts.subject);
  if (opts.limit) q = q.limit(opts.limit);
  const rows = await q.execute();
  return rows.map((r) => ({ seq: Number(r.seq), at: r.at, actor: r.actor, action: r.action, subject: r.subject, data: JSON.parse(r.data) as Record<string, unknown>, hash: r.hash }));
}
