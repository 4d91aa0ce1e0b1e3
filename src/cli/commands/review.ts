// `steward review run|warn|due`: the periodic review of ACTIVE projects (all due ones, or the named
// ones), with progress on stderr; the early warning ahead of it; and the list of what falls due.
import { Command, Option } from 'commander';
import { InputError } from '../../util/errors.js';
import type { Project } from '../../process/types.js';
import {
  checkEvaluator,
  policyOptions,
  printJson,
  storeOptions,
  withEngine,
  type CheckFlags,
  type PolicyFlags,
  type StoreFlags,
} from './process-context.js';

/** review run --queue: the due reviews on the job queue, then (unless --no-wait) followed until each is done or dead. */
async function queueReviews(
  engine: import('../../process/engine.js').Engine,
  store: import('../../store/index.js').Store,
  flags: { project?: string[]; quiet?: boolean; wait?: boolean; format: string },
): Promise<void> {
  const [{ openJobQueue }, { enqueueDueReviews, REVIEW_JOB }, { dueProjects, getProject }, { budgetLeft }, { startProgress }] =
    await Promise.all([
      import('../../jobs/index.js'),
      import('../../jobs/review-jobs.js'),
      import('../../process/engine-review.js'),
      import('../../jobs/rate-budget.js'),
      import('../progress.js'),
    ]);
  for (const id of flags.project ?? []) await getProject(engine, id);
  const due = (await dueProjects(engine)).filter((p) => !flags.project || flags.project.includes(p.id));
  const queue = await openJobQueue(store);
  let deadIds: string[] = [];
  let left: string[] = [];
  let r: { queued: number; alreadyQueued: number; total: number };
  try {
    r = await enqueueDueReviews(
      queue,
      engine,
      due.map((p) => p.id),
    );
    if (flags.wait !== false && r.total > 0) {
      const ids = new Set(due.map((p) => p.id));
      let budget: number | undefined;
      const progress = startProgress('reviewed', r.total, { quiet: flags.quiet === true || flags.format === 'json', budget: () => budget });
      let lastChange = Date.now();
      let warned = false;
      for (;;) {
        const before = left.length;
        left = (await dueProjects(engine)).filter((p) => ids.has(p.id)).map((p) => p.id);
        if (left.length !== before) lastChange = Date.now();
        if (!warned && Date.now() - lastChange > 60_000) {
          warned = true;
          process.stderr.write(`\nno review finished for a minute: is a steward worker running on ${store.location}?\n`);
        }
        deadIds = (await queue.dead())
          .filter((j) => j.name === REVIEW_JOB)
          .map((j) => (j.data as { projectId: string }).projectId)
          .filter((id) => left.includes(id));
        budget = (await budgetLeft(store))?.remaining;
        progress.update(r.total - left.length, `${deadIds.length > 0 ? `${deadIds.length} dead job(s)` : ''}`);
        if (left.length <= deadIds.length) break;
        await new Promise((res) => setTimeout(res, 1000));
      }
      progress.end();
    }
  } finally {
    await queue.stop();
  }
  const waited = flags.wait !== false && r.total > 0;
  const out = {
    total: r.total,
    queued: r.queued,
    alreadyQueued: r.alreadyQueued,
    ...(waited ? { reviewed: r.total - left.length, dead: deadIds } : {}),
  };
  if (flags.format === 'json') return printJson(out);
  process.stdout.write(
    `${r.total} due: ${r.queued} queued for the workers, ${r.alreadyQueued} already queued${waited ? `; ${out.reviewed} reviewed, ${deadIds.length} dead (steward jobs dead)` : ''}\n`,
  );
  if (deadIds.length > 0) process.exitCode = 1;
}

