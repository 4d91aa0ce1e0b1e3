// `steward inbox [--as LOGIN]`: what waits on one person, for their roles (the computation is
// the engine's, src/process/inbox.ts; this prints it).
import { Command, Option } from 'commander';
import { printJson, storeOptions, withEngine, type StoreFlags } from './process-context.js';

export function register(program: Command): void {
  storeOptions(
    program
      .command('inbox')
      .description(
        'what waits on you (or --as LOGIN): ballots not cast, questions to answer, applications to schedule, votes and decisions, onboarding, failing projects with days left, undelivered notices',
      )
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text')),
  ).action(async (flags: StoreFlags & { format: string }) => {
    await withEngine(flags, async ({ engine, actor }) => {
      const { inbox } = await import('../../process/inbox.js');
      const items = await inbox(engine, actor);
      if (flags.format === 'json') return printJson({ who: actor, items });
      if (items.length === 0) return void process.stdout.write(`nothing waits on ${actor.id} (${actor.role})\n`);
      process.stdout.write(`${items.length} item${items.length === 1 ? '' : 's'} for ${actor.id} (${actor.role}):\n`);
      for (const i of items) process.stdout.write(`  [${i.kind}] ${i.text}${i.command ? `\n      ${i.command}` : ''}\n`);
    });
  });
}
