// `steward check <target...>`: judge repositories against the requirements and print reports.
import { Command, Option } from 'commander';
import { InputError } from '../../util/errors.js';

interface CheckFlags {
  rev?: string;
  path?: string;
  asOf?: string;
  format: 'text' | 'json' | 'markdown' | 'sarif';
  policy?: string;
  stage?: string;
  offline?: boolean;
  torchReleases?: string;
  color?: boolean;
  token?: string[];
  fromFile?: string;
  quiet?: boolean;
}

/** The targets of a --from-file list: one a line; blank lines and `#` comments skipped. */
export function targetsFromFile(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/(^|\s)#.*$/, '').trim())
    .filter((l) => l.length > 0);
}

export function register(program: Command): void {
  program
    .command('check')
    .description('judge repositories against the 19 ecosystem requirements, with evidence and fixes')
    .argument(
      '[targets...]',
      'a repository: work tree or bare repository path (the root, not a sub-directory), an https URL on github.com or gitlab.com, or OWNER/NAME',
    )
    .option('--rev <rev>', 'the revision to evaluate (branch, tag or commit; default HEAD, or the branch a /tree/<branch>/ URL names)')
    .option(
      '--path <dir>',
      "the folder of the repository the project lives in (a monorepo's sub/dir; default: the one a /tree/<branch>/<path> URL names); CI and shared community files still come from the root",
    )
    .option('--as-of <date>', 'the date the evaluation is for (ISO 8601; default now), to reproduce a past result')
    .addOption(
      new Option('--format <format>', 'output format (sarif: SARIF 2.1.0 for GitHub code scanning)')
        .choices(['text', 'json', 'markdown', 'sarif'])
        .default('text'),
    )
    .option(
      '--policy <id|file>',
      'the policy to judge by: a file, or the id of one in data/policies (its newest version; default: pytorch-ecosystem)',
    )
    .option(
      '--stage <stage>',
      "the policy's stage to judge by (a policy with stages, e.g. sandbox, incubation, graduation; default its first)",
    )
    .option('--offline', 'use only the repository itself; requirements that need GitHub or PyPI are unknown')
    .option('--torch-releases <file>', 'a torch release list to use instead of the bundled one')
    .option('--token <token>', 'a GitHub token (repeat for a pool; also GITHUB_TOKEN, GH_TOKEN)', (v: string, prev: string[] = []) => [
      ...prev,
      v,
    ])
    .option('--no-color', 'no colour in text output')
    .option('--from-file <file>', 'also check the repositories listed in this file, one a line (# comments; - for stdin)')
    .option('-q, --quiet', 'no progress line on a terminal')
    .addHelpText(
      'after',
      `
Exit status: 0 every requirement passes, 1 one fails, 3 a person must review (review/unknown),
2 usage or input error (message on stderr, nothing on stdout).

Examples:
  steward check .                              this repository, today
  steward check . --format markdown            a table to paste into a GitHub comment
  steward check ../ignite --rev v0.5.0 --as-of 2026-06-01 --format json
  steward check ../optimate --path optimization/speedster      a project in a folder of a monorepo
  steward check https://github.com/nebuly-ai/optimate/tree/main/optimization/speedster   the same, by URL
  steward check repo-a repo-b --format json    several repositories: a JSON array, in order
  steward check . --format sarif > steward.sarif   for github/codeql-action/upload-sarif (a run per repository)
  steward check --from-file repos.txt --format json > reports.json   a list: progress on the terminal, a summary at the end`,
    )
    .action(async (args: string[], flags: CheckFlags) => {
      let targets = args;
      if (flags.fromFile !== undefined) {
        const { readFileSync } = await import('node:fs');
        let text: string;
        try {
          text = readFileSync(flags.fromFile === '-' ? 0 : flags.fromFile, 'utf8');
        } catch (err) {
          throw new InputError(
            `--from-file ${flags.fromFile}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`,
          );
        }
        targets = [...args, ...targetsFromFile(text)];
      }
      if (targets.length === 0)
        throw new InputError(
          flags.fromFile !== undefined
            ? `--from-file ${flags.fromFile}: no repositories listed`
            : 'check: expected a repository (or --from-file FILE)',
        );
      const [{ resolveTarget, checkResolved, parseAsOf }, { loadPolicy }, { EXIT_CODES }] = await Promise.all([
        import('../../check/index.js'),
        import('../../policy/catalogue.js'),
        import('../../report/types.js'),
      ]);
      const asOf = flags.asOf !== undefined ? parseAsOf(flags.asOf) : new Date();
      const policy = loadPolicy(flags.policy, flags.stage !== undefined ? { stage: flags.stage } : {});
      const opts = {
        ...(flags.rev !== undefined ? { rev: flags.rev } : {}),
        ...(flags.path !== undefined ? { path: flags.path } : {}),
        asOf,
        policy,
        offline: flags.offline === true,
        ...(flags.token?.length ? { tokens: flags.token } : {}),
        ...(flags.torchReleases ? { torchReleasesFile: flags.torchReleases } : {}),
      };
      const reports: import('../../report/types.js').Report[] = [];
      if (flags.fromFile === undefined) {
        // resolve every target before printing anything, so an input error leaves stdout empty
        const resolved = [];
        for (const t of targets) resolved.push(await resolveTarget(t, opts));
        for (const target of resolved) {
          if (resolved.length > 1 && process.stderr.isTTY && !flags.quiet) process.stderr.write(`checking ${target.input}…\n`);
          reports.push((await checkResolved(target, opts)).report);
        }
      } else {
        // a list shares one online session (one token pool and HTTP cache), whose budget the progress shows
        const [{ createOnlineSession }, { startProgress }] = await Promise.all([
          import('../../evidence/online/index.js'),
          import('../progress.js'),
        ]);
        const session = flags.offline ? undefined : createOnlineSession({ ...(flags.token?.length ? { cliTokens: flags.token } : {}) });
        const shared = session ? { ...opts, online: { session } } : opts;
        const progress = startProgress('checked', targets.length, {
          quiet: flags.quiet === true || flags.format === 'json',
          ...(session ? { budget: () => session.pool.remainingTotal() } : {}),
        });
        // output is written only at the end, so an input error on any line still leaves stdout empty
        for (const [i, t] of targets.entries()) {
          const r = (await checkResolved(await resolveTarget(t, shared), shared)).report;
          reports.push(r);
          progress.update(i + 1, `${t} ${r.verdict}`);
        }
        const count = (v: string) => String(reports.filter((r) => r.verdict === v).length);
        progress.end([
          ['verdict', 'repositories'],
          ['pass', count('pass')],
          ['fail', count('fail')],
          ['review', count('review')],
          ['total', String(reports.length)],
        ]);
      }
      const color = flags.color !== false && process.stdout.isTTY === true && !process.env.NO_COLOR;
      process.stdout.write(await renderReports(reports, flags.format, { offline: flags.offline === true, color, policy }));
      const worst = reports.some((r) => r.verdict === 'fail') ? 'fail' : reports.some((r) => r.verdict === 'review') ? 'review' : 'pass';
      process.exitCode = EXIT_CODES[worst];
    });
}

