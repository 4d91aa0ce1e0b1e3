// The GitHub App's tables: the deliveries already taken (a redelivery is acknowledged and
// dropped), what it keeps per application thread (the comment it edits in place, the vote
// comment, whether the reminder went out), and each person's GitHub login on the roster.
import type { Kysely } from 'kysely';
import type { Schemaless } from './schemaless.js';

export async function up(db: Kysely<Schemaless>): Promise<void> {
  await db.schema
    .createTable('github_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('github_threads')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('people').addColumn('github_login', 'text').execute();
}
