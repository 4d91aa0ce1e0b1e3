// `steward application import <issues.json> [--comments <comments.json>]`: the ecosystem
// repository's issue history as applications, each in the state its labels and dates say.
import { Command, Option } from 'commander';
import { InputError } from '../../util/errors.js';
import { printJson, storeOptions, withEngine, type StoreFlags } from './process-context.js';

interface ImportFlags extends StoreFlags {
  comments?: string;
  repo?: string;
  format: 'text' | 'json';
}

async function readJsonArray(file: string, what: string): Promise<unknown[]> {
  const { readFile } = await import('node:fs/promises');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new InputError(`cannot read ${what} from ${file}: ${(err as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new InputError(`${file}: expected JSON (${what}), found text that does not parse: ${(err as Error).message}`);
  }
  // `gh api --paginate` without --slurp writes one array per page, which is not JSON; --slurp
  // wraps the pages in one more array
  if (Array.isArray(data) && data.every(Array.isArray)) data = data.flat();
  if (!Array.isArray(data))
    throw new InputError(`${file}: expected a JSON array of ${what} as GitHub's REST API returns it, found ${typeof data}`);
  return data;
}

/** The fields without which an item is not an issue as the REST API returns it. */
const ISSUE_FIELDS = ['number', 'title', 'state', 'labels', 'created_at', 'updated_at'];

export function registerImport(application: Command): void {
  storeOptions(
    application
      .command('import')
      .description("bring in the ecosystem repository's issues as applications, in the state their labels say")
      .argument('<issues.json>', 'GET /repos/{owner}/{repo}/issues?state=all as GitHub returns it (pull requests are skipped)')
      .option('--comments <comments.json>', 'GET /repos/{owner}/{repo}/issues/comments: the questions of issues waiting on a comment')
      .option('--repo <owner/name>', 'the repository, when the issues carry no repository_url or html_url')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text')),
  )
    .addHelpText(
      'after',
      `
The labels map to states through data/github-labels.yml (the table the GitHub App uses too);
an issue with several state labels takes the one of highest rank. A decision is dated when the
issue was closed (closed_at), or when it last changed while open. An issue already imported is
left as it is: importing again changes nothing. Nothing is sent to anyone.

Example:
  gh api --paginate --slurp 'repos/pytorch-fdn/ecosystem/issues?state=all&per_page=100' > issues.json
  gh api --paginate --slurp 'repos/pytorch-fdn/ecosystem/issues/comments?per_page=100' > comments.json
  steward application import issues.json --comments comments.json`,
    )
    .action(async (file: string, flags: ImportFlags) => {
      const issues = await readJsonArray(file, 'issues');
      issues.forEach((i, n) => {
        const lacking = ISSUE_FIELDS.filter((k) => (i as Record<string, unknown> | null)?.[k] === undefined);
        if (lacking.length > 0) throw new InputError(`${file}: item ${n} is not a GitHub issue: it lacks ${lacking.join(', ')}`);
      });
      const comments = flags.comments ? await readJsonArray(flags.comments, 'issue comments') : [];
      if (flags.repo !== undefined && !/^[\w.-]+\/[\w.-]+$/.test(flags.repo))
        throw new InputError(`--repo: expected owner/name, found ${JSON.stringify(flags.repo)}`);
      await withEngine(flags, async ({ engine, actor }) => {
        const { importIssues } = await import('../../process/engine-issues.js');
        const r = await importIssues(engine, actor, {
          issues: issues as never,
          comments: comments as never,
          ...(flags.repo ? { repo: flags.repo } : {}),
        });
        if (flags.format === 'json') return printJson(r);
        const out: string[] = [
          `imported ${r.created.length} applications; ${r.existing.length} already recorded; ${r.skipped.length} skipped; ${r.pullRequests} pull requests left out`,
        ];
        for (const c of r.created)
          out.push(
            `  #${c.issue} → application ${c.id}: ${c.state}${c.label ? ` (label "${c.label}")` : ' (no state label)'}${c.missing ? `, ${c.missing} form problem${c.missing > 1 ? 's' : ''}` : ''}`,
          );
        for (const c of r.conflicts)
          out.push(`  #${c.issue}: several state labels; "${c.kept}" outranks ${c.outranked.map((o) => `"${o}"`).join(', ')}`);
        for (const s of r.skipped) out.push(`  #${s.issue}: skipped: ${s.reason}`);
        if (r.session) out.push(`applications in review were put in session ${r.session}`);
        process.stdout.write(out.join('\n') + '\n');
      });
    });
}