/** The reports as `steward check --format <format>` prints them (the golden tests hold this output). */
export async function renderReports(
  reports: import('../../report/types.js').Report[],
  format: CheckFlags['format'],
  opts: { offline: boolean; color: boolean; policy: import('../../policy/types.js').Policy },
): Promise<string> {
  switch (format) {
    case 'sarif': {
      const { renderSarif } = await import('../../report/sarif.js');
      return renderSarif(reports, { policy: opts.policy });
    }
    case 'json': {
      const { renderJson } = await import('../../report/json.js');
      return renderJson(reports, reports.length > 1);
    }
    case 'markdown': {
      const { renderMarkdown } = await import('../../report/markdown.js');
      const { cleanDeep } = await import('../../util/clean-text.js');
      return reports.map((r) => renderMarkdown(cleanDeep(r), { offline: opts.offline })).join('\n---\n\n');
    }
    case 'text': {
      const { renderText } = await import('../../report/text.js');
      const { color } = opts;
      const { cleanDeep } = await import('../../util/clean-text.js');
      // before colouring: the report's strings come from the repository; the colours are ours
      return reports.map((r) => renderText(cleanDeep(r), { color })).join('\n');
    }
    default:
      throw new InputError(`--format ${String(format)}: expected text, json, markdown or sarif`);
  }
}
