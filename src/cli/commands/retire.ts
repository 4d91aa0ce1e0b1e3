// `steward retire <project> --reason`: retire a project by hand; owners get the offboarding notice.
// `steward project list|show`: the ecosystem projects.
import { Command, Option } from 'commander';
import { printJson, storeOptions, withEngine, type StoreFlags } from './process-context.js';

export function register(program: Command): void {
  storeOptions(program.command('retire').description('retire an ACTIVE project (sends the retirement and offboarding notices)').argument('<project-id>').requiredOption('--reason <text>', 'why')).action(
    async (id: string, flags: StoreFlags & { reason: string }) => {
      await withEngine(flags, async ({ engine, actor }) => {
        const { retireProject } = await import('../../process/engine-review.js');
        const p = await retireProject(engine, actor, id, flags.reason);
        process.stdout.write(`project ${p.id}: RETIRED on ${p.retiredOn}\n`);
      });
    },
  );
  const project = program.command('project').description('ecosystem projects (ACTIVE or RETIRED)');
  storeOptions(project.command('list').option('--status <status>', 'ACTIVE or RETIRED').addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))).action(
    async (flags: StoreFlags & { status?: string; format: string }) => {
      await withEngine(flags, async ({ engine }) => {
        const { listProjects } = await import('../../process/engine-review.js');
        const list = await listProjects(engine, flags.status ? [flags.status.toUpperCase()] : undefined);
        if (flags.format === 'json') return printJson(list);
        for (const p of list) process.stdout.write(`${p.status.padEnd(7)}  ${p.id}  ${p.repoUrl}  accepted ${p.acceptedOn ?? 'unknown'}  ${p.status === 'ACTIVE' ? `review due ${p.reviewDueOn}` : `retired ${p.retiredOn}`}\n`);
      });
    },
  );
  storeOptions(project.command('show').argument('<project-id>')).action(async (id: string, flags: StoreFlags) => {
    await withEngine(flags, async ({ engine }) => {
      const { getProject } = await import('../../process/engine-review.js');
      printJson(await getProject(engine, id));
    });
  });
}
