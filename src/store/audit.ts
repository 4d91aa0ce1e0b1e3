// The audit log: append-only, hash-chained and signed. Each entry's hash is sha256(previous hash
// + canonical JSON of the entry), so editing, deleting or reordering any entry breaks the chain
// from that entry on, and verification names the first one that does not match.
//
// What a hash chain alone does not stop, someone with write access to the database does: edit an
// entry and recompute every hash after it, or cut the tail together with the stored head, or edit
// a record and leave the log alone. So:
// - each entry carries an HMAC of its hash (`sig`) with a key kept outside the database
//   (src/store/audit-key.ts), and so does the head: a chain recomputed without the key fails;
// - the head can be exported (`audit head`) and checked later against the log (`--head`): a log
//   cut back, with its stored head, no longer contains the head kept outside;
// - an entry whose transaction wrote applications or projects records their new state (`state`,
//   covered by the hash), so each record's current state is re-derivable from the log, and a
//   record changed behind the log's back no longer matches it. The state holds the row's index
//   columns (status, key, sort) beside its document: queries select by them (open applications
//   for a repository, a list by status), so an edit of a column alone changes what the process
//   does and must not pass either.
// Stores older than signing keep their entries as they were; signing (and state) start at the
// head's `signed_from`, and the first signed entry's link protects everything before it.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { canonicalJson } from './canonical-json.js';
import type { AuditKeyRef } from './audit-key.js';
import type { DB, DocTableName } from './schema.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditRecord {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  data: Record<string, unknown>;
}

/** The records whose state the log carries. */
const TRACKED: ReadonlySet<DocTableName> = new Set<DocTableName>(['applications', 'projects']);
const SUBJECT_OF: Record<string, string> = { applications: 'application', projects: 'project' };

export function entryHash(prevHash: string, e: AuditRecord, state: string | null = null): string {
  const body = canonicalJson({
    seq: e.seq,
    at: e.at,
    actor: e.actor,
    action: e.action,
    subject: e.subject,
    data: e.data,
    ...(state !== null ? { state } : {}),
  });
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}

export function entrySig(key: Buffer, hash: string): string {
  return createHmac('sha256', key).update(`steward-audit-entry\0${hash}`).digest('hex');
}

export function headSig(key: Buffer, seq: number, hash: string, signedFrom: number): string {
  return createHmac('sha256', key).update(`steward-audit-head\0${seq}\0${hash}\0${signedFrom}`).digest('hex');
}

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

// ---- writing: what one transaction appends and writes, sealed before it commits --------------

interface TxAudit {
  keyRef: AuditKeyRef;
  key?: Buffer;
  /** entries appended by the transaction, written when it is sealed (their data as canonical JSON, frozen then) */
  pending: Omit<AuditRecord, 'seq'>[];
  states: Map<string, { version: number; doc: unknown; cols?: StateColumns }>;
}

/** The columns a record is found by, kept beside its document in the logged state. */
export interface StateColumns {
  status: string;
  key: string;
  sort: string;
}

const transactions = new WeakMap<object, TxAudit>();

/** Called by inTransaction as a transaction starts: its audit entries are signed with this key. */
export function beginAuditTx(trx: object, keyRef: AuditKeyRef): void {
  transactions.set(trx, { keyRef, pending: [], states: new Map() });
}

/** Called by insertDoc/updateDoc: the record's new state, for the log (applications and projects). */
export function noteState(trx: object, table: DocTableName, id: string, version: number, doc: unknown, cols: StateColumns): void {
  if (!TRACKED.has(table)) return;
  const tx = transactions.get(trx);
  // a write outside inTransaction is not in the log: verification reports it as changed behind its back
  tx?.states.set(`${table}:${id}`, { version, doc: JSON.parse(JSON.stringify(doc)) as unknown, cols: { ...cols } });
}

function keyOf(tx: TxAudit): Buffer {
  return (tx.key ??= tx.keyRef.loadOrCreate());
}

/**
 * Appends entries to the caller's transaction (inTransaction). They are written when it is sealed,
 * just before it commits: the head row, whose lock orders concurrent appenders on PostgreSQL so the
 * chain never forks, is then held for the last few statements of the transaction only, not from
 * its first entry on (every review would otherwise wait for the one before to commit).
 */