export function register(program: Command): void {
  const review = program.command('review').description('periodic review of ecosystem projects');
  storeOptions(
    policyOptions(review.command('run'))
      .description('review every due project (or --project ones): check, notice with deadline on failure, retire at the deadline')
      .option('--project <id...>', 'only these projects')
      .option('--all', 'every due project (what run does without --project), said explicitly')
      .option('--repos-dir <dir>', 'local clones to check instead of fetching (<dir>/<owner>/<name>)')
      .option('--offline', 'check without network sources')
      .option('-q, --quiet', 'no progress line on a terminal')
      .option(
        '--queue',
        'hand the due reviews to `steward worker` processes through the job queue instead of reviewing here, and follow them until done',
      )
      .option('--no-wait', 'with --queue: queue them and return at once')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
      .addHelpText(
        'after',
        `
With --queue the reviews go on the job queue (one job per project; a project already queued is not
queued twice) for the workers that share the store, on any machines (steward worker); run waits
until each queued project is reviewed or its job is dead, showing the same progress.

On a terminal a line shows the progress (reviewed / due, rate, time left, GitHub budget left) and a
table sums up the outcomes at the end; nothing of it with --quiet, --format json or output to a file
or pipe. A repository whose default-branch head and GitHub metadata are unchanged since its stored
evidence is not fetched again: that evidence is judged afresh.`,
      ),
  ).action(
    async (
      flags: StoreFlags &
        PolicyFlags &
        CheckFlags & {
          project?: string[];
          all?: boolean;
          quiet?: boolean;
          queue?: boolean;
          wait?: boolean;
          format: string;
        },
    ) => {
      if (flags.all && flags.project) throw new InputError('review run: --all and --project do not go together');
      if (flags.queue) {
        if (flags.reposDir || flags.offline || flags.policy || flags.stage)
          throw new InputError(
            "review run --queue: --repos-dir, --offline, --policy and --stage are the workers' options (steward worker)",
          );
        return withEngine(flags, ({ engine, store }) => queueReviews(engine, store, flags));
      }
      await withEngine(flags, async ({ engine, actor, store }) => {
        const evaluator = await checkEvaluator(flags, { store });
        const [{ runPeriodicReview }, { readmeReaderFrom }, { startProgress }] = await Promise.all([
          import('../../process/engine-review.js'),
          import('../../process/engine-offboarding.js'),
          import('../progress.js'),
        ]);
        const progress = startProgress('reviewed', Number.NaN, {
          quiet: flags.quiet === true || flags.format === 'json',
          budget: () => evaluator.budgetLeft(),
        });
        const r = await runPeriodicReview(engine, actor, {
          evaluator,
          readmeReader: readmeReaderFrom(evaluator),
          ...(flags.project ? { projectIds: flags.project } : {}),
          onProgress: (p) => {
            if (p.done === 1) progress.setTotal(p.total);
            progress.update(p.done, `${p.projectId} ${p.outcome}`);
          },
        });
        progress.setTotal(r.total);
        progress.end([
          ['outcome', 'projects'],
          ['passed', String(r.passed.length)],
          ['failed (notified)', String(r.failed.length)],
          ['still failing', String(r.stillFailing.length)],
          ['retired', String(r.retired.length)],
          ...(r.awaitingArchiveVote ? [['awaiting an archiving vote', String(r.awaitingArchiveVote.length)]] : []),
          ['skipped', String(r.skipped.length)],
          ['errors', String(r.errors.length)],
          ['due', String(r.total)],
          ...(evaluator.stats.reused > 0 ? [['re-judged unchanged', String(evaluator.stats.reused)]] : []),
        ]);
        if (flags.format === 'json') return printJson(r);
        process.stdout.write(
          `${r.total} due (judged under ${r.policy}): ${r.passed.length} passed, ${r.failed.length} failed (notified), ${r.stillFailing.length} still failing, ${r.retired.length} retired${r.awaitingArchiveVote ? `, ${r.awaitingArchiveVote.length} listed for an archiving vote` : ''}, ${r.skipped.length} skipped, ${r.errors.length} errors\n`,
        );
        for (const e of r.errors) process.stdout.write(`  ${e.projectId}: ${e.message}\n`);
        // --project narrows the due ones; a named project that is not due is said so, not silently left
        const touched = new Set([
          ...r.passed,
          ...r.failed,
          ...r.stillFailing,
          ...r.retired,
          ...(r.awaitingArchiveVote ?? []),
          ...r.skipped,
          ...r.errors.map((e) => e.projectId),
        ]);
        const [{ getProject }, { addDays }] = await Promise.all([
          import('../../process/engine-review.js'),
          import('../../process/calendar.js'),
        ]);
        for (const id of flags.project ?? []) {
          if (touched.has(id)) continue;
          const p = await getProject(engine, id);
          process.stdout.write(
            `  ${id}: not reviewed: ${p.status !== 'ACTIVE' ? `${p.status}, only ACTIVE projects are reviewed` : p.pending ? `already re-checked on ${p.pending.checkedOn}; a failing project is re-checked once a day, next on ${addDays(p.pending.checkedOn, 1)} (deadline ${p.pending.deadlineOn})` : `not due until ${p.reviewDueOn}`}\n`,
          );
        }
        const off = r.offboarding;
        if (off && off.checked.length + off.errors.length > 0) {
          process.stdout.write(
            `offboarding follow-up: ${off.checked.length} retired project(s) checked, ${off.checked.filter((c) => c.references.length > 0).length} with references left (owners reminded), ${off.errors.length} errors\n`,
          );
          for (const c of off.checked)
            for (const ref of c.references) process.stdout.write(`  ${c.projectId} ${ref.path}:${ref.line}: ${ref.text}\n`);
          for (const e of off.errors) process.stdout.write(`  ${e.projectId}: ${e.message}\n`);
        }
        if (r.errors.length > 0 || (off?.errors.length ?? 0) > 0) process.exitCode = 1;
      });
    },
  );
  storeOptions(
    review
      .command('rejudge')
      .description(
        "judge every project's latest stored evidence again under a policy, with no network and no git: what a policy change would do (writes nothing)",
      )
      .option(
        '--policy <id|file>',
        'the policy to judge by, a file or an id in data/policies (default: the version in force today, or on --on)',
      )
      .option('--stage <stage>', "the policy's stage to judge by (a policy with stages; default its first)")
      .option('-q, --quiet', 'no progress line on a terminal')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
      .addHelpText(
        'after',
        `
Reads the evidence kept with each project's latest report (steward review run and steward worker
keep it) and evaluates it under the policy: counts per verdict, and the projects whose verdict
would change. Nothing is fetched and nothing is written; a project whose report holds no evidence
(imported, never checked) is listed as such. Waivers are not applied here.

  steward review rejudge --policy proposed.yml           before proposing an amendment
  steward review rejudge --on 2026-09-30 --format json   under the version in force that day`,
      ),
  ).action(async (flags: StoreFlags & PolicyFlags & { quiet?: boolean; format: string }) => {
    await withEngine(flags, async ({ engine, store }) => {
      const [{ policyOn }, { rejudgeStored }, { startProgress, renderTable }, { dateOf }] = await Promise.all([
        import('../../process/engine-amendments.js'),
        import('../../process/rejudge.js'),
        import('../progress.js'),
        import('../../process/calendar.js'),
      ]);
      // withEngine loaded a named policy as the engine's; unnamed, the version in force that day
      const policy =
        flags.policy !== undefined || flags.stage !== undefined
          ? engine.policy
          : await policyOn(engine, engine.on ?? dateOf(engine.clock.now()));
      const progress = startProgress('re-judged', Number.NaN, { quiet: flags.quiet === true || flags.format === 'json' });
      const t0 = performance.now();
      const r = await rejudgeStored(store, policy, {
        onProgress: (done, total) => {
          progress.setTotal(total);
          progress.update(done);
        },
      });
      progress.end();
      const seconds = (performance.now() - t0) / 1000;
      if (flags.format === 'json')
        return printJson({ policy: `${policy.id}@${policy.version}`, seconds: Number(seconds.toFixed(3)), ...r });
      process.stdout.write(
        `${r.projects} project(s) re-judged under ${policy.id}@${policy.version} in ${seconds.toFixed(2)} s, nothing fetched, nothing written\n`,
      );
      const verdicts = Object.entries(r.verdicts).sort(([a], [b]) => a.localeCompare(b));
      if (verdicts.length > 0) process.stdout.write(renderTable([['verdict', 'projects'], ...verdicts.map(([v, n]) => [v, String(n)])]));
      if (r.withoutEvidence.length > 0)
        process.stdout.write(`${r.withoutEvidence.length} without stored evidence (not judged): ${r.withoutEvidence.sort().join(', ')}\n`);
      if (r.changed.length === 0) process.stdout.write('no verdict would change\n');
      else {
        process.stdout.write(`${r.changed.length} verdict(s) would change:\n`);
        for (const c of r.changed.sort((a, b) => a.projectId.localeCompare(b.projectId)))
          process.stdout.write(`  ${c.projectId}: ${c.from} → ${c.to}\n`);
      }
    });
  });
  storeOptions(
    policyOptions(review.command('warn'))
      .description(
        'early warning: check the ACTIVE projects not yet due and list those forecast to fail before their next review; their owners get one notice per review',
      )
      .option('--project <id...>', 'only these projects')
      .option('--repos-dir <dir>', 'local clones to check instead of fetching (<dir>/<owner>/<name>)')
      .option('--offline', 'check without network sources')
      .option('--no-notice', 'record who is at risk without sending the early notice')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
      .addHelpText(
        'after',
        `
A requirement is at risk when it passes today and steward check's forecast (a trend over the last
12 months: commits, contributors, releases, torch support) puts its failure before the project's
next review. Owners are told once per review; running warn again updates the list and sends
nothing new. \`steward review due\` lists the projects at risk.`,
      ),
  ).action(async (flags: StoreFlags & PolicyFlags & CheckFlags & { project?: string[]; notice?: boolean; format: string }) => {
    const evaluator = await checkEvaluator(flags);
    await withEngine(flags, async ({ engine, actor }) => {
      const { runEarlyWarning } = await import('../../process/engine-early-warning.js');
      const r = await runEarlyWarning(engine, actor, {
        evaluator,
        notify: flags.notice !== false,
        ...(flags.project ? { projectIds: flags.project } : {}),
      });
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
      .addHelpText(
        'after',
        '\nWith --on YYYY-MM-DD it plans ahead (writes nothing): what falls due by that day, and failing projects whose deadline falls by then.',
      ),
  ).action(async (flags: StoreFlags & { all?: boolean }) => {
    if (flags.on !== undefined && flags.all)
      throw new InputError('review due: --on and --all do not go together (--on lists what falls due by that date)');
    await withEngine(flags, async ({ engine }) => {
      const [{ listProjects, dueProjects }, { plannedReviews }] = await Promise.all([
        import('../../process/engine-review.js'),
        import('../../process/projects.js'),
      ]);
      const line = (p: Project, note = '') =>
        `${p.id.padEnd(width)}  due ${p.reviewDueOn}${p.pending ? `  FAILING since ${p.pending.noticeOn}, deadline ${p.pending.deadlineOn}` : ''}${p.pending?.archiveVote ? `  AWAITING ARCHIVING VOTE since ${p.pending.archiveVote.listedOn} (${p.pending.archiveVote.majority} of ${p.pending.archiveVote.bodies.join(' and of ')})` : ''}${p.acceptedOn ? '' : '  (acceptance date unknown)'}${note}\n`;
      let width = 0;
      if (flags.on !== undefined) {
        const on = flags.on;
        const active = await listProjects(engine, ['ACTIVE']);
        const plan = plannedReviews(active, on);
        const { archiveRuleOf } = await import('../../process/policy-votes.js');
        const archive = archiveRuleOf(engine.rules);
        const deadlineNote =
          archive.by === 'vote'
            ? `  (listed for an archiving vote, ${archive.majority} of ${archive.bodies.join(' and of ')}, if still failing)`
            : '  (retired if still failing)';
        // a project failing by that day is listed with its deadline even when the deadline comes later
        const failing = active.filter((p) => p.pending && p.pending.noticeOn <= on && !plan.some((x) => x.project.id === p.id));
        const { daysBetween } = await import('../../process/calendar.js');
        const rows = [
          ...plan.map((x) => ({ p: x.project, note: x.reason === 'deadline' ? deadlineNote : '' })),
          ...failing.map((p) => {
            const left = Math.max(0, daysBetween(on, p.pending!.deadlineOn));
            return { p, note: `  (${left} day${left === 1 ? '' : 's'} left on ${on})` };
          }),
        ].sort((a, b) => a.p.id.localeCompare(b.p.id));
        width = Math.max(0, ...rows.map((r) => r.p.id.length));
        for (const r of rows) process.stdout.write(line(r.p, r.note));
        if (rows.length === 0) process.stdout.write(`nothing due by ${on}\n`);
        return;
      }
      // failing projects are listed with their deadline whether or not they are re-checked today
      const due = await dueProjects(engine);
      const failing = (await listProjects(engine, ['ACTIVE'])).filter((p) => p.pending && !due.some((d) => d.id === p.id));
      const list = flags.all ? await listProjects(engine, ['ACTIVE']) : [...due, ...failing].sort((a, b) => a.id.localeCompare(b.id));
      width = Math.max(0, ...list.map((p) => p.id.length));
      const today = engine.on ?? new Date().toISOString().slice(0, 10);
      const { daysBetween } = await import('../../process/calendar.js');
      for (const p of list)
        process.stdout.write(
          line(p, p.pending && !p.pending.archiveVote ? `  (${Math.max(0, daysBetween(today, p.pending.deadlineOn))} days left)` : ''),
        );
      if (list.length === 0) process.stdout.write('nothing due and nothing failing\n');
      // the early warning's last look (steward review warn): not due yet, forecast to fail before the review
      const risky = (await listProjects(engine, ['ACTIVE'])).filter(
        (p) => !p.pending && p.earlyWarning?.reviewDueOn === p.reviewDueOn && p.earlyWarning.atRisk.length > 0,
      );
      if (risky.length > 0) {
        process.stdout.write(`at risk before their next review (forecast of ${risky.map((p) => p.earlyWarning!.checkedOn).sort()[0]!}):\n`);
        for (const p of risky) {
          process.stdout.write(
            `  ${p.id}  review ${p.reviewDueOn}${p.earlyWarning!.noticeOn ? `  owners told ${p.earlyWarning!.noticeOn}` : ''}\n`,
          );
          for (const r of p.earlyWarning!.atRisk) process.stdout.write(`    ${r.text}\n`);
        }
      }
    });
  });
}
