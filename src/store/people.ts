// Who is who: roles, the working-group roster (votes on applications) and the TAC roster
// (votes on policy amendments), and the adopted policy versions.
import type { Kysely } from 'kysely';
import type { DB } from './schema.js';
import { isEmail } from '../util/email.js';
import { InputError } from '../util/errors.js';

export interface Person {
  id: string;
  role: 'applicant' | 'member' | 'staff' | 'public';
  email: string | null;
  wg: boolean;
  tac: boolean;
  /** their GitHub login when it differs from the id */
  githubLogin?: string | null;
}

export async function upsertPerson(db: Kysely<DB>, p: Person, now: string): Promise<void> {
  // notices go to this address: a CR/LF or a second address in it would ride into a mail header
  if (p.email !== null && !isEmail(p.email))
    throw new InputError(`${p.id}: e-mail ${JSON.stringify(p.email)} is not an address; expected one mailbox like name@example.org`);
  const values = {
    role: p.role,
    email: p.email,
    in_wg: p.wg ? 1 : 0,
    in_tac: p.tac ? 1 : 0,
    ...(p.githubLogin !== undefined ? { github_login: p.githubLogin } : {}),
  };
  const r = await db.updateTable('people').set(values).where('id', '=', p.id).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0)
    await db
      .insertInto('people')
      .values({ id: p.id, ...values, added_at: now })
      .execute();
}

export async function removePerson(db: Kysely<DB>, id: string): Promise<boolean> {
  const r = await db.deleteFrom('people').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

export async function getPerson(db: Kysely<DB>, id: string): Promise<Person | undefined> {
  const r = await db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? personOf(r) : undefined;
}

export async function listPeople(db: Kysely<DB>): Promise<Person[]> {
  const rows = await db.selectFrom('people').selectAll().orderBy('id').execute();
  return rows.map(personOf);
}

function personOf(r: {
  id: string;
  role: string;
  email: string | null;
  in_wg: number;
  in_tac: number;
  github_login: string | null;
}): Person {
  return {
    id: r.id,
    role: r.role as Person['role'],
    email: r.email,
    wg: Number(r.in_wg) === 1,
    tac: Number(r.in_tac) === 1,
    githubLogin: r.github_login,
  };
}

/** The person a GitHub login belongs to: by their recorded login, else by an id equal to it (without case). */
export async function personByGithubLogin(db: Kysely<DB>, login: string): Promise<Person | undefined> {
  const l = login.toLowerCase();
  const all = await listPeople(db);
  return all.find((p) => p.githubLogin?.toLowerCase() === l) ?? all.find((p) => !p.githubLogin && p.id.toLowerCase() === l);
}

export async function roster(db: Kysely<DB>, which: 'wg' | 'tac'): Promise<string[]> {
  const rows = await db
    .selectFrom('people')
    .select('id')
    .where(which === 'wg' ? 'in_wg' : 'in_tac', '=', 1)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

export interface PolicyVersionRow {
  policyId: string;
  version: string;
  effectiveOn: string;
  text: string;
  adoptedAt: string;
  amendmentId: string | null;
}

export async function insertPolicyVersion(db: Kysely<DB>, v: PolicyVersionRow): Promise<void> {
  await db
    .insertInto('policy_versions')
    .values({
      policy_id: v.policyId,
      version: v.version,
      effective_on: v.effectiveOn,
      text: v.text,
      adopted_at: v.adoptedAt,
      amendment_id: v.amendmentId,
    })
    .execute();
}

export async function listPolicyVersions(db: Kysely<DB>): Promise<PolicyVersionRow[]> {
  const rows = await db.selectFrom('policy_versions').selectAll().orderBy('effective_on').orderBy('adopted_at').execute();
  return rows.map((r) => ({
    policyId: r.policy_id,
    version: r.version,
    effectiveOn: r.effective_on,
    text: r.text,
    adoptedAt: r.adopted_at,
    amendmentId: r.amendment_id,
  }));
}
