// `steward onboarding start|show|done`: the checklist after acceptance; the last item done makes
// the project ACTIVE.
import { Argument, Command } from 'commander';
import { ONBOARDING_CHECKLIST } from '../../process/onboarding.js';
import { storeOptions, withEngine, type StoreFlags } from './process-context.js';
import { InputError } from '../../util/errors.js';
import type { Application, CategoryList, OnboardingItemKey } from '../../process/types.js';

function show(a: Application): string {
  const items = a.onboarding ?? [];
  const left = items.filter((i) => !i.done);
  const lines = [
    `application ${a.id} (${a.projectName}): ${a.status}${a.projectId ? `, project ${a.projectId}` : ''}${items.length ? `; ${items.length - left.length} of ${items.length} done` : ''}`,
  ];
  for (const i of a.onboarding ?? []) {
    const undone = i.undone?.at(-1);
    lines.push(
      `  [${i.done ? 'x' : ' '}] ${i.key.padEnd(16)} ${i.title} — by ${i.doneBy}; verified: ${i.verify}${i.done ? ` (done ${i.done.at.slice(0, 10)} by ${i.done.by}${i.done.note ? `: ${i.done.note}` : ''})` : undone ? ` (undone ${undone.at.slice(0, 10)} by ${undone.by}: ${undone.reason})` : ''}`,
    );
  }
  if (a.status === 'ACCEPTED') lines.push(`next: steward onboarding start ${a.id}`);
  else if (left.length > 0)
    lines.push(`next: steward onboarding done ${a.id} ${left[0]!.key} --note "…" (left: ${left.map((i) => i.key).join(', ')})`);
  return lines.join('\n') + '\n';
}

export function register(program: Command): void {
  const onboarding = program.command('onboarding').description('the onboarding checklist of an accepted application');
  storeOptions(onboarding.command('start').description('start onboarding an ACCEPTED application').argument('<application-id>')).action(
    async (id: string, flags: StoreFlags) => {
      await withEngine(flags, async ({ engine, actor }) => {
        const { startOnboarding } = await import('../../process/engine-applications.js');
        process.stdout.write(show(await startOnboarding(engine, actor, id)));
      });
    },
  );
  storeOptions(onboarding.command('show').description('the checklist and what is done').argument('<application-id>')).action(
    async (id: string, flags: StoreFlags) => {
      await withEngine(flags, async ({ engine }) => {
        const { getApplication } = await import('../../process/engine-applications.js');
        process.stdout.write(show(await getApplication(engine, id)));
      });
    },
  );
  storeOptions(
    onboarding
      .command('done')
      .description('record an item as done')
      .argument('<application-id>', 'the accepted application (steward application list --status ONBOARDING)')
      .addArgument(
        new Argument('<item>', 'the checklist item (onboarding show lists each with who does it)').choices(
          ONBOARDING_CHECKLIST.map((i) => i.key),
        ),
      )
      .option('--note <text>', 'a link or how it was verified; for category, "<category> / <subcategory>" as in the landscape')
      .option(
        '--landscape <file>',
        'the landscape.yml in use (default $STEWARD_LANDSCAPE): a category note must name one of its categories',
      )
      .addHelpText(
        'after',
        '\nA category note is verified against the landscape in use: one naming a category or subcategory\n' +
          'it lacks is refused, with nothing recorded. Recorded wrongly? steward onboarding undo <id> <item> --reason "…".\n' +
          'Example: steward onboarding done 3 category --note "Modeling / Computer Vision" --landscape landscape.yml',
      ),
  ).action(async (id: string, item: OnboardingItemKey, flags: StoreFlags & { note?: string; landscape?: string }) => {
    const file = flags.landscape ?? (process.env.STEWARD_LANDSCAPE || undefined);
    if (item === 'category' && flags.note !== undefined && !file) {
      throw new InputError(
        'onboarding done category: a category note is verified against the landscape in use; give --landscape FILE (or set STEWARD_LANDSCAPE); nothing was recorded',
      );
    }
    let categories: CategoryList | undefined;
    if (item === 'category' && file) {
      const [{ readRegularText }, { readLandscape }] = await Promise.all([
        import('../../util/read-file.js'),
        import('../../landscape/index.js'),
      ]);
      const landscape = readLandscape(readRegularText(file), { file });
      categories = {
        source: file,
        categories: landscape.categories.map((c) => ({ name: c.name, subcategories: c.subcategories.map((s) => s.name) })),
      };
    }
    await withEngine(flags, async ({ engine, actor }) => {
      const { completeOnboardingItem } = await import('../../process/engine-applications.js');
      process.stdout.write(show(await completeOnboardingItem(engine, actor, id, item, flags.note, categories ? { categories } : {})));
    });
  });
  storeOptions(
    onboarding
      .command('undo')
      .description('undo an item recorded by mistake (staff; the reason and what was recorded stay in the audit log)')
      .argument('<application-id>')
      .addArgument(new Argument('<item>', 'the checklist item').choices(ONBOARDING_CHECKLIST.map((i) => i.key)))
      .requiredOption('--reason <text>', 'why it was wrong'),
  ).action(async (id: string, item: OnboardingItemKey, flags: StoreFlags & { reason: string }) => {
    await withEngine(flags, async ({ engine, actor }) => {
      const { undoOnboardingItem } = await import('../../process/engine-applications.js');
      process.stdout.write(show(await undoOnboardingItem(engine, actor, id, item, flags.reason)));
    });
  });
}
