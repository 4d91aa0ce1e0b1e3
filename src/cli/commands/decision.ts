// `steward decision record`: the decision on an application after its vote, with its reason.
import { Argument, Command, InvalidArgumentError } from 'commander';
import { InputError } from '../../util/errors.js';
import { storeOptions, withEngine, type StoreFlags } from './process-context.js';
import type { DecisionOutcome } from '../../process/types.js';

const OUTCOMES: readonly DecisionOutcome[] = ['ACCEPTED', 'DECLINED', 'TOO_EARLY', 'COMMUNITY_HIGHLIGHT'];

/** The outcome as people type it: accepted, Too-Early, community highlight … */
export function parseOutcome(text: string): DecisionOutcome {
  const key = text
    .trim()
    .toUpperCase()
    .replace(/[-\s]+/g, '_');
  const found = OUTCOMES.find((o) => o === key);
  if (!found) throw new InvalidArgumentError(`expected one of ${OUTCOMES.join(', ')} (any case), found ${JSON.stringify(text)}`);
  return found;
}

export function register(program: Command): void {
  const decision = program.command('decision').description('decisions on applications');
  storeOptions(
    decision
      .command('record')
      .description(
        'record the decision on an application (staff): after its vote closed, ACCEPTED only if the vote approved; ' +
          'TOO_EARLY needs no vote (an application not yet voted on)',
      )
      .argument('<application-id>')
      .addArgument(new Argument('<outcome>', `the decision: ${OUTCOMES.join(', ')} (any case; - for _ is fine)`).argParser(parseOutcome))
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
