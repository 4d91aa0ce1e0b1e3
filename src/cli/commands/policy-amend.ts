// `steward amendment propose|open|cast|close|list`: policy amendments voted by the TAC roster
// under its own rule (--rule, default more than half); adopted, they become a policy version
// with an effective date.
import { Argument, Command, Option } from 'commander';
import { InputError } from '../../util/errors.js';
import { printJson, storeOptions, withEngine, type StoreFlags } from './process-context.js';
import type { Amendment, VoteRule } from '../../process/types.js';

/** `more-than-half` (default), or a fraction like `2/3` (reach it) or `>2/3` (exceed it). */
export function parseRule(text: string | undefined): VoteRule | undefined {
  if (!text) return undefined;
  if (text === 'more-than-half') return { fraction: 0.5, strict: true };
  const m = /^(>)?(\d+)\/(\d+)$/.exec(text.trim());
  if (!m || Number(m[3]) === 0 || Number(m[2]) > Number(m[3]))
    throw new InputError(`--rule: expected more-than-half, N/D or >N/D (e.g. 2/3), found ${JSON.stringify(text)}`);
  return { fraction: Number(m[2]) / Number(m[3]), strict: m[1] === '>' };
}

const line = (a: Amendment) =>
  `amendment ${a.id}: ${a.status} — ${a.summary} (policy ${a.policyId}@${a.policyVersion}, effective ${a.effectiveOn})${a.vote?.result ? `; ${a.vote.result.approvals} of ${a.vote.result.rosterSize} approved, needed ${a.vote.result.needed}` : ''}\n`;

export function register(program: Command): void {
  const am = program.command('amendment').description('policy amendments voted by the TAC');
  const ruleOpt = '--rule <rule>';
  const ruleHelp = 'the TAC vote rule: more-than-half, N/D or >N/D (default $STEWARD_TAC_RULE or more-than-half)';
  storeOptions(
    am
      .command('propose')
      .description('propose a new policy version')
      .argument('<policy.yml>')
      .requiredOption('--summary <text>', 'what changes and why')
      .requiredOption('--effective <date>', 'YYYY-MM-DD from which it judges'),
  ).action(async (file: string, flags: StoreFlags & { summary: string; effective: string }) => {
    const { readRegularText } = await import('../../util/read-file.js');
    const policyText = readRegularText(file);
    await withEngine(flags, async ({ engine, actor }) => {
      const { proposeAmendment } = await import('../../process/engine-amendments.js');
      process.stdout.write(
        line(await proposeAmendment(engine, actor, { summary: flags.summary, policyText, effectiveOn: flags.effective })),
      );
    });
  });
  for (const name of ['open', 'close'] as const) {
    storeOptions(
      am
        .command(name)
        .description(name === 'open' ? 'open the TAC vote (roster snapshotted)' : 'close the vote: adopted or rejected')
        .argument('<id>')
        .option(ruleOpt, ruleHelp),
    ).action(async (id: string, flags: StoreFlags & { rule?: string }) => {
      const rule = parseRule(flags.rule ?? process.env.STEWARD_TAC_RULE);
      await withEngine(flags, async ({ engine, actor }) => {
        const m = await import('../../process/engine-amendments.js');
        if (name === 'open' && rule) engine.tacRule = rule;
        // at close a rule may only restate the one the vote opened under ($STEWARD_TAC_RULE is a default for opening)
        const closeRule = name === 'close' && flags.rule ? rule : undefined;
        process.stdout.write(
          line(await (name === 'open' ? m.openAmendmentVote(engine, actor, id) : m.closeAmendmentVote(engine, actor, id, closeRule))),
        );
      });
    });
  }
  storeOptions(
    am
      .command('cast')
      .description('cast or change your ballot on an amendment (--as a TAC member; others are recorded as non-binding)')
      .argument('<id>')
      .addArgument(new Argument('<choice>').choices(['approve', 'reject', 'abstain'])),
  ).action(async (id: string, choice: 'approve' | 'reject' | 'abstain', flags: StoreFlags) => {
    await withEngine(flags, async ({ engine, actor }) => {
      const { castAmendmentVote } = await import('../../process/engine-amendments.js');
      const a = await castAmendmentVote(engine, actor, id, choice);
      process.stdout.write(
        `${actor.id}: ${choice} on amendment ${id}${a.vote!.roster.includes(actor.id) ? '' : ' (non-binding: not on the TAC roster)'}\n`,
      );
    });
  });
  const formatOpt = () => new Option('--format <format>', 'output format').choices(['text', 'json']).default('text');
  storeOptions(
    am
      .command('list')
      .description('every amendment, and the policy version in force')
      .option('--json', 'as JSON (the same as --format json)')
      .addOption(formatOpt()),
  ).action(async (flags: StoreFlags & { json?: boolean; format: string }) => {
    await withEngine(flags, async ({ engine }) => {
      const { listAmendments, policyOn } = await import('../../process/engine-amendments.js');
      const list = await listAmendments(engine);
      const day = engine.on ?? new Date().toISOString().slice(0, 10);
      const current = await policyOn(engine, day);
      if (flags.json || flags.format === 'json')
        return printJson({ amendments: list, inForce: { id: current.id, version: current.version, on: day } });
      for (const a of list) process.stdout.write(line(a));
      process.stdout.write(`in force ${engine.on ? `on ${day}` : 'today'}: ${current.id}@${current.version}\n`);
    });
  });
  storeOptions(
    am
      .command('show')
      .description('one amendment: the proposal, the vote with its running tally, the result')
      .argument('<id>')
      .addOption(formatOpt()),
  ).action(async (id: string, flags: StoreFlags & { format: string }) => {
    await withEngine(flags, async ({ engine }) => {
      const [{ getAmendment }, { tally }, { ruleText }] = await Promise.all([
        import('../../process/engine-amendments.js'),
        import('../../process/voting.js'),
        import('../../process/amendments.js'),
      ]);
      const a = await getAmendment(engine, id.toUpperCase().startsWith('M') ? id.toUpperCase() : `M${id}`);
      const { policyText: _text, ...rest } = a;
      const running = a.vote ? (a.vote.result ?? tally(a.vote)) : undefined;
      if (flags.format === 'json') return printJson({ ...rest, ...(running ? { tally: running } : {}) });
      const out = [
        `amendment ${a.id}: ${a.status}`,
        `  summary: ${a.summary}`,
        `  policy: ${a.policyId}@${a.policyVersion}, effective ${a.effectiveOn}`,
        `  proposed: ${a.proposedAt.slice(0, 10)} by ${a.proposedBy}`,
      ];
      if (a.vote && running) {
        out.push(
          `  vote: opened ${a.vote.openedAt.slice(0, 10)} by ${a.vote.openedBy}, rule ${ruleText(a.vote.rule)} of the TAC roster (${a.vote.roster.length})`,
        );
        for (const m of a.vote.roster) out.push(`    ${m}: ${a.vote.ballots[m]?.choice ?? '—'}`);
        for (const [m, b] of Object.entries(a.vote.nonBinding)) out.push(`    ${m}: ${b.choice} (non-binding: not on the TAC roster)`);
        const state = a.vote.result
          ? `closed ${a.vote.closedAt!.slice(0, 10)}: ${running.approved ? 'ADOPTED' : 'REJECTED'}`
          : 'open, so far';
        out.push(
          `  tally (${state}): ${running.approvals} approve, ${running.rejections} reject, ${running.abstentions} abstain, ${running.notVoted} not voted; adoption needs ${running.needed} of ${running.rosterSize}`,
        );
      }
      process.stdout.write(out.join('\n') + '\n');
    });
  });
}
