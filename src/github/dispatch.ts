// A delivery's work, run by the job queue: routes the event to what handles it. Events the App
// does not act on were acknowledged at the door and never get here.
import type { AppContext } from './context.js';
import { clientFor, sameRepo } from './context.js';
import { backfill } from './backfill.js';
import { onComment, type CommentPayload } from './commands.js';
import { onIssueFiled, type IssuePayload } from './issues.js';
import { onLabelChange } from './label-events.js';
import { onLandscapePullRequest, type PullRequestPayload } from './landscape-check.js';

export const DELIVERY_JOB = 'github-delivery';
export const HANDLED_EVENTS = ['issues', 'issue_comment', 'installation', 'installation_repositories', 'pull_request'] as const;

export interface Delivery {
  id: string;
  event: string;
  payload: Record<string, unknown> & { action?: string; installation?: { id: number } };
}

export async function handleDelivery(ctx: AppContext, d: Delivery): Promise<void> {
  const p = d.payload;
  const installation = p.installation?.id;
  const gh = () => clientFor(ctx, installation !== undefined ? { installation } : {});
  switch (d.event) {
    case 'issues':
      if (['opened', 'edited', 'reopened'].includes(p.action ?? '')) return onIssueFiled(ctx, await gh(), p as unknown as IssuePayload);
      if (p.action === 'labeled' || p.action === 'unlabeled') return onLabelChange(ctx, await gh(), p as unknown as IssuePayload);
      return;
    case 'issue_comment':
      return onComment(ctx, await gh(), p as unknown as CommentPayload);
    case 'installation': {
      const repos = (p['repositories'] as { full_name: string }[] | undefined) ?? [];
      if (p.action === 'created' && (repos.length === 0 || repos.some((r) => sameRepo(r.full_name, ctx.config.ecosystemRepo))))
        await backfill(ctx, await gh());
      return;
    }
    case 'installation_repositories': {
      const added = (p['repositories_added'] as { full_name: string }[] | undefined) ?? [];
      if (added.some((r) => sameRepo(r.full_name, ctx.config.ecosystemRepo))) await backfill(ctx, await gh());
      return;
    }
    case 'pull_request':
      return onLandscapePullRequest(ctx, await gh(), p as unknown as PullRequestPayload);
  }
}
