// The durable job queue's table (src/jobs/sqlite-queue.ts) and the shared GitHub rate budget.
// Both stores get both tables so the schema stays one; on PostgreSQL the jobs themselves live in
// pg-boss's own tables and this one stays empty.
import { sql, type Kysely } from 'kysely';
import type { Schemaless } from './schemaless.js';

export async function up(db: Kysely<Schemaless>): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    // queued | active | failed (waiting for its retry) | completed | dead
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('singleton_key', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('retry_limit', 'integer', (c) => c.notNull())
    .addColumn('start_after', 'text', (c) => c.notNull())
    // who holds an active job and until when: an expired lease means its worker died
    .addColumn('lease_token', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('jobs_due').on('jobs').columns(['state', 'start_after', 'seq']).execute();
  await db.schema.createIndex('jobs_name_state').on('jobs').columns(['name', 'state']).execute();
  // the singleton rule as a constraint, so two enqueuers racing cannot both win
  await db.schema
    .createIndex('jobs_singleton')
    .on('jobs')
    .columns(['name', 'singleton_key'])
    .unique()
    .where(sql.ref('state'), 'in', sql`('queued', 'active', 'failed')`)
    .execute();
  await db.schema
    .createTable('rate_budget')
    .addColumn('token_id', 'text', (c) => c.primaryKey())
    .addColumn('remaining', 'integer', (c) => c.notNull())
    .addColumn('limit_total', 'integer', (c) => c.notNull())
    .addColumn('reset_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.insertInto('counters').values({ name: 'job', value: 0 }).execute();
}

export async function down(db: Kysely<Schemaless>): Promise<void> {
  await db.schema.dropTable('rate_budget').ifExists().execute();
  await db.schema.dropTable('jobs').ifExists().execute();
  await db.deleteFrom('counters').where('name', '=', 'job').execute();
}
