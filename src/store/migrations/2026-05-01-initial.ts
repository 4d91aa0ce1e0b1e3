// The first schema. Migrations are dated and never edited once released: change by adding one.
import type { Kysely } from 'kysely';
import type { Schemaless } from './schemaless.js';

const DOC_TABLES = ['applications', 'projects', 'sessions', 'amendments'] as const;

export async function up(db: Kysely<Schemaless>): Promise<void> {
  await db.schema
    .createTable('counters')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .execute();
  for (const t of DOC_TABLES) {
    await db.schema
      .createTable(t)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('sort', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('doc', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex(`${t}_status_sort`).on(t).columns(['status', 'sort']).execute();
    await db.schema.createIndex(`${t}_key`).on(t).column('key').execute();
  }
  await db.schema
    .createTable('people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('in_wg', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('in_tac', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('policy_versions')
    .addColumn('policy_id', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('effective_on', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('adopted_at', 'text', (c) => c.notNull())
    .addColumn('amendment_id', 'text')
    .addPrimaryKeyConstraint('policy_versions_pk', ['policy_id', 'version'])
    .execute();
  await db.schema
    .createTable('reports')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('repo_key', 'text', (c) => c.notNull())
    .addColumn('commit', 'text', (c) => c.notNull())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('policy_id', 'text', (c) => c.notNull())
    .addColumn('policy_version', 'text', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('report', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reports_subject').on('reports').columns(['subject', 'id']).execute();
  await db.schema.createIndex('reports_repo').on('reports').columns(['repo_key', 'id']).execute();
  await db.schema
    .createTable('reviews')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('step_key', 'text', (c) => c.notNull())
    .addColumn('reviewed_on', 'text', (c) => c.notNull())
    .addColumn('report_id', 'integer')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addUniqueConstraint('reviews_once', ['project_id', 'step_key'])
    .execute();
  await db.schema
    .createTable('outbox')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('recipients', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('claimed_until', 'text')
    .addColumn('delivered_at', 'text')
    .addColumn('message_id', 'text')
    .addColumn('last_error', 'text')
    .execute();
  await db.schema.createIndex('outbox_due').on('outbox').columns(['status', 'next_attempt_at']).execute();
  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db
    .insertInto('audit_head')
    .values({ id: 1, seq: 0, hash: '0'.repeat(64) })
    .execute();
  // seeded so concurrent first uses update a row instead of racing to insert it
  await db
    .insertInto('counters')
    .values(['application', 'session', 'amendment', 'report', 'review', 'outbox'].map((name) => ({ name, value: 0 })))
    .execute();
}

export async function down(db: Kysely<Schemaless>): Promise<void> {
  for (const t of ['audit_log', 'audit_head', 'outbox', 'reviews', 'reports', 'policy_versions', 'people', ...DOC_TABLES, 'counters']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
