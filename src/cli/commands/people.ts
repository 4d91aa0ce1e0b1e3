// `steward people add|remove|list`: who may do what (staff, member, applicant) and the rosters
// that vote: the working group (--wg, applications) and the TAC (--tac, policy amendments).
import { Argument, Command } from 'commander';
import type { Kysely } from 'kysely';
import type { Engine } from '../../process/engine.js';
import type { DB } from '../../store/index.js';
import { storeOptions, withEngine, type StoreFlags } from './process-context.js';

/**
 * A dated change (`--on`) to a person may not come before the latest change already recorded for
 * them (their role and rosters over time stay in order); undated changes are today's.
 */
async function inOrder(engine: Engine, trx: Kysely<DB>, id: string, now: Date): Promise<void> {
  if (!engine.on) return;
  const [{ readAudit }, { assertInOrder }] = await Promise.all([import('../../store/index.js'), import('../../process/engine.js')]);
  let latest: { on: string; event: string } | undefined;
  for (const e of await readAudit(trx, { subject: `person:${id}` })) {
    const on = ((e.data['dated'] as { on?: string } | undefined)?.on ?? e.at).slice(0, 10);
    if (!latest || on >= latest.on) latest = { on, event: e.action === 'person.removed' ? 'removed' : 'role or rosters set' };
  }
  assertInOrder(engine, `person ${id}`, latest, now.toISOString().slice(0, 10));
}

export function register(program: Command): void {
  const people = program.command('people').description('roles and voting rosters');
  storeOptions(
    people
      .command('add')
      .description('add or update a person')
      .argument('<id>', 'GitHub login or e-mail')
      .addArgument(new Argument('<role>').choices(['staff', 'member', 'applicant']))
      .option('--email <address>', 'where their notices go (kept when updating without it)')
      .option('--github <login>', 'their GitHub login, when the id is not it: the GitHub App knows people by login (kept when updating without it)')
      .option('--wg', 'a voting member of the working group')
      .option('--no-wg', 'no longer on the working group (updating without --wg/--no-wg keeps it)')
      .option('--tac', 'a member of the TAC (votes on amendments)')
      .option('--no-tac', 'no longer on the TAC'),
  ).action(async (id: string, role: 'staff' | 'member' | 'applicant', flags: StoreFlags & { email?: string; github?: string; wg?: boolean; tac?: boolean }) => {
    await withEngine(flags, async ({ store, actor, engine }) => {
      const [{ upsertPerson, inTransaction, getPerson }, { ProcessError, notAllowed }, { assertWritableDay, record }] = await Promise.all([import('../../store/index.js'), import('../../process/errors.js'), import('../../process/engine.js')]);
      if (actor.role !== 'staff') throw new ProcessError('forbidden', `people add: needs role staff; ${notAllowed(actor, ['staff'])}`);
      assertWritableDay(engine);
      const now = engine.clock.now();
      const person = await inTransaction(store, async (trx) => {
        await inOrder(engine, trx, id, now);
        // an update names what changes: correcting an e-mail must not drop someone from a roster
        const before = await getPerson(trx, id);
        const p = { id, role, email: flags.email ?? before?.email ?? null, wg: flags.wg ?? before?.wg ?? false, tac: flags.tac ?? before?.tac ?? false, githubLogin: flags.github ?? before?.githubLogin ?? null };
        await upsertPerson(trx, p, now.toISOString());
        await record(trx, actor, now, `person:${id}`, [], [{ action: 'person.set', subject: `person:${id}`, data: { role, wg: p.wg, tac: p.tac, ...(p.githubLogin ? { githubLogin: p.githubLogin } : {}) } }]);
        return p;
      });
      process.stdout.write(`${id}: ${role}${person.wg ? ', working group' : ''}${person.tac ? ', TAC' : ''}${person.email ? ` <${person.email}>` : ''}${person.githubLogin ? `, GitHub @${person.githubLogin}` : ''}\n`);
    });
  });
  storeOptions(people.command('remove').description('remove a person (open votes keep the roster they opened with)').argument('<id>')).action(async (id: string, flags: StoreFlags) => {
    await withEngine(flags, async ({ store, actor, engine }) => {
      const [{ removePerson, inTransaction }, { ProcessError, notAllowed }, { assertWritableDay, record }] = await Promise.all([import('../../store/index.js'), import('../../process/errors.js'), import('../../process/engine.js')]);
      if (actor.role !== 'staff') throw new ProcessError('forbidden', `people remove: needs role staff; ${notAllowed(actor, ['staff'])}`);
      assertWritableDay(engine);
      const now = engine.clock.now();
      const removed = await inTransaction(store, async (trx) => {
        await inOrder(engine, trx, id, now);
        const ok = await removePerson(trx, id);
        if (ok) await record(trx, actor, now, `person:${id}`, [], [{ action: 'person.removed', subject: `person:${id}`, data: {} }]);
        return ok;
      });
      if (!removed) throw new ProcessError('not-found', `person ${JSON.stringify(id)} does not exist`);
      process.stdout.write(`${id}: removed\n`);
    });
  });
  storeOptions(people.command('list').description('everyone with a role: id, role, rosters, e-mail')).action(async (flags: StoreFlags) => {
    await withEngine(flags, async ({ store }) => {
      const { listPeople } = await import('../../store/index.js');
      for (const p of await listPeople(store.db)) process.stdout.write(`${p.id.padEnd(20)} ${p.role.padEnd(9)} ${p.wg ? 'WG ' : '   '}${p.tac ? 'TAC' : '   '} ${p.email ?? ''}${p.githubLogin ? ` @${p.githubLogin}` : ''}\n`);
    });
  });
}
