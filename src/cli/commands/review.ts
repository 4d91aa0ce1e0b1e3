// `steward review run|warn|due`: the periodic review of ACTIVE projects (all due ones, or the named
// ones), with progress on stderr; the early warning ahead of it; and the list of what falls due.
import { Command, Option } from 'commander';
import { InputError } from '../../util/errors.js';
import type { Project } from '../../process/types.js';
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
      process.stdout.write(`${r.total} due (judged under ${r.policy}): ${r.passed.length} passed, ${r.failed.length} failed (notified), ${r.stillFailing.length} still failing, ${r.retired.length} retired, ${r.skipped.length} skipped, ${r.errors.length} errors\n`);
      for (const e of r.errors) process.stdout.write(`  ${e.projectId}: ${e.message}\n`);
      // --project narrows the due ones; a named project that is not due is said so, not silently left
      const touched = new Set([...r.passed, ...r.failed, ...r.stillFailing, ...r.retired, ...r.skipped, ...r.errors.map((e) => e.projectId)]);
      const [{ getProject }, { addDays }] = await Promise.all([import('../../process/engine-review.js'), import('../../process/calendar.js')]);
      for (const id of flags.project ?? []) {
        if (touched.has(id)) continue;
        const p = await getProject(engine, id);
        process.stdout.write(`  ${id}: not reviewed: ${p.status !== 'ACTIVE' ? `${p.status}, only ACTIVE projects are reviewed` : p.pending ? `already re-checked on ${p.pending.checkedOn}; a failing project is re-checked once a day, next on ${addDays(p.pending.checkedOn, 1)} (deadline ${p.pending.deadlineOn})` : `not due until ${p.reviewDueOn}`}\n`);
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
  storeOptions(
    review
      .command('warn')
      .description('early warning: check the ACTIVE projects not yet due and list those forecast to fail before their next review; their owners get one notice per review')
      .option('--project <id...>', 'only these projects')
      .option('--repos-dir <dir>', 'local clones to check instead of fetching (<dir>/<owner>/<name>)')
      .option('--offline', 'check without network sources')
      .option('--no-notice', 'record who is at risk without sending the early notice')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
      .addHelpText('after', `
A requirement is at risk when it passes today and steward check's forecast (a trend over the last
12 months: commits, contributors, releases, torch support) puts its failure before the project's
next review. Owners are told once per review; running warn again updates the list and sends
nothing new. \`steward review due\` lists the projects at risk.`),
  ).action(async (flags: StoreFlags & { project?: string[]; reposDir?: string; offline?: boolean; notice?: boolean; format: string }) => {
    const evaluator = await checkEvaluator({ ...(flags.reposDir ? { reposDir: flags.reposDir } : {}), ...(flags.offline ? { offline: true } : {}) });
    await withEngine(flags, async ({ engine, actor }) => {
      const { runEarlyWarning } = await import('../../process/engine-early-warning.js');
      const r = await runEarlyWarning(engine, actor, { evaluator, notify: flags.notice !== false, ...(flags.project ? { projectIds: flags.project } : {}) });
      if (flags.format === 'json') return printJson(r);
      process.stdout.write(`${r.checked} checked ahead of their review: ${r.atRisk.length} at risk, ${r.errors.length} errors\n`);
      for (const a of r.atRisk) {
        process.stdout.write(`  ${a.projectId} (review ${a.reviewDueOn})${a.notified ? ', owners notified' : ''}\n`);
        for (const t of a.risks) process.stdout.write(`    ${t}\n`);
      }
      for (const e of r.errors) process.stdout.write(`  ${e.projectId}: ${e.message}\n`);
      if (r.errors.length > 0) process.exitCode = 1;
    });
  });
  storeOptions(
    review
      .command('due')
      .description('ACTIVE projects due for review, and failing ones with their deadline and the days left (--all: every ACTIVE project)')
      .option('--all', 'include projects not yet due')
      .addHelpText('after', '\nWith --on YYYY-MM-DD it plans ahead (writes nothing): what falls due by that day, and failing projects whose deadline falls by then.'),
  ).action(async (flags: StoreFlags & { all?: boolean }) => {
    if (flags.on !== undefined && flags.all) throw new InputError('review due: --on and --all do not go together (--on lists what falls due by that date)');
    await withEngine(flags, async ({ engine }) => {
      const [{ listProjects, dueProjects }, { plannedReviews }] = await Promise.all([import('../../process/engine-review.js'), import('../../process/projects.js')]);
      const line = (p: Project, note = '') =>
        `${p.id.padEnd(width)}  due ${p.reviewDueOn}${p.pending ? `  FAILING since ${p.pending.noticeOn}, deadline ${p.pending.deadlineOn}` : ''}${p.acceptedOn ? '' : '  (acceptance date unknown)'}${note}\n`;
      let width = 0;
      if (flags.on !== undefined) {
        const plan = plannedReviews(await listProjects(engine, ['ACTIVE']), flags.on);
        width = Math.max(0, ...plan.map((x) => x.project.id.length));
        for (const x of plan) process.stdout.write(line(x.project, x.reason === 'deadline' ? '  (retired if still failing)' : ''));
        if (plan.length === 0) process.stdout.write(`nothing due by ${flags.on}\n`);
        return;
      }
      // failing projects are listed with their deadline whether or not they are re-checked today
      const due = await dueProjects(engine);
      const failing = (await listProjects(engine, ['ACTIVE'])).filter((p) => p.pending && !due.some((d) => d.id === p.id));
      const list = flags.all ? await listProjects(engine, ['ACTIVE']) : [...due, ...failing].sort((a, b) => a.id.localeCompare(b.id));
      width = Math.max(0, ...list.map((p) => p.id.length));
      const today = engine.on ?? new Date().toISOString().slice(0, 10);
      const { daysBetween } = await import('../../process/calendar.js');
      for (const p of list) process.stdout.write(line(p, p.pending ? `  (${Math.max(0, daysBetween(today, p.pending.deadlineOn))} days left)` : ''));
      if (list.length === 0) process.stdout.write('nothing due and nothing failing\n');
      // the early warning's last look (steward review warn): not due yet, forecast to fail before the review
      const risky = (await listProjects(engine, ['ACTIVE'])).filter((p) => !p.pending && p.earlyWarning?.reviewDueOn === p.reviewDueOn && p.earlyWarning.atRisk.length > 0);
      if (risky.length > 0) {
        process.stdout.write(`at risk before their next review (forecast of ${risky.map((p) => p.earlyWarning!.checkedOn).sort()[0]!}):\n`);
        for (const p of risky) {
          process.stdout.write(`  ${p.id}  review ${p.reviewDueOn}${p.earlyWarning!.noticeOn ? `  owners told ${p.earlyWarning!.noticeOn}` : ''}\n`);
          for (const r of p.earlyWarning!.atRisk) process.stdout.write(`    ${r.text}\n`);
        }
      }
    });
  });
}
