// Who is signed in: local passwords, browser sessions and API tokens in the store. A session id
// or token is a random secret given to its holder once; only its SHA-256 is stored.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { getPerson, type DB, type Person } from '../../store/index.js';
import { hashPassword, verifyPassword } from './passwords.js';

export const SESSION_HOURS = 12;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const secret = () => randomBytes(32).toString('base64url');

export async function setPassword(db: Kysely<DB>, personId: string, password: string, now: Date): Promise<void> {
  const hash = await hashPassword(password);
  const r = await db
    .updateTable('web_passwords')
    .set({ hash, updated_at: now.toISOString() })
    .where('person_id', '=', personId)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0)
    await db.insertInto('web_passwords').values({ person_id: personId, hash, updated_at: now.toISOString() }).execute();
}

/** The person when the password matches theirs; undefined for a wrong password or an unknown id alike. */
export async function checkPassword(db: Kysely<DB>, personId: string, password: string): Promise<Person | undefined> {
  const row = await db.selectFrom('web_passwords').select('hash').where('person_id', '=', personId).executeTakeFirst();
  if (!row || !(await verifyPassword(password, row.hash))) return undefined;
  return getPerson(db, personId);
}

export async function createSession(db: Kysely<DB>, personId: string, now: Date): Promise<string> {
  const id = secret();
  const expires = new Date(now.getTime() + SESSION_HOURS * 3600_000);
  await db
    .insertInto('web_sessions')
    .values({ id_hash: sha256(id), person_id: personId, created_at: now.toISOString(), expires_at: expires.toISOString() })
    .execute();
  return id;
}

export async function sessionPersonId(db: Kysely<DB>, id: string, now: Date): Promise<string | undefined> {
  const row = await db.selectFrom('web_sessions').select(['person_id', 'expires_at']).where('id_hash', '=', sha256(id)).executeTakeFirst();
  if (!row || row.expires_at <= now.toISOString()) return undefined;
  return row.person_id;
}

export async function endSession(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('web_sessions').where('id_hash', '=', sha256(id)).execute();
}

export async function createToken(db: Kysely<DB>, personId: string, label: string, now: Date): Promise<string> {
  const token = `stw_${secret()}`;
  await db
    .insertInto('api_tokens')
    .values({ id_hash: sha256(token), person_id: personId, label, created_at: now.toISOString() })
    .execute();
  return token;
}

export async function tokenPersonId(db: Kysely<DB>, token: string): Promise<string | undefined> {
  const row = await db.selectFrom('api_tokens').select('person_id').where('id_hash', '=', sha256(token)).executeTakeFirst();
  return row?.person_id;
}
