// Opens the store: SQLite (better-sqlite3) in a data directory by default, PostgreSQL when a
// database URL is given. Drivers are imported here, lazily, so nothing on `steward check`'s path
// loads them. Migrations run on open.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type Insertable, type Migration, type MigrationProvider } from 'kysely';
import type { DB } from './schema.js';
import { auditKeyRef, type AuditKeyRef } from './audit-key.js';
import { beginAuditTx, sealAudit } from './audit.js';
import * as initial from './migrations/2026-05-01-initial.js';
import * as jobs from './migrations/2026-12-01-jobs.js';
import * as web from './migrations/2026-12-01-web.js';
import * as webhooks from './migrations/2026-12-01-webhooks.js';
import * as auditSigning from './migrations/2026-12-02-audit-signing.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<DB>;
  dialect: Dialect;
  /** where the data lives, for messages: a file path or the URL without credentials */
  location: string;
  /** PostgreSQL schema the store works in; its migration tables live there too */
  schema?: string;
  /** the key that signs the audit log, kept outside the database (src/store/audit-key.ts) */
  auditKey: AuditKeyRef;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL connection string; when absent, SQLite in `dataDir` */
  databaseUrl?: string;
  /** PostgreSQL schema to work in (created if missing), e.g. to isolate a test run */
  pgSchema?: string;
  /** directory of the SQLite file (default ./.steward) */
  dataDir?: string;
  /** skip running migrations (they run by default) */
  migrate?: boolean;
  /**
   * the audit key file (default: $STEWARD_AUDIT_KEY, else $STEWARD_AUDIT_KEY_FILE, else
   * `audit.key` beside the SQLite file, or ~/.config/steward/audit.key for PostgreSQL)
   */
  auditKeyFile?: string;
}

/** Dated migrations, oldest first; add new ones at the end and never edit a released one. */
const MIGRATIONS: Record<string, Migration> = {
  '2026-05-01-initial': initial,
  '2026-12-01-jobs': jobs,
  '2026-12-01-web': web,
  '2026-12-01-webhooks': webhooks,
  '2026-12-02-audit-signing': auditSigning,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/**
 * The store the environment names: DATABASE_URL → PostgreSQL (in schema STEWARD_PG_SCHEMA when
 * set, so one database can hold several stores), else SQLite in STEWARD_DATA_DIR or ./.steward.
 */
export function optionsFromEnv(flags: { dataDir?: string; databaseUrl?: string } = {}, env: NodeJS.ProcessEnv = process.env): OpenOptions {
  const databaseUrl = flags.databaseUrl ?? env.DATABASE_URL;
  if (databaseUrl) return { databaseUrl, ...(env.STEWARD_PG_SCHEMA ? { pgSchema: env.STEWARD_PG_SCHEMA } : {}) };
  return { dataDir: flags.dataDir ?? env.STEWARD_DATA_DIR ?? '.steward' };
}

export async function openStore(opts: OpenOptions): Promise<Store> {
  const keyFile = opts.auditKeyFile !== undefined ? { keyFile: opts.auditKeyFile } : {};
  const store = opts.databaseUrl
    ? await openPostgres(opts.databaseUrl, opts.pgSchema, keyFile)
    : await openSqlite(opts.dataDir ?? '.steward', keyFile);
  if (opts.migrate !== false) {
    try {
      await migrate(store);
    } catch (err) {
      await store.close();
      throw err;
    }
  }
  return store;
}

async function openSqlite(dataDir: string, keyFile: { keyFile?: string }): Promise<Store> {
  const { default: Database } = await import('better-sqlite3');
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'steward.sqlite');
  const database = new Database(file);
  // WAL keeps readers off writers' backs; a committed transaction survives a killed process
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('busy_timeout = 10000');
  database.pragma('foreign_keys = ON');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database }) });
  return { db, dialect: 'sqlite', location: file, auditKey: auditKeyRef({ sqliteFile: file, ...keyFile }), close: () => db.destroy() };
}

async function openPostgres(url: string, schema: string | undefined, keyFile: { keyFile?: string }): Promise<Store> {
  const { default: pg } = await import('pg');
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) {
    throw new Error(`PostgreSQL schema must be a plain lower-case identifier, found ${JSON.stringify(schema)}`);
  }
  if (schema) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`create schema if not exists ${schema}`);
    } finally {
      await client.end();
    }
  }
  const pool = new pg.Pool({ connectionString: url, max: 4, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const location = url.replace(/\/\/[^@/]*@/, '//') + (schema ? ` (schema ${schema})` : '');
  return { db, dialect: 'postgres', location, ...(schema ? { schema } : {}), auditKey: auditKeyRef(keyFile), close: () => db.destroy() };
}

export async function migrate(store: Store): Promise<void> {
  // Kysely looks for its migration tables in every schema unless told which one: a store in its
  // own schema must not find (and wait on) another schema's kysely_migration_lock.
  const migrator = new Migrator({
    db: store.db,
    provider,
    ...(store.schema ? { migrationTableSchema: store.schema } : {}),
  });
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await migrator.migrateToLatest();
    if (!error) return;
    // kysely's Migrator asks whether its tables exist by listing the tables of every schema, by
    // name: a schema another store drops meanwhile fails that listing. Nothing was migrated then
    // (PostgreSQL rolls the migration transaction back), so it is asked again.
    if (attempt < 5 && otherSchemaDropped(error, store.schema)) continue;
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(
      `migrating ${store.location}${failed ? ` at ${failed.migrationName}` : ''}: ${(error as Error).message ?? String(error)}`,
    );
  }
}

