// `steward onboarding start|show|done`: the checklist after acceptance; the last item done makes
// the project ACTIVE.
import { Argument, Command } from 'commander';
import { ONBOARDING_CHECKLIST } from '../../process/onboarding.js';
import { storeOptions, withEngine, type StoreFlags } from './process-context.js';
import type { Application, OnboardingItemKey } from '../../process/types.js';

function show(a: Application): string {
  const items = a.onboarding ?? [];
  const left = items.filter((i) => !i.done);
  const lines = [`application ${a.id} (${a.projectName}): ${a.status}${a.projectId ? `, project ${a.projectId}` : ''}${items.length ? `; ${items.length - left.length} of ${items.length} done` : ''}`];
  for (const i of a.onboarding ?? []) lines.push(`  [${i.done ? 'x' : ' '}] ${i.key.padEnd(16)} ${i.title} — by ${i.doneBy}; verified: ${i.verify}${i.done ? ` (done ${i.done.at.slice(0, 10)} by ${i.done.by}${i.done.note ? `: ${i.done.note}` : ''})` : ''}`);
  if (a.status === 'ACCEPTED') lines.push(`next: steward onboarding start ${a.id}`);
  else if (left.length > 0) lines.push(`next: steward onboarding done ${a.id} ${left[0]!.key} --note "…" (left: ${left.map((i) => i.key).join(', ')})`);
  return lines.join('\n') + '\n';
}

export function register(program: Command): void {
  const onboarding = program.command('onboarding').description('the onboarding checklist of an accepted application');
  storeOptions(onboarding.command('start').description('start onboarding an ACCEPTED application').argument('<application-id>')).action(async (id: string, flags: StoreFlags) => {
    await withEngine(flags, async ({ engine, actor }) => {
      const { startOnboarding } = await import('../../process/engine-applications.js');
      process.stdout.write(show(await startOnboarding(engine, actor, id)));
    });
  });
  storeOptions(onboarding.command('show').description('the checklist and what is done').argument('<application-id>')).action(async (id: string, flags: StoreFlags) => {
    await withEngine(flags, async ({ engine }) => {
      const { getApplication } = await import('../../process/engine-applications.js');
      process.stdout.write(show(await getApplication(engine, id)));
    });
  });
  storeOptions(
    onboarding
      .command('done')
      .description('record an item as done')
      .argument('<application-id>', 'the accepted application (steward application list --status ONBOARDING)')
      .addArgument(new Argument('<item>', 'the checklist item (onboarding show lists each with who does it)').choices(ONBOARDING_CHECKLIST.map((i) => i.key)))
      .option('--note <text>', 'a link or how it was verified'),
  ).action(async (id: string, item: OnboardingItemKey, flags: StoreFlags & { note?: string }) => {
    await withEngine(flags, async ({ engine, actor }) => {
      const { completeOnboardingItem } = await import('../../process/engine-applications.js');
      process.stdout.write(show(await completeOnboardingItem(engine, actor, id, item, flags.note)));
    });
  });
}
