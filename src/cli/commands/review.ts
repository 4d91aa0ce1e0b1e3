// `steward review run|due`: the periodic review of ACTIVE projects (all due ones, or the named
// ones), with progress on stderr; and the list of what falls due.
import { Command, Option } from 'commander';
import { checkEvaluator, printJson, progressReporter, storeOptions, withEngine, type StoreFlags } from './process-context.js';

export function register(program: Command): void {
  const review = program.command('review').description('periodic review of ecosystem projects');
  storeOptions(
    review
      .command('run')
      .description('review every due project (or --project ones): check, notice with deadline on failure, retire at the deadline')
      .option('--project <id...>', 'only these projects')
      .option('--repos-dir <dir>', 'local clones to check instead of fetching (<dir>/<owner>/<name>)')
      .option('--offline', 'check without network sources')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text')),
  ).action(async (flags: StoreFlags & { project?: string[]; reposDir?: string; offline?: boolean; format: string }) => {
    const evaluator = await checkEvaluator({ ...(flags.reposDir ? { reposDir: flags.reposDir } : {}), ...(flags.offline ? { offline: true } : {}) });
    await withEngine(flags, async ({ engine, actor }) => {
      const [{ runPeriodicReview }, { readmeReaderFrom }] = await Promise.all([import('../../process/engine-review.js'), import('../../process/engine-offboarding.js')]);
      const progress = progressReporter('reviewed');
      const r = await runPeriodicReview(engine, actor, {
        evaluator,
        readmeReader: readmeReaderFrom(evaluator),
        ...(flags.project ? { projectIds: flags.project } : {}),
        onProgress: (p) => progress.update(p.done, p.total, `${p.projectId} ${p.outcome}`),
      });
      progress.end();
      if (flags.format === 'json') return printJson(r);
      process.stdout.write(`${r.total} due: ${r.passed.length} passed, ${r.failed.length} failed (notified), ${r.stillFailing.length} still failing, ${r.retired.length} retired, ${r.skipped.length} skipped, ${r.errors.length} errors\n`);
      for (const e of r.errors) process.stdout.write(`  ${e.projectId}: ${e.message}\n`);
      // --project narrows the due ones; a named project that is not due is said so, not silently left
      const touched = new Set([...r.passed, ...r.failed, ...r.stillFailing, ...r.retired, ...r.skipped, ...r.errors.map((e) => e.projectId)]);
      const { getProject } = await import('../../process/engine-review.js');
      for (const id of flags.project ?? []) {
        if (touched.has(id)) continue;
        const p = await getProject(engine, id);
        process.stdout.write(`  ${id}: not reviewed: ${p.status === 'ACTIVE' ? `not due until ${p.pending ? p.pending.deadlineOn : p.reviewDueOn}` : `${p.status}, only ACTIVE projects are reviewed`}\n`);
      }
      const off = r.offboarding;
      if (off && off.checked.length + off.errors.length > 0) {
        process.stdout.write(`offboarding follow-up: ${off.checked.length} retired project(s) checked, ${off.checked.filter((c) => c.references.length > 0).length} with references left (owners reminded), ${off.errors.length} errors\n`);
        for (const c of off.checked) for (const ref of c.references) process.stdout.write(`  ${c.projectId} ${ref.path}:${ref.line}: ${ref.text}\n`);
        for (const e of off.errors) process.stdout.write(`  ${e.projectId}: ${e.message}\n`);
      }
      if (r.errors.length > 0 || (off?.errors.length ?? 0) > 0) process.exitCode = 1;
    });
  });
  storeOptions(review.command('due').description('ACTIVE projects with their next review date and any pending deadline').option('--all', 'include projects not yet due')).action(
    async (flags: StoreFlags & { all?: boolean }) => {
      await withEngine(flags, async ({ engine }) => {
        const [{ listProjects, dueProjects }] = await Promise.all([import('../../process/engine-review.js')]);
        const list = flags.all ? await listProjects(engine, ['ACTIVE']) : await dueProjects(engine);
        const width = Math.max(0, ...list.map((p) => p.id.length));
        for (const p of list) process.stdout.write(`${p.id.padEnd(width)}  due ${p.reviewDueOn}${p.pending ? `  FAILING since ${p.pending.noticeOn}, deadline ${p.pending.deadlineOn}` : ''}${p.acceptedOn ? '' : '  (acceptance date unknown)'}\n`);
        if (list.length === 0) process.stdout.write('nothing due\n');
      });
    },
  );
}
