// `steward waiver add|list|revoke`: the working group's waiver of one requirement for one project
// or application, with who decided, why, where, and until when. Reports made inside the process
// show the requirement `exempt` with the reason while the waiver is in force.
import { Command, Option } from 'commander';
import { InputError } from '../../util/errors.js';
import { printJson, storeOptions, withEngine, type StoreFlags } from './process-context.js';

interface SubjectFlags extends StoreFlags {
  application?: string;
  project?: string;
}

function subjectOf(flags: SubjectFlags, required: boolean): { application: string } | { project: string } | undefined {
  if (flags.application && flags.project) throw new InputError('waiver: give --application or --project, not both');
  if (flags.application) return { application: flags.application };
  if (flags.project) return { project: flags.project };
  if (required) throw new InputError('waiver add: expected what it exempts: --project <id> or --application <id>');
  return undefined;
}

export function register(program: Command): void {
  const waiver = program.command('waiver').description("the working group's waivers of a requirement for one project or application");
  storeOptions(
    waiver
      .command('add')
      .description('record a waiver: the requirement shows as exempt, with the reason, in reports made while it is in force')
      .option('--project <id>', 'the ecosystem project it exempts')
      .option('--application <id>', 'the application it exempts (it carries over to the project, if accepted)')
      .requiredOption('--requirement <n|key>', 'the requirement: its number 1–19 or key (e.g. 6 or codeowners)')
      .requiredOption('--reason <text>', 'why the working group waived it')
      .requiredOption('--decided-by <who>', 'who decided (the working group, a TAC member …)')
      .requiredOption('--in <session|vote>', 'the session or vote it was decided in (e.g. S3, "vote on application 4")')
      .requiredOption('--until <date|next-review>', 'the last day it applies (YYYY-MM-DD), or next-review: until the next periodic review')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text')),
  ).action(
    async (flags: SubjectFlags & { requirement: string; reason: string; decidedBy: string; in: string; until: string; format: string }) => {
      const subject = subjectOf(flags, true)!;
      await withEngine(flags, async ({ engine, actor }) => {
        const [{ addWaiver }, { untilText }] = await Promise.all([
          import('../../process/engine-waivers.js'),
          import('../../process/waivers.js'),
        ]);
        const requirement = /^\d+$/.test(flags.requirement) ? Number(flags.requirement) : flags.requirement;
        const w = await addWaiver(engine, actor, subject, {
          requirement,
          reason: flags.reason,
          decidedBy: flags.decidedBy,
          decidedIn: flags.in,
          until: flags.until,
        });
        if (flags.format === 'json') return printJson(w);
        const what = 'application' in subject ? `application ${subject.application}` : `project ${subject.project}`;
        process.stdout.write(
          `waiver ${w.id}: requirement ${w.requirement} (${w.key}) exempt for ${what}, ${untilText(w)} — ${w.reason} (decided by ${w.decidedBy} in ${w.decidedIn})\n`,
        );
      });
    },
  );
  storeOptions(
    waiver
      .command('list')
      .description('waivers with whether each is in force, expired or revoked (expired ones no longer apply)')
      .option('--project <id>', 'only this project')
      .option('--application <id>', 'only this application')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text')),
  ).action(async (flags: SubjectFlags & { format: string }) => {
    const subject = subjectOf(flags, false);
    await withEngine(flags, async ({ engine }) => {
      const { listWaivers } = await import('../../process/engine-waivers.js');
      const list = await listWaivers(engine, subject);
      if (flags.format === 'json') return printJson(list);
      for (const l of list) {
        const w = l.waiver;
        process.stdout.write(
          `${w.id}  ${l.subject}  requirement ${w.requirement} (${w.key})  ${l.state}, ${l.until} — ${w.reason} (decided by ${w.decidedBy} in ${w.decidedIn})${w.revoked ? `; revoked ${w.revoked.at.slice(0, 10)}: ${w.revoked.reason}` : ''}\n`,
        );
      }
      if (list.length === 0) process.stdout.write('no waivers\n');
    });
  });
  storeOptions(
    waiver
      .command('revoke')
      .description('end a waiver now; it stays on record, revoked')
      .argument('<id>', 'W1, W2 …')
      .requiredOption('--reason <text>', 'why'),
  ).action(async (id: string, flags: StoreFlags & { reason: string }) => {
    await withEngine(flags, async ({ engine, actor }) => {
      const { revokeWaiver } = await import('../../process/engine-waivers.js');
      const w = await revokeWaiver(engine, actor, id, flags.reason);
      process.stdout.write(`waiver ${w.id}: revoked — ${flags.reason}\n`);
    });
  });
}
