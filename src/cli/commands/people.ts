// `steward people add|remove|list`: who may do what (staff, member, applicant) and the rosters
// that vote: the working group (--wg, applications) and the TAC (--tac, policy amendments).
import { Argument, Command } from 'commander';
import { storeOptions, withEngine, type StoreFlags } from './process-context.js';

export function register(program: Command): void {
  const people = program.command('people').description('roles and voting rosters');
  storeOptions(
    people
      .command('add')
      .description('add or update a person')
      .argument('<id>', 'GitHub login or e-mail')
      .addArgument(new Argument('<role>').choices(['staff', 'member', 'applicant']))
      .option('--email <address>', 'where their notices go (kept when updating without it)')
      .option(
        '--github <login>',
        'their GitHub login, when the id is not it: the GitHub App knows people by login (kept when updating without it)',
      )
      .option('--wg', 'a voting member of the working group')
      .option('--no-wg', 'no longer on the working group (updating without --wg/--no-wg keeps it)')
      .option('--tac', 'a member of the TAC (votes on amendments)')
      .option('--no-tac', 'no longer on the TAC'),
  ).action(
    async (
      id: string,
      role: 'staff' | 'member' | 'applicant',
      flags: StoreFlags & { email?: string; github?: string; wg?: boolean; tac?: boolean },
    ) => {
      await withEngine(flags, async ({ actor, engine }) => {
        const { setPerson } = await import('../../process/engine-people.js');
        const person = await setPerson(engine, actor, {
          id,
          role,
          ...(flags.email !== undefined ? { email: flags.email } : {}),
          ...(flags.github !== undefined ? { githubLogin: flags.github } : {}),
          ...(flags.wg !== undefined ? { wg: flags.wg } : {}),
          ...(flags.tac !== undefined ? { tac: flags.tac } : {}),
        });
        process.stdout.write(
          `${id}: ${role}${person.wg ? ', working group' : ''}${person.tac ? ', TAC' : ''}${person.email ? ` <${person.email}>` : ''}${person.githubLogin ? `, GitHub @${person.githubLogin}` : ''}\n`,
        );
      });
    },
  );
  storeOptions(
    people.command('remove').description('remove a person (open votes keep the roster they opened with)').argument('<id>'),
  ).action(async (id: string, flags: StoreFlags) => {
    await withEngine(flags, async ({ actor, engine }) => {
      const { dropPerson } = await import('../../process/engine-people.js');
      await dropPerson(engine, actor, id);
      process.stdout.write(`${id}: removed\n`);
    });
  });
  storeOptions(people.command('list').description('everyone with a role: id, role, rosters, e-mail')).action(async (flags: StoreFlags) => {
    await withEngine(flags, async ({ store }) => {
      const { listPeople } = await import('../../store/index.js');
      for (const p of await listPeople(store.db))
        process.stdout.write(
          `${p.id.padEnd(20)} ${p.role.padEnd(9)} ${p.wg ? 'WG ' : '   '}${p.tac ? 'TAC' : '   '} ${p.email ?? ''}${p.githubLogin ? ` @${p.githubLogin}` : ''}\n`,
        );
    });
  });
}
