// Reading and writing the process's records (applications, projects, sessions, amendments) as
// JSON documents with optimistic concurrency: a write names the version it read, and a write
// over a newer version fails with StaleWriteError so the caller can retry on fresh state.
import type { Kysely } from 'kysely';
import type { DB, DocTableName } from './schema.js';
import { noteState } from './audit.js';

export class StaleWriteError extends Error {
  override name = 'StaleWriteError';
}

export interface Versioned<T> {
  doc: T;
  version: number;
}

export interface DocColumns {
  id: string;
  status: string;
  key?: string;
  sort: string;
}

export async function getDoc<T>(db: Kysely<DB>, table: DocTableName, id: string): Promise<Versioned<T> | undefined> {
  const row = await db.selectFrom(table).select(['doc', 'version']).where('id', '=', id).executeTakeFirst();
  return row ? { doc: JSON.parse(row.doc) as T, version: Number(row.version) } : undefined;
}

export async function insertDoc(db: Kysely<DB>, table: DocTableName, cols: DocColumns, doc: unknown, now: string): Promise<void> {
  await db
    .insertInto(table)
    .values({
      id: cols.id,
      status: cols.status,
      key: cols.key ?? '',
      sort: cols.sort,
      version: 1,
      doc: JSON.stringify(doc),
      updated_at: now,
    })
    .execute();
  noteState(db, table, cols.id, 1, doc, { status: cols.status, key: cols.key ?? '', sort: cols.sort });
}

export async function updateDoc(
  db: Kysely<DB>,
  table: DocTableName,
  cols: DocColumns,
  doc: unknown,
  expectedVersion: number,
  now: string,
): Promise<void> {
  const r = await db
    .updateTable(table)
    .set({
      status: cols.status,
      key: cols.key ?? '',
      sort: cols.sort,
      version: expectedVersion + 1,
      doc: JSON.stringify(doc),
      updated_at: now,
    })
    .where('id', '=', cols.id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) {
    throw new StaleWriteError(`${table} ${cols.id}: changed by someone else since version ${expectedVersion} was read`);
  }
  noteState(db, table, cols.id, expectedVersion + 1, doc, { status: cols.status, key: cols.key ?? '', sort: cols.sort });
}

export async function listDocs<T>(db: Kysely<DB>, table: DocTableName, where: { status?: string[]; key?: string } = {}): Promise<T[]> {
  let q = db.selectFrom(table).select('doc').orderBy('sort').orderBy('id');
  if (where.status && where.status.length > 0) q = q.where('status', 'in', where.status);
  if (where.key !== undefined) q = q.where('key', '=', where.key);
  const rows = await q.execute();
  return rows.map((r) => JSON.parse(r.doc) as T);
}
