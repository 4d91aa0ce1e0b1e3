// The web app's sign-in records: local passwords (scrypt hashes), browser sessions and API tokens.
// Sessions and tokens are stored by the SHA-256 of their secret, so a read of the database does
// not give anyone a usable cookie or token.
import type { Kysely } from 'kysely';
import type { Schemaless } from './schemaless.js';

export async function up(db: Kysely<Schemaless>): Promise<void> {
  await db.schema
    .createTable('web_passwords')
    .addColumn('person_id', 'text', (c) => c.primaryKey())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('web_sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('api_tokens')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<Schemaless>): Promise<void> {
  for (const t of ['api_tokens', 'web_sessions', 'web_passwords']) await db.schema.dropTable(t).ifExists().execute();
}
