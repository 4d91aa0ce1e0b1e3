// Signed audit entries and state tied to the log. Each entry from now on carries an HMAC of its
// hash (`sig`, with a key kept outside the database) and, when its transaction wrote
// applications or projects, their new state (`state`, covered by the hash). The head is signed
// too and says from which entry signing began: entries of a store older than this migration stay
// as they were (hash-chained, unsigned), and the first signed entry's link protects them.
import { sql, type Kysely } from 'kysely';
import type { Schemaless } from './schemaless.js';

export async function up(db: Kysely<Schemaless>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('sig', 'text').execute();
  await db.schema.alterTable('audit_log').addColumn('state', 'text').execute();
  await db.schema.alterTable('audit_head').addColumn('sig', 'text').execute();
  await db.schema.alterTable('audit_head').addColumn('signed_from', 'integer').execute();
  await sql`update audit_head set signed_from = seq + 1 where id = 1`.execute(db);
}
