// `steward policy show`: the requirements page rendered from the policy and the checker's metadata.
import { Command, Option } from 'commander';

export function register(program: Command): void {
  const policy = program.command('policy').description('the policy the requirements are judged by');
  policy
    .command('show')
    .description('print the requirements as measured: TAC text, what is measured, thresholds')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'))
    .option('--policy <file>', 'a policy file (default: pytorch-ecosystem 1.0)')
    .action(async (flags: { format: string; policy?: string }) => {
      const [{ loadPolicyFile, loadDefaultPolicy }, { REQUIREMENTS }, render] = await Promise.all([
        import('../../policy/load.js'),
        import('../../requirements/index.js'),
        import('../../policy/render.js'),
      ]);
      const p = flags.policy ? loadPolicyFile(flags.policy) : loadDefaultPolicy();
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