/** Whether `error` is PostgreSQL's "schema … does not exist" about a schema other than `mine`. */
export function otherSchemaDropped(error: unknown, mine: string | undefined): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  if (!e || e.code !== '3F000' || typeof e.message !== 'string') return false;
  const named = /^schema "(.*)" does not exist$/.exec(e.message)?.[1];
  return named !== undefined && named !== (mine ?? 'public');
}

/**
 * Runs `fn` in one transaction. On SQLite it begins IMMEDIATE, so two processes writing the same
 * file wait for each other (busy_timeout) instead of failing when a reader upgrades to a writer.
 */
export async function inTransaction<T>(store: Store, fn: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  // the audit entries of the transaction are signed, and the records it wrote sealed into the
  // last of them, just before it commits (src/store/audit.ts)
  if (store.dialect === 'postgres') {
    return store.db.transaction().execute(async (trx) => {
      pgTransactions.add(trx);
      beginAuditTx(trx, store.auditKey);
      const result = await fn(trx);
      await sealAudit(trx);
      return result;
    });
  }
  return store.db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      beginAuditTx(conn, store.auditKey);
      const result = await fn(conn);
      await sealAudit(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (err) {
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw err;
    }
  });
}

/**
 * Makes transactions that name the same `key` run one after another, for a check-then-insert
 * that must be one step (one open application per repository). PostgreSQL: a transaction-scoped
 * advisory lock, per schema; a racing transaction waits here and then sees the winner's row.
 * SQLite: BEGIN IMMEDIATE already serialises every writer.
 */
export async function serialiseOn(trx: Kysely<DB>, dialect: Dialect, key: string): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`select pg_advisory_xact_lock(hashtextextended(current_schema() || ':' || ${key}, 0))`.execute(trx);
}

/** Transactions opened by inTransaction on PostgreSQL, which can allocate an id and insert in one statement. */
const pgTransactions = new WeakSet<object>();

type CountedTable = 'reports' | 'reviews' | 'outbox';

/**
 * Inserts a row whose id is the next value of the counter `name`, inside the caller's transaction.
 * On PostgreSQL the counter's increment and the insert are one statement (a data-modifying WITH),
 * a round trip fewer for every report, review step and notice; elsewhere nextId, then the insert.
 */
export async function insertWithNextId<T extends CountedTable>(
  trx: Kysely<DB>,
  name: string,
  table: T,
  values: Omit<Insertable<DB[T]>, 'id'>,
): Promise<number> {
  if (!pgTransactions.has(trx)) {
    const id = await nextId(trx, name);
    await trx
      .insertInto(table)
      .values({ ...values, id } as never)
      .execute();
    return id;
  }
  return (await pgInsertCounted(trx, name, table, values as Record<string, unknown>))!;
}

/**
 * insertWithNextId for a row that may be there already: `unique` names the columns of a unique
 * constraint, and a row with the same values in them is left alone (undefined; no id is taken
 * from the counter). On PostgreSQL one statement (ON CONFLICT DO NOTHING), else a look first.
 */
export async function insertOnceWithNextId<T extends CountedTable>(
  trx: Kysely<DB>,
  name: string,
  table: T,
  values: Omit<Insertable<DB[T]>, 'id'>,
  unique: string[],
): Promise<number | undefined> {
  const given = values as Record<string, unknown>;
  if (!pgTransactions.has(trx)) {
    const existing = await sql`select 1 from ${sql.table(table)} where ${sql.join(
      unique.map((c) => sql`${sql.ref(c)} = ${given[c]}`),
      sql` and `,
    )} limit 1`.execute(trx);
    return existing.rows.length > 0 ? undefined : insertWithNextId(trx, name, table, values);
  }
  // the counter moves on in the same statement even when the row is there: only the caller's
  // rollback (which follows "already there" in the process) gives that number back
  return pgInsertCounted(trx, name, table, given, unique);
}

/**
 * One PostgreSQL statement: the counter's row moved on by one (or made at 1, as nextId does) and
 * the row inserted with that value as its id; with `unique`, a row already there is left alone
 * (undefined).
 */
async function pgInsertCounted(
  trx: Kysely<DB>,
  name: string,
  table: CountedTable,
  values: Record<string, unknown>,
  unique?: string[],
): Promise<number | undefined> {
  const cols = Object.keys(values);
  const onConflict = unique ? sql`on conflict (${sql.join(unique.map((c) => sql.ref(c)))}) do nothing` : sql``;
  const row = await sql<{ id: number | string }>`with next_id as (
      insert into counters (name, value) values (${name}, 1)
      on conflict (name) do update set value = counters.value + 1 returning value
    )
    insert into ${sql.table(table)} (id, ${sql.join(cols.map((c) => sql.ref(c)))})
    values ((select value from next_id), ${sql.join(cols.map((c) => values[c]))})
    ${onConflict}
    returning id`.execute(trx);
  return row.rows[0] ? Number(row.rows[0].id) : undefined;
}

/** The next value of a named counter, allocated inside the caller's transaction. */
export async function nextId(trx: Kysely<DB>, name: string): Promise<number> {
  const row = await trx
    .updateTable('counters')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('name', '=', name)
    .returning('value')
    .executeTakeFirst();
  if (row) return Number(row.value);
  await trx.insertInto('counters').values({ name, value: 1 }).execute();
  return 1;
}
