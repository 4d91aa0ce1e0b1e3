// `steward amendment propose|open|cast|close|list`: policy amendments voted by the TAC roster
// under its own rule (--rule, default more than half); adopted, they become a policy version
// with an effective date.
import { Argument, Command } from 'commander';
import { InputError } from '../../util/errors.js';
import { printJson, storeOptions, withEngine, type StoreFlags } from './process-context.js';
import type { Amendment, VoteRule } from '../../process/types.js';

/** `more-than-half` (default), or a fraction like `2/3` (reach it) or `>2/3` (exceed it). */
export function parseRule(text: string | undefined): VoteRule | undefined {
  if (!text || text === 'more-than-half') return undefined;
  const m = /^(>)?(\d+)\/(\d+)$/.exec(text.trim());
  if (!m || Number(m[3]) === 0 || Number(m[2]) > Number(m[3])) throw new InputError(`--rule: expected more-than-half, N/D or >N/D (e.g. 2/3), found ${JSON.stringify(text)}`);
  return { fraction: Number(m[2]) / Number(m[3]), strict: m[1] === '>' };
}

const line = (a: Amendment) =>
  `amendment ${a.id}: ${a.status} — ${a.summary} (policy ${a.policyId}@${a.policyVersion}, effective ${a.effectiveOn})${a.vote?.result ? `; ${a.vote.result.approvals} of ${a.vote.result.rosterSize} approved, needed ${a.vote.result.needed}` : ''}\n`;

export function register(program: Command): void {
  const am = program.command('amendment').description('policy amendments voted by the TAC');
  const ruleOpt = '--rule <rule>';
  const ruleHelp = 'the TAC vote rule: more-than-half, N/D or >N/D (default $STEWARD_TAC_RULE or more-than-half)';
  storeOptions(
    am.command('propose').description('propose a new policy version').argument('<policy.yml>').requiredOption('--summary <text>', 'what changes and why').requiredOption('--effective <date>', 'YYYY-MM-DD from which it judges'),
  ).action(async (file: string, flags: StoreFlags & { summary: string; effective: string }) => {
    const { readRegularText } = await import('../../util/read-file.js');
    const policyText = readRegularText(file);
    await withEngine(flags, async ({ engine, actor }) => {
      const { proposeAmendment } = await import('../../process/engine-amendments.js');
      process.stdout.write(line(await proposeAmendment(engine, actor, { summary: flags.summary, policyText, effectiveOn: flags.effective })));
    });
  });
  for (const name of ['open', 'close'] as const) {
    storeOptions(am.command(name).description(name === 'open' ? 'open the TAC vote (roster snapshotted)' : 'close the vote: adopted or rejected').argument('<id>').option(ruleOpt, ruleHelp)).action(
      async (id: string, flags: StoreFlags & { rule?: string }) => {
        const rule = parseRule(flags.rule ?? process.env.STEWARD_TAC_RULE);
        await withEngine(flags, async ({ engine, actor }) => {
          const m = await import('../../process/engine-amendments.js');
          if (rule) engine.tacRule = rule;
          process.stdout.write(line(await (name === 'open' ? m.openAmendmentVote(engine, actor, id) : m.closeAmendmentVote(engine, actor, id))));
        });
      },
    );
  }
  storeOptions(am.command('cast').argument('<id>').addArgument(new Argument('<choice>').choices(['approve', 'reject', 'abstain']))).action(
    async (id: string, choice: 'approve' | 'reject' | 'abstain', flags: StoreFlags) => {
      await withEngine(flags, async ({ engine, actor }) => {
        const { castAmendmentVote } = await import('../../process/engine-amendments.js');
        const a = await castAmendmentVote(engine, actor, id, choice);
        process.stdout.write(`${actor.id}: ${choice} on amendment ${id}${a.vote!.roster.includes(actor.id) ? '' : ' (non-binding: not on the TAC roster)'}\n`);
      });
    },
  );
  storeOptions(am.command('list').option('--json', 'as JSON')).action(async (flags: StoreFlags & { json?: boolean }) => {
    await withEngine(flags, async ({ engine }) => {
      const { listAmendments, policyOn } = await import('../../process/engine-amendments.js');
      const list = await listAmendments(engine);
      const current = await policyOn(engine);
      if (flags.json) return printJson({ amendments: list, inForce: { id: current.id, version: current.version } });
      for (const a of list) process.stdout.write(line(a));
      process.stdout.write(`in force today: ${current.id}@${current.version}\n`);
    });
  });
}
