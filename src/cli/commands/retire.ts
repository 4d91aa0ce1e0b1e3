// `steward retire <project> --reason`: retire a project by hand; owners get the offboarding notice.
// `steward project list|show`: the ecosystem projects.
import { Command, Option } from 'commander';
import type { Project } from '../../process/types.js';
import {
  checkEvaluator,
  printJson,
  progressReporter,
  storeOptions,
  withEngine,
  type CheckFlags,
  type StoreFlags,
} from './process-context.js';

function describeProject(p: Project): string {
  const out = [`project ${p.id}: ${p.name} — ${p.status}`, `  repository: ${p.repoUrl}`];
  out.push(
    `  contacts:   ${p.contacts.length > 0 ? p.contacts.join(', ') : `(none: notices go to --notify / STEWARD_STAFF_EMAIL to forward; record them with steward project contacts ${p.id} --set …)`}`,
  );
  out.push(
    `  accepted:   ${p.acceptedOn ?? 'unknown'}${p.applicationId ? ` (application ${p.applicationId})` : p.origin === 'import' ? ' (imported from the landscape)' : ''}`,
  );
  if (p.status === 'ACTIVE') out.push(`  review:     last ${p.lastReviewOn ?? 'never'}, next due ${p.reviewDueOn}`);
  if (p.pending) {
    out.push(`  FAILING since ${p.pending.noticeOn}; fix by ${p.pending.deadlineOn} or the project is retired:`);
    for (const f of p.pending.failures) out.push(`    ${String(f.id).padStart(2)} ${f.key}: ${f.summary}`);
  }
  if (p.status === 'RETIRED')
    out.push(`  retired:    ${p.retiredOn ?? 'before the import (date unknown)'}${p.retiredReason ? ` — ${p.retiredReason}` : ''}`);
  if (p.offboarding) {
    const o = p.offboarding;
    out.push(
      `  offboarding check ${o.lastCheckedOn}: ${o.clean ? 'no references to the PyTorch Ecosystem remain' : `${o.references.length} reference(s) remain`}`,
    );
    for (const r of o.references) out.push(`    ${r.path}:${r.line}: ${r.text}`);
  }
  return out.join('\n') + '\n';
}