export async function appendAudit(trx: Kysely<DB>, entries: Omit<AuditRecord, 'seq'>[]): Promise<void> {
  const tx = transactions.get(trx);
  if (!tx) throw new Error('audit entries are appended inside inTransaction, which signs them and records the state they go with');
  // the entry as it was appended, whatever the caller does to its data afterwards
  for (const e of entries) tx.pending.push({ ...e, data: JSON.parse(canonicalJson(e.data)) as Record<string, unknown> });
}

/**
 * Called by inTransaction just before it commits: writes the transaction's entries in one step
 * (the head moved once, the entries inserted together, the head written once). The state of the
 * applications and projects the transaction wrote goes into its last entry. A transaction that
 * wrote records but appended no entry gets one.
 */
export async function sealAudit(trx: Kysely<DB>): Promise<void> {
  const tx = transactions.get(trx);
  transactions.delete(trx);
  if (!tx || (tx.pending.length === 0 && tx.states.size === 0)) return;
  if (tx.pending.length === 0) {
    const [first] = [...tx.states.keys()];
    const [table, id] = first!.split(/:(.*)/s) as [string, string];
    tx.pending.push({
      at: new Date().toISOString(),
      actor: 'steward',
      action: 'state.recorded',
      subject: `${SUBJECT_OF[table] ?? table}:${id}`,
      data: {},
    });
  }
  const head = await trx
    .updateTable('audit_head')
    .set((eb) => ({ seq: eb('seq', '+', tx.pending.length) }))
    .where('id', '=', 1)
    .returning(['seq', 'hash', 'signed_from'])
    .executeTakeFirstOrThrow();
  const firstSeq = Number(head.seq) - tx.pending.length + 1;
  const signedFrom = head.signed_from === null ? 1 : Number(head.signed_from);
  const state =
    tx.states.size === 0 ? null : canonicalJson(Object.fromEntries([...tx.states].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
  let prevHash = head.hash;
  const rows = tx.pending.map((e, i) => {
    const seq = firstSeq + i;
    const last = i === tx.pending.length - 1;
    // only the last entry carries the state (entries before it keep none, as a reader of the log expects)
    const rowState = last ? state : null;
    const hash = entryHash(prevHash, { seq, ...e }, rowState);
    const row = {
      seq,
      at: e.at,
      actor: e.actor,
      action: e.action,
      subject: e.subject,
      data: canonicalJson(e.data),
      prev_hash: prevHash,
      hash,
      sig: seq >= signedFrom ? entrySig(keyOf(tx), hash) : null,
      state: rowState,
    };
    prevHash = hash;
    return row;
  });
  await trx.insertInto('audit_log').values(rows).execute();
  const lastRow = rows[rows.length - 1]!;
  await trx
    .updateTable('audit_head')
    .set({ hash: lastRow.hash, sig: headSig(keyOf(tx), lastRow.seq, lastRow.hash, signedFrom), signed_from: signedFrom })
    .where('id', '=', 1)
    .execute();
}

// ---- verifying ------------------------------------------------------------------------------

export interface AuditVerdict {
  ok: boolean;
  entries: number;
  /** the first entry that does not match, and why (what: a record or the external head, not an entry) */
  firstBad?: { seq: number; reason: string; what?: 'state' | 'head' | 'signature' };
}

export interface AuditCheck extends AuditVerdict {
  /** entries from this one on are signed; earlier ones predate signing */
  signedFrom: number;
  /** whether signatures were checked (a key was available), and where the key is or would be */
  signatures: { checked: boolean; keyWhere: string };
  /** records compared with the state the log holds for them, and records the log has no state for (written before signing began) */
  records: { checked: number; untracked: string[] };
  /** the external head, found at this entry with this many entries after it */
  externalHead?: { seq: number; after: number };
}

export interface CheckOptions {
  /** the audit key; without it signatures are not checked (and the result says so) */
  key?: Buffer;
  keyWhere?: string;
  /** a head kept outside the database: `SEQ:HASH` or `HASH` (from `audit head`) */
  head?: string;
  batch?: number;
}

/** Walks the whole chain in order, recomputing every hash, and compares the records with the log. */
export async function verifyAudit(db: Kysely<DB>, batch = 1000): Promise<AuditVerdict> {
  const r = await checkAudit(db, { batch });
  return { ok: r.ok, entries: r.entries, ...(r.firstBad ? { firstBad: r.firstBad } : {}) };
}

/** `SEQ:HASH` or `HASH`, as `audit head` prints it. */
export function parseHead(text: string): { seq?: number; hash: string } {
  const m = /^(?:(\d+):)?([0-9a-f]{64})$/.exec(text.trim().toLowerCase());
  if (!m)
    throw new Error(
      `--head: expected SEQ:HASH as \`steward audit head\` prints it (or the 64-hex-digit hash alone), found ${JSON.stringify(text.slice(0, 80))}`,
    );
  return { ...(m[1] !== undefined ? { seq: Number(m[1]) } : {}), hash: m[2]! };
}

export async function readHead(db: Kysely<DB>): Promise<{ seq: number; hash: string; signed: boolean }> {
  const head = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  return { seq: Number(head.seq), hash: head.hash, signed: head.sig !== null };
}

export async function checkAudit(db: Kysely<DB>, opts: CheckOptions = {}): Promise<AuditCheck> {
  const batch = opts.batch ?? 1000;
  const key = opts.key;
  const external = opts.head !== undefined ? parseHead(opts.head) : undefined;
  const headRow = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst();
  const signedFrom = headRow?.signed_from == null ? 1 : Number(headRow.signed_from);
  const result = (v: AuditVerdict, extra: Partial<AuditCheck> = {}): AuditCheck => ({
    ...v,
    signedFrom,
    signatures: { checked: key !== undefined, keyWhere: opts.keyWhere ?? '' },
    records: { checked: 0, untracked: [] },
    ...extra,
  });
  const states = new Map<string, { version: number; canon: string; cols?: StateColumns; seq: number }>();
  let externalAt: number | undefined;
  let prev = GENESIS_HASH;
  let expected = 1;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>=', expected).orderBy('seq').limit(batch).execute();
    for (const r of rows) {
      const seq = Number(r.seq);
      if (seq !== expected)
        return result({
          ok: false,
          entries: expected - 1,
          firstBad: { seq: expected, reason: `entry ${expected} is missing (next present is ${seq})` },
        });
      if (r.prev_hash !== prev)
        return result({
          ok: false,
          entries: seq - 1,
          firstBad: {
            seq,
            reason: `entry ${seq} links to ${r.prev_hash.slice(0, 12)}…, but entry ${seq - 1} hashes to ${prev.slice(0, 12)}…`,
          },
        });
      let data: Record<string, unknown>;
      try {
        data = JSON.parse(r.data) as Record<string, unknown>;
      } catch {
        return result({ ok: false, entries: seq - 1, firstBad: { seq, reason: `entry ${seq}'s data is not JSON` } });
      }
      const hash = entryHash(prev, { seq, at: r.at, actor: r.actor, action: r.action, subject: r.subject, data }, r.state);
      if (hash !== r.hash)
        return result({
          ok: false,
          entries: seq - 1,
          firstBad: {
            seq,
            reason: `entry ${seq} (${r.action} ${r.subject}) was altered: its content hashes to ${hash.slice(0, 12)}…, stored ${r.hash.slice(0, 12)}…`,
          },
        });
      if (key && seq >= signedFrom) {
        if (r.sig === null)
          return result({
            ok: false,
            entries: seq - 1,
            firstBad: {
              seq,
              what: 'signature',
              reason: `entry ${seq} (${r.action} ${r.subject}) is not signed, though signing began at entry ${signedFrom}: the log was rewritten without the key`,
            },
          });
        if (!sameHex(r.sig, entrySig(key, hash)))
          return result({
            ok: false,
            entries: seq - 1,
            firstBad: {
              seq,
              what: 'signature',
              reason: `entry ${seq} (${r.action} ${r.subject}) has a signature the audit key did not make: the chain was recomputed without the key (or the key is not this store's)`,
            },
          });
      }
      if (r.state !== null) {
        let state: Record<string, { version: number; doc: unknown; cols?: StateColumns }>;
        try {
          state = JSON.parse(r.state) as typeof state;
        } catch {
          return result({ ok: false, entries: seq - 1, firstBad: { seq, reason: `entry ${seq}'s state is not JSON` } });
        }
        for (const [k, v] of Object.entries(state))
          states.set(k, { version: Number(v.version), canon: canonicalJson(v.doc), ...(v.cols ? { cols: v.cols } : {}), seq });
      }
      if (external && hash === external.hash && (external.seq === undefined || external.seq === seq)) externalAt = seq;
      prev = r.hash;
      expected++;
    }
    if (rows.length < batch) break;
  }
  const last = expected - 1;
  if (!headRow || Number(headRow.seq) !== last || headRow.hash !== prev) {
    return result({
      ok: false,
      entries: last,
      firstBad: {
        seq: last + 1,
        reason: `the log ends at entry ${last} but its head records ${headRow ? `entry ${headRow.seq}` : 'nothing'}: entries were removed from the end`,
      },
    });
  }
  if (key && last >= signedFrom) {
    if (headRow.sig === null || !sameHex(headRow.sig, headSig(key, last, prev, signedFrom))) {
      return result({
        ok: false,
        entries: last,
        firstBad: {
          seq: last,
          what: 'signature',
          reason: `the head (entry ${last}) has ${headRow.sig === null ? 'no signature' : 'a signature the audit key did not make'}: it was rewritten without the key (entries cut from the end, or signing's start moved)`,
        },
      });
    }
  }

  // every application and project as the log last recorded it
  let checked = 0;
  const untracked: string[] = [];
  const seen = new Set<string>();
  for (const table of ['applications', 'projects'] as const) {
    const what = SUBJECT_OF[table]!;
    const rows = await db.selectFrom(table).select(['id', 'version', 'doc', 'status', 'key', 'sort']).orderBy('id').execute();
    for (const row of rows) {
      const k = `${table}:${row.id}`;
      seen.add(k);
      const logged = states.get(k);
      if (!logged) {
        if (signedFrom <= 1) {
          return result({
            ok: false,
            entries: last,
            firstBad: {
              seq: last,
              what: 'state',
              reason: `${what} ${row.id} is not in the audit log: it was written behind the log's back`,
            },
          });
        }
        untracked.push(`${what} ${row.id}`);
        continue;
      }
      let canon: string;
      try {
        canon = canonicalJson(JSON.parse(row.doc));
      } catch {
        canon = '';
      }
      if (canon !== logged.canon || Number(row.version) !== logged.version) {
        return result({
          ok: false,
          entries: last,
          firstBad: {
            seq: logged.seq,
            what: 'state',
            reason: `${what} ${row.id} was changed behind the log's back: its stored record (version ${row.version}) is not the state entry ${logged.seq} recorded (version ${logged.version})`,
          },
        });
      }
      // states logged before the columns were (their entries stay as signed) have none to compare
      const edited = logged.cols && (['status', 'key', 'sort'] as const).find((c) => String(row[c]) !== logged.cols![c]);
      if (edited) {
        return result({
          ok: false,
          entries: last,
          firstBad: {
            seq: logged.seq,
            what: 'state',
            reason: `${what} ${row.id} was changed behind the log's back: its ${edited} column is ${JSON.stringify(row[edited])}, where entry ${logged.seq} recorded ${JSON.stringify(logged.cols![edited])}`,
          },
        });
      }
      checked++;
    }
  }
  for (const [k, v] of states) {
    if (!seen.has(k)) {
      const [table, id] = k.split(/:(.*)/s) as [string, string];
      return result({
        ok: false,
        entries: last,
        firstBad: {
          seq: v.seq,
          what: 'state',
          reason: `${SUBJECT_OF[table] ?? table} ${id} is in the audit log (entry ${v.seq}) but not in the store: it was deleted behind the log's back`,
        },
      });
    }
  }
  const records = { checked, untracked };
  if (external) {
    if (externalAt === undefined) {
      return result(
        {
          ok: false,
          entries: last,
          firstBad: {
            seq: external.seq ?? last + 1,
            what: 'head',
            reason: `the head kept outside (${external.seq !== undefined ? `entry ${external.seq}, ` : ''}${external.hash.slice(0, 12)}…) is not in the log, which ends at entry ${last}: the log was cut back or rewritten after that head was taken`,
          },
        },
        { records },
      );
    }
    return result({ ok: true, entries: last }, { records, externalHead: { seq: externalAt, after: last - externalAt } });
  }
  return result({ ok: true, entries: last }, { records });
}

export async function readAudit(
  db: Kysely<DB>,
  opts: { subject?: string; limit?: number; newestFirst?: boolean } = {},
): Promise<(AuditRecord & { hash: string })[]> {
  let q = db
    .selectFrom('audit_log')
    .select(['seq', 'at', 'actor', 'action', 'subject', 'data', 'hash'])
    .orderBy('seq', opts.newestFirst ? 'desc' : 'asc');
  if (opts.subject) q = q.where('subject', '=', opts.subject);
  if (opts.limit) q = q.limit(opts.limit);
  const rows = await q.execute();
  return rows.map((r) => ({
    seq: Number(r.seq),
    at: r.at,
    actor: r.actor,
    action: r.action,
    subject: r.subject,
    data: JSON.parse(r.data) as Record<string, unknown>,
    hash: r.hash,
  }));
}
