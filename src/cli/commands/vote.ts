// `steward vote open|cast|close|show`: the working group's vote on an application. Approved iff
// approvals exceed half of the roster snapshotted when the vote opened.
import { Argument, Command, Option } from 'commander';
import { InputError } from '../../util/errors.js';
import { printJson, storeOptions, withEngine, type StoreFlags } from './process-context.js';
import type { Application } from '../../process/types.js';

function describe(a: Application): string {
  const v = a.vote;
  if (!v) return `application ${a.id}: no vote`;
  const lines = [`application ${a.id} (${a.projectName}): vote opened ${v.openedAt} by ${v.openedBy}${v.deadline ? `, deadline ${v.deadline}` : ''}`, `  roster (${v.roster.length}): ${v.roster.join(', ')}`];
  for (const m of v.roster) lines.push(`  ${m}: ${v.ballots[m] ? `${v.ballots[m]!.choice} (${v.ballots[m]!.at})` : '—'}`);
  for (const [who, b] of Object.entries(v.nonBinding)) lines.push(`  ${who}: ${b.choice} (non-binding: not on the roster)`);
  if (v.result) lines.push(`  closed ${v.closedAt}: ${v.result.approved ? 'APPROVED' : 'NOT APPROVED'} — ${v.result.approvals} approve, ${v.result.rejections} reject, ${v.result.abstentions} abstain, ${v.result.notVoted} did not vote; needed ${v.result.needed} of ${v.result.rosterSize}`);
  return lines.join('\n') + '\n';
}

export function register(program: Command): void {
  const vote = program.command('vote').description("the working group's vote on an application");
  storeOptions(vote.command('open').description('open the vote; the current working-group roster is snapshotted').argument('<application-id>').option('--deadline <instant>', 'when ballots stop counting (ISO date or instant)')).action(
    async (id: string, flags: StoreFlags & { deadline?: string }) => {
      let deadline: Date | undefined;
      if (flags.deadline) {
        deadline = new Date(/^\d{4}-\d{2}-\d{2}$/.test(flags.deadline) ? `${flags.deadline}T23:59:59Z` : flags.deadline);
        if (Number.isNaN(deadline.getTime())) throw new InputError(`--deadline: expected an ISO date or instant, found ${JSON.stringify(flags.deadline)}`);
      }
      await withEngine(flags, async ({ engine, actor }) => {
        const { openVote } = await import('../../process/engine-applications.js');
        process.stdout.write(describe(await openVote(engine, actor, id, deadline ? { deadline } : {})));
      });
    },
  );
  storeOptions(
    vote
      .command('cast')
      .description('cast or change your ballot (non-members are recorded as non-binding)')
      .argument('<application-id>')
      .addArgument(new Argument('<choice>', 'approve, reject or abstain').choices(['approve', 'reject', 'abstain'])),
  ).action(async (id: string, choice: 'approve' | 'reject' | 'abstain', flags: StoreFlags) => {
    await withEngine(flags, async ({ engine, actor }) => {
      const { castVote } = await import('../../process/engine-applications.js');
      const a = await castVote(engine, actor, id, choice);
      const binding = a.vote!.roster.includes(actor.id);
      process.stdout.write(`${actor.id}: ${choice} on application ${id}${binding ? '' : ' (non-binding: not on the roster)'}\n`);
    });
  });
  storeOptions(vote.command('close').description('close the vote (staff; anyone after the deadline)').argument('<application-id>')).action(async (id: string, flags: StoreFlags) => {
    await withEngine(flags, async ({ engine, actor }) => {
      const { closeVote } = await import('../../process/engine-applications.js');
      process.stdout.write(describe(await closeVote(engine, actor, id)));
    });
  });
  storeOptions(vote.command('show').description('the roster, every ballot and the result').argument('<application-id>').addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))).action(
    async (id: string, flags: StoreFlags & { format: string }) => {
      await withEngine(flags, async ({ engine }) => {
        const { getApplication } = await import('../../process/engine-applications.js');
        const a = await getApplication(engine, id);
        if (flags.format === 'json') printJson(a.vote ?? null);
        else process.stdout.write(describe(a));
      });
    },
  );
}