export function register(program: Command): void {
  storeOptions(
    program
      .command('retire')
      .description('retire an ACTIVE project (sends the retirement and offboarding notices)')
      .argument('<project-id>')
      .requiredOption('--reason <text>', 'why'),
  ).action(async (id: string, flags: StoreFlags & { reason: string }) => {
    await withEngine(flags, async ({ engine, actor }) => {
      const { retireProject } = await import('../../process/engine-review.js');
      const p = await retireProject(engine, actor, id, flags.reason);
      process.stdout.write(`project ${p.id}: RETIRED on ${p.retiredOn}\n`);
    });
  });
  const project = program.command('project').description('ecosystem projects (ACTIVE or RETIRED)');
  storeOptions(
    project
      .command('list')
      .description('ACTIVE and RETIRED projects with their acceptance and next review')
      .option('--status <status>', 'ACTIVE or RETIRED')
      .option('--search <words>', 'only those whose name, repository, id, landscape id or contacts hold every word')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'csv']).default('text')),
  ).action(async (flags: StoreFlags & { status?: string; search?: string; format: string }) => {
    await withEngine(flags, async ({ engine }) => {
      const [{ listProjects }, { searchProjects }] = await Promise.all([
        import('../../process/engine-review.js'),
        import('../../process/search.js'),
      ]);
      const list = searchProjects(await listProjects(engine, flags.status ? [flags.status.toUpperCase()] : undefined), flags.search);
      if (flags.format === 'json') return printJson(list);
      if (flags.format === 'csv') {
        const { toCsv } = await import('../../util/csv.js');
        return void process.stdout.write(
          toCsv(
            ['id', 'name', 'repository', 'status', 'accepted', 'last_review', 'review_due', 'failing_deadline', 'retired', 'contacts'],
            list.map((p) => [
              p.id,
              p.name,
              p.repoUrl,
              p.status,
              p.acceptedOn,
              p.lastReviewOn,
              p.status === 'ACTIVE' ? p.reviewDueOn : '',
              p.pending?.deadlineOn,
              p.retiredOn,
              p.contacts.join(' '),
            ]),
          ),
        );
      }
      const idWidth = Math.max(0, ...list.map((p) => p.id.length));
      const urlWidth = Math.max(0, ...list.map((p) => p.repoUrl.length));
      for (const p of list)
        process.stdout.write(
          `${p.status.padEnd(7)}  ${p.id.padEnd(idWidth)}  ${p.repoUrl.padEnd(urlWidth)}  accepted ${(p.acceptedOn ?? 'unknown').padEnd(10)}  ${p.status === 'ACTIVE' ? `review due ${p.reviewDueOn}` : p.retiredOn ? `retired ${p.retiredOn}` : 'retired before import'}\n`,
        );
      if (list.length === 0) process.stdout.write('no projects\n');
    });
  });
  storeOptions(
    project
      .command('offboarding-check')
      .description(
        "read retired projects' READMEs for remaining references to the PyTorch Ecosystem (the due ones, or those named); remind the owners",
      )
      .argument('[project-id...]', 'check these retired projects now, due or not')
      .option(
        '--repos-dir <dir>',
        'read the README from a local clone here (<dir>/<owner>/<name> or <dir>/<name>) instead of fetching the repository',
      )
      .option(
        '--offline',
        'ask no web API (GitHub, PyPI): only the repository itself is read; with --repos-dir, nothing leaves this machine',
      )
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
      .addHelpText(
        'after',
        '\nA retired project is due 30 days after its retirement and again 30 days after each check that\n' +
          'still found references, three checks at most; named projects are checked now. Without\n' +
          '--repos-dir the repository is fetched from its URL; with it, a clone at <dir>/<owner>/<name>\n' +
          '(or <dir>/<name>) is read instead, and with --offline nothing leaves this machine.\n' +
          'Example: steward project offboarding-check widgets --repos-dir ./clones --offline',
      ),
  ).action(async (ids: string[], flags: StoreFlags & CheckFlags & { format: string }) => {
    const evaluator = await checkEvaluator(flags);
    await withEngine(flags, async ({ engine, actor }) => {
      const { runOffboardingChecks, readmeReaderFrom } = await import('../../process/engine-offboarding.js');
      const progress = progressReporter('offboarding');
      const r = await runOffboardingChecks(engine, actor, {
        reader: readmeReaderFrom(evaluator),
        ...(ids.length > 0 ? { projectIds: ids } : {}),
        onProgress: (p) => progress.update(p.done, p.total, `${p.projectId} ${p.outcome}`),
      });
      progress.end();
      if (flags.format === 'json') return printJson(r);
      for (const c of r.checked) {
        process.stdout.write(
          `${c.projectId}: ${c.references.length === 0 ? 'no references to the PyTorch Ecosystem remain' : `${c.references.length} reference(s) remain (owners reminded)`}\n`,
        );
        for (const ref of c.references) process.stdout.write(`  ${ref.path}:${ref.line}: ${ref.text}\n`);
      }
      if (r.checked.length === 0 && r.errors.length === 0) process.stdout.write('no offboarding check due\n');
      for (const e of r.errors) process.stdout.write(`  ${e.projectId}: ${e.message}\n`);
      if (r.errors.length > 0) process.exitCode = 1;
    });
  });
  storeOptions(
    project
      .command('contacts')
      .description("who receives a project's notices (imported projects have none: their notices go to the fallback recipient to forward)")
      .argument('<project-id>')
      .option('--set <emails>', 'replace the contacts with these comma-separated addresses (empty string: none)'),
  ).action(async (id: string, flags: StoreFlags & { set?: string }) => {
    await withEngine(flags, async ({ engine, actor }) => {
      const { setProjectContacts, getProject } = await import('../../process/engine-review.js');
      const p = flags.set !== undefined ? await setProjectContacts(engine, actor, id, flags.set.split(',')) : await getProject(engine, id);
      process.stdout.write(`project ${p.id}: contacts ${p.contacts.length > 0 ? p.contacts.join(', ') : '(none)'}\n`);
    });
  });
  storeOptions(
    project
      .command('show')
      .description('one project: status, dates, contacts, a pending review failure, the offboarding check')
      .argument('<project-id>')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text')),
  ).action(async (id: string, flags: StoreFlags & { format: string }) => {
    await withEngine(flags, async ({ engine }) => {
      const { getProject } = await import('../../process/engine-review.js');
      const p = await getProject(engine, id);
      if (flags.format === 'json') return printJson(p);
      process.stdout.write(describeProject(p));
    });
  });
}
