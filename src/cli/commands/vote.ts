// `steward vote open|cast|close|show`: the working group's vote on an application. Approved iff
// approvals exceed half of the roster snapshotted when the vote opened.
import { Argument, Command, Option } from 'commander';
import { InputError } from '../../util/errors.js';
import { printJson, storeOptions, withEngine, type StoreFlags } from './process-context.js';
import type { Application } from '../../process/types.js';
import { tally } from '../../process/voting.js';

/** An instant as a staff member reads it: the day, then the minute in UTC. */
const when = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

function describe(a: Application): string {
  const v = a.vote;
  if (!v) return `application ${a.id}: no vote`;
  const lines = [
    `application ${a.id} (${a.projectName}): vote opened ${when(v.openedAt)} by ${v.openedBy}${v.deadline ? `, deadline ${when(v.deadline)}` : ''}`,
    `  roster (${v.roster.length}): ${v.roster.join(', ')}`,
  ];
  const width = Math.max(0, ...[...v.roster, ...Object.keys(v.nonBinding)].map((m) => m.length)) + 1;
  for (const m of v.roster)
    lines.push(`  ${`${m}:`.padEnd(width)} ${v.ballots[m] ? `${v.ballots[m]!.choice.padEnd(7)} ${when(v.ballots[m]!.at)}` : '—'}`);
  for (const [who, b] of Object.entries(v.nonBinding))
    lines.push(`  ${`${who}:`.padEnd(width)} ${b.choice.padEnd(7)} non-binding: not on the roster`);
  if (v.result) {
    lines.push(
      `  closed ${when(v.closedAt!)}: ${v.result.approved ? 'APPROVED' : 'NOT APPROVED'} — ${v.result.approvals} approve, ${v.result.rejections} reject, ${v.result.abstentions} abstain, ${v.result.notVoted} did not vote; needed ${v.result.needed} of ${v.result.rosterSize}`,
    );
    if (a.status === 'IN_REVIEW')
      lines.push(`next: steward decision record ${a.id} ${v.result.approved ? 'ACCEPTED' : 'DECLINED'} --reason "…"`);
  } else {
    const t = tally(v);
    lines.push(
      `  open: ${t.approvals} approve, ${t.rejections} reject, ${t.abstentions} abstain so far, ${t.notVoted} not voted; approval needs ${t.needed} of ${t.rosterSize}`,
    );
    lines.push(
      `next: members vote with steward vote cast ${a.id} approve|reject|abstain --as <member>; staff closes with steward vote close ${a.id}`,
    );
  }
  return lines.join('\n') + '\n';
}

export function register(program: Command): void {
  const vote = program.command('vote').description("the working group's vote on an application");
  storeOptions(
    vote
      .command('open')
      .description('open the vote; the current working-group roster is snapshotted')
      .argument('<application-id>')
      .option('--deadline <instant>', 'when ballots stop counting (ISO date or instant)'),
  ).action(async (id: string, flags: StoreFlags & { deadline?: string }) => {
    let deadline: Date | undefined;
    if (flags.deadline) {
      deadline = new Date(/^\d{4}-\d{2}-\d{2}$/.test(flags.deadline) ? `${flags.deadline}T23:59:59Z` : flags.deadline);
      if (Number.isNaN(deadline.getTime()))
        throw new InputError(`--deadline: expected an ISO date or instant, found ${JSON.stringify(flags.deadline)}`);
    }
    await withEngine(flags, async ({ engine, actor }) => {
      const { openVote } = await import('../../process/engine-applications.js');
      process.stdout.write(describe(await openVote(engine, actor, id, deadline ? { deadline } : {})));
    });
  });
  storeOptions(
    vote
      .command('cast')
      .description('cast or change your ballot (non-members are recorded as non-binding)')
      .argument('<application-id>')
      .addArgument(new Argument('<choice>', 'approve, reject or abstain').choices(['approve', 'reject', 'abstain'])),
  ).action(async (id: string, choice: 'approve' | 'reject' | 'abstain', flags: StoreFlags) => {
    // without a named voter the ballot would be the local operator's, who is on no roster: a
    // member forgetting --as would see a non-binding ballot recorded in their place
    if (!(flags.as ?? process.env.STEWARD_ACTOR))
      throw new InputError('vote cast: expected the voter as --as <member> (or STEWARD_ACTOR); nothing was recorded');
    await withEngine(flags, async ({ engine, actor }) => {
      const { castVote, getApplication } = await import('../../process/engine-applications.js');
      const before = (await getApplication(engine, id)).vote;
      const previous = before?.ballots[actor.id]?.choice ?? before?.nonBinding[actor.id]?.choice;
      const a = await castVote(engine, actor, id, choice);
      const binding = a.vote!.roster.includes(actor.id);
      const change = previous === undefined ? '' : previous === choice ? ` (unchanged)` : ` (changed from ${previous})`;
      process.stdout.write(`${actor.id}: ${choice} on application ${id}${change}${binding ? '' : ' (non-binding: not on the roster)'}\n`);
    });
  });
  storeOptions(vote.command('close').description('close the vote (staff; anyone after the deadline)').argument('<application-id>')).action(
    async (id: string, flags: StoreFlags) => {
      await withEngine(flags, async ({ engine, actor }) => {
        const { closeVote } = await import('../../process/engine-applications.js');
        process.stdout.write(describe(await closeVote(engine, actor, id)));
      });
    },
  );
  storeOptions(
    vote
      .command('show')
      .description('the roster, every ballot and the result')
      .argument('<application-id>')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text')),
  ).action(async (id: string, flags: StoreFlags & { format: string }) => {
    await withEngine(flags, async ({ engine }) => {
      const { getApplication } = await import('../../process/engine-applications.js');
      const a = await getApplication(engine, id);
      if (flags.format === 'json') printJson(a.vote ?? null);
      else process.stdout.write(describe(a));
    });
  });
}
