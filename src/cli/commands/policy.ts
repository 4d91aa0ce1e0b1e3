// `steward policy show`: the requirements page rendered from the policy and the checker's metadata.
import { Command, Option } from 'commander';
import { InputError } from '../../util/errors.js';

export function register(program: Command): void {
  const policy = program.command('policy').description('the policy the requirements are judged by');
  policy
    .command('show')
    .description('print the requirements as measured: TAC text, what is measured, thresholds')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'))
    .option('--policy <file>', 'a policy file (default: pytorch-ecosystem 1.0)')
    .option('--on <date>', 'the version in force on YYYY-MM-DD: the base policy or an adopted amendment (read from the process store)')
    .option('--data-dir <dir>', 'with --on: SQLite data directory (default $STEWARD_DATA_DIR or ./.steward)')
    .option('--database-url <url>', 'with --on: PostgreSQL instead of SQLite (default $DATABASE_URL)')
    .action(async (flags: { format: string; policy?: string; on?: string; dataDir?: string; databaseUrl?: string }) => {
      const [{ loadPolicyFile, loadDefaultPolicy }, { REQUIREMENTS }, render] = await Promise.all([
        import('../../policy/load.js'),
        import('../../requirements/index.js'),
        import('../../policy/render.js'),
      ]);
      if (flags.on !== undefined && flags.policy)
        throw new InputError('policy show: --on reads the version in force from the store; --policy names a file; give one of them');
      let p = flags.policy ? loadPolicyFile(flags.policy) : loadDefaultPolicy();
      if (flags.on !== undefined) {
        const { withEngine } = await import('./process-context.js');
        const { policyOn } = await import('../../process/engine-amendments.js');
        const inForce = await withEngine(flags, ({ engine }) => policyOn(engine, engine.on!));
        if (!inForce) return;
        p = inForce;
        if (flags.format === 'text') process.stdout.write(`in force on ${flags.on}: ${p.id}@${p.version}\n\n`);
      }
      const metas = REQUIREMENTS.map((r) => r.meta);
      if (flags.format === 'json') {
        const requirements = metas.map((m) => ({ ...m, measures: render.fillPlaceholders(m.measures, p) }));
        process.stdout.write(JSON.stringify({ policy: p, requirements }, null, 2) + '\n');
      } else if (flags.format === 'markdown') {
        process.stdout.write(render.renderPolicyMarkdown(p, metas));
      } else {
        process.stdout.write(render.renderPolicyText(p, metas));
      }
    });
}
