// Who may do what, and the rosters that vote: staff add, update and remove people, each change
// audited. A dated change (`--on`) may not come before the latest change already recorded for
// that person, so their role and rosters over time stay in order; undated changes are today's.
import type { Kysely } from 'kysely';
import { getPerson, inTransaction, readAudit, removePerson, upsertPerson, type DB, type Person } from '../store/index.js';
import { assertInOrder, assertWritableDay, type Engine, record } from './engine.js';
import { notAllowed, ProcessError } from './errors.js';
import type { Actor } from './types.js';

export interface PersonChange {
  id: string;
  role: 'staff' | 'member' | 'applicant';
  /** each left out keeps what the person has (nothing, for someone new) */
  email?: string;
  githubLogin?: string;
  wg?: boolean;
  tac?: boolean;
}

async function inOrder(eng: Engine, trx: Kysely<DB>, id: string, now: Date): Promise<void> {
  if (!eng.on) return;
  let latest: { on: string; event: string } | undefined;
  for (const e of await readAudit(trx, { subject: `person:${id}` })) {
    const on = ((e.data['dated'] as { on?: string } | undefined)?.on ?? e.at).slice(0, 10);
    if (!latest || on >= latest.on) latest = { on, event: e.action === 'person.removed' ? 'removed' : 'role or rosters set' };
  }
  assertInOrder(eng, `person ${id}`, latest, now.toISOString().slice(0, 10));
}

/** Adds a person or updates one; an update names what changes (correcting an e-mail keeps the rosters). */
export async function setPerson(eng: Engine, actor: Actor, change: PersonChange): Promise<Person> {
  if (actor.role !== 'staff') throw new ProcessError('forbidden', `people add: needs role staff; ${notAllowed(actor, ['staff'])}`);
  assertWritableDay(eng);
  const now = eng.clock.now();
  const { id, role } = change;
  return inTransaction(eng.store, async (trx) => {
    await inOrder(eng, trx, id, now);
    const before = await getPerson(trx, id);
    const p = {
      id,
      role,
      email: change.email ?? before?.email ?? null,
      wg: change.wg ?? before?.wg ?? false,
      tac: change.tac ?? before?.tac ?? false,
      githubLogin: change.githubLogin ?? before?.githubLogin ?? null,
    };
    await upsertPerson(trx, p, now.toISOString());
    await record(
      trx,
      actor,
      now,
      `person:${id}`,
      [],
      [
        {
          action: 'person.set',
          subject: `person:${id}`,
          data: { role, wg: p.wg, tac: p.tac, ...(p.githubLogin ? { githubLogin: p.githubLogin } : {}) },
        },
      ],
    );
    return p;
  });
}

/** Removes a person; open votes keep the roster they opened with. */
export async function dropPerson(eng: Engine, actor: Actor, id: string): Promise<void> {
  if (actor.role !== 'staff') throw new ProcessError('forbidden', `people remove: needs role staff; ${notAllowed(actor, ['staff'])}`);
  assertWritableDay(eng);
  const now = eng.clock.now();
  const removed = await inTransaction(eng.store, async (trx) => {
    await inOrder(eng, trx, id, now);
    const ok = await removePerson(trx, id);
    if (ok) await record(trx, actor, now, `person:${id}`, [], [{ action: 'person.removed', subject: `person:${id}`, data: {} }]);
    return ok;
  });
  if (!removed) throw new ProcessError('not-found', `person ${JSON.stringify(id)} does not exist`);
}
