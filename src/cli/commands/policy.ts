// `steward policy list|show`: the policies that ship, and one of them rendered from its file and
// the checker's rule metadata.
import { Command, Option } from 'commander';
import { InputError } from '../../util/errors.js';

export function register(program: Command): void {
  const policy = program.command('policy').description('the policies requirements are judged by');
  policy
    .command('list')
    .description('the policies in data/policies: id, version, title and stages')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (flags: { format: string }) => {
      const [{ shippedPolicies }, { loadPolicyFile }] = await Promise.all([
        import('../../policy/catalogue.js'),
        import('../../policy/load.js'),
      ]);
      const rows = shippedPolicies().map((s) => {
        const p = loadPolicyFile(s.file);
        return { id: p.id, version: p.version, title: p.title, stages: (p.stages ?? []).map((x) => x.id), rules: p.rules.length };
      });
      if (flags.format === 'json') {
        process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
        return;
      }
      const idWidth = Math.max(2, ...rows.map((r) => `${r.id} ${r.version}`.length));
      for (const r of rows)
        process.stdout.write(
          `${`${r.id} ${r.version}`.padEnd(idWidth)}  ${r.title}${r.stages.length ? ` (stages: ${r.stages.join(', ')})` : ''}\n`,
        );
    });
  policy
    .command('show')
    .description('print a policy as measured: its rules with their text, what is measured, the numbers')
    .argument('[policy]', 'a policy id in data/policies (its newest version) or a policy file (default: pytorch-ecosystem)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'))
    .option('--policy <id|file>', 'the same as the argument')
    .option('--stage <stage>', 'the rules and options of this stage (a policy with stages; default its first)')
    .option('--on <date>', 'the version in force on YYYY-MM-DD: the base policy or an adopted amendment (read from the process store)')
    .option('--data-dir <dir>', 'with --on: SQLite data directory (default $STEWARD_DATA_DIR or ./.steward)')
    .option('--database-url <url>', 'with --on: PostgreSQL instead of SQLite (default $DATABASE_URL)')
    .action(
      async (
        given: string | undefined,
        flags: { format: string; policy?: string; stage?: string; on?: string; dataDir?: string; databaseUrl?: string },
      ) => {
        const [{ loadPolicy }, { describeRules }, render] = await Promise.all([
          import('../../policy/catalogue.js'),
          import('../../policy/rules.js'),
          import('../../policy/render.js'),
        ]);
        if (given !== undefined && flags.policy !== undefined && given !== flags.policy)
          throw new InputError(`policy show: the policy is named twice (${given} and --policy ${flags.policy}); give it once`);
        const named = given ?? flags.policy;
        if (flags.on !== undefined && named)
          throw new InputError('policy show: --on reads the version in force from the store; a policy names one; give one of them');
        let p = loadPolicy(named, flags.stage !== undefined ? { stage: flags.stage } : {});
        if (flags.on !== undefined) {
          const { withEngine } = await import('./process-context.js');
          const { policyOn } = await import('../../process/engine-amendments.js');
          const inForce = await withEngine(flags, ({ engine }) => policyOn(engine, engine.on!));
          if (!inForce) return;
          p = inForce;
          if (flags.format === 'text') process.stdout.write(`in force on ${flags.on}: ${p.id}@${p.version}\n\n`);
        }
        if (flags.format === 'json') {
          process.stdout.write(JSON.stringify({ policy: p, requirements: describeRules(p) }, null, 2) + '\n');
        } else if (flags.format === 'markdown') {
          process.stdout.write(render.renderPolicyMarkdown(p));
        } else {
          process.stdout.write(render.renderPolicyText(p));
        }
      },
    );
}
