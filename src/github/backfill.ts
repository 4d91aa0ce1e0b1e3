// On installation, the ecosystem repository's existing issues become applications in the state
// their labels say (the same import as `steward application import`), reading only: nothing is
// posted, labelled or closed.
import { importIssues, type IssueImportResult } from '../process/engine-issues.js';
import type { GhComment, GhIssue } from '../process/issue-history.js';
import { splitRepo } from './config.js';
import type { AppContext, Client } from './context.js';

export async function backfill(ctx: AppContext, gh: Client): Promise<IssueImportResult> {
  const { owner, repo } = splitRepo(ctx.config.ecosystemRepo);
  const issues = (await gh.paginate('GET /repos/{owner}/{repo}/issues', {
    owner,
    repo,
    state: 'all',
    per_page: 100,
  })) as unknown as GhIssue[];
  const comments = (await gh.paginate('GET /repos/{owner}/{repo}/issues/comments', {
    owner,
    repo,
    per_page: 100,
  })) as unknown as GhComment[];
  const r = await importIssues(ctx.engine, ctx.actor, { issues, comments, repo: ctx.config.ecosystemRepo, table: ctx.table });
  ctx.log(
    `github: backfill of ${ctx.config.ecosystemRepo}: ${r.created.length} applications imported, ${r.existing.length} already recorded, ${r.skipped.length} skipped`,
  );
  return r;
}
