// `steward decision record`: the decision on an application after its vote, with its reason.
import { Argument, Command } from 'commander';
import { InputError } from '../../util/errors.js';
import { storeOptions, withEngine, type StoreFlags } from './process-context.js';
import type { DecisionOutcome } from '../../process/types.js';

export function register(program: Command): void {
  const decision = program.command('decision').description('decisions on applications');
  storeOptions(
    decision
      .command('record')
      .description('record the decision after the vote closed (ACCEPTED only if the vote approved)')
      .argument('<application-id>')
      .addArgument(new Argument('<outcome>', 'the decision').choices(['ACCEPTED', 'DECLINED', 'TOO_EARLY', 'COMMUNITY_HIGHLIGHT']))
      .requiredOption('--reason <text>', 'why: sent to the applicant and kept in the audit log'),
  ).action(async (id: string, outcome: DecisionOutcome, flags: StoreFlags & { reason: string }) => {
    if (!flags.reason.trim()) throw new InputError('--reason: a decision needs a reason');
    await withEngine(flags, async ({ engine, actor }) => {
      const [{ decide, resubmissionDate }] = await Promise.all([import('../../process/engine-applications.js')]);
      const a = await decide(engine, actor, id, outcome, flags.reason);
      const from = outcome === 'ACCEPTED' ? null : await resubmissionDate(engine, a.repoUrl);
      process.stdout.write(`application ${a.id}: ${a.status}${from ? `; may resubmit from ${from}` : ''}\n`);
    });
  });
}
