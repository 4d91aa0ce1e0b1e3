// Periodic reviews on GitHub: each project failing its review has one issue in the ecosystem
// repository (the failures, the deadline, what to fix), edited as they change, and closed when
// the project is fixed (or retired, when the landscape pull request takes over).
import { listDocs } from '../store/index.js';
import type { Project } from '../process/types.js';
import { splitRepo } from './config.js';
import type { AppContext, Client } from './context.js';
import { retirementPr } from './landscape-pr.js';
import { getThread, updateThread } from './threads.js';

function reviewBody(p: Project): string {
  const pending = p.pending!;
  return [
    `<!-- steward:review:${p.id} -->`,
    `**${p.name}** (${p.repoUrl}) failed its periodic review of ${pending.noticeOn}.`,
    '',
    `It stays in the PyTorch Ecosystem if these requirements pass again by **${pending.deadlineOn}**; otherwise it is retired on that day.`,
    '',
    ...pending.failures.map((f) => `- [ ] ${f.id}. ${f.key}: ${f.summary}`),
    '',
    `Steward checks again every day until then; \`steward check ${p.repoUrl}\` shows what to fix, requirement by requirement.`,
  ].join('\n');
}

export interface ReviewPass {
  opened: string[];
  updated: string[];
  closed: string[];
  retirementPrs: string[];
}

export async function syncReviewIssues(ctx: AppContext, gh: Client): Promise<ReviewPass> {
  const { owner, repo } = splitRepo(ctx.config.ecosystemRepo);
  const out: ReviewPass = { opened: [], updated: [], closed: [], retirementPrs: [] };
  for (const p of await listDocs<Project>(ctx.store.db, 'projects')) {
    const key = `review:${p.id}`;
    const thread = await getThread(ctx.store.db, key);
    if (p.pending && p.status === 'ACTIVE') {
      const body = reviewBody(p);
      if (!thread.issueNumber) {
        const { data } = await gh.rest.issues.create({
          owner,
          repo,
          title: `[Review] ${p.name}: ${p.pending.failures.length} requirement${p.pending.failures.length === 1 ? '' : 's'} failing, deadline ${p.pending.deadlineOn}`,
          body,
        });
        await updateThread(ctx.store.db, key, { issueNumber: data.number, shown: body });
        out.opened.push(p.id);
      } else if (thread.shown !== body) {
        await gh.rest.issues.update({
          owner,
          repo,
          issue_number: thread.issueNumber,
          body,
          title: `[Review] ${p.name}: ${p.pending.failures.length} requirement${p.pending.failures.length === 1 ? '' : 's'} failing, deadline ${p.pending.deadlineOn}`,
        });
        await updateThread(ctx.store.db, key, { shown: body });
        out.updated.push(p.id);
      }
      continue;
    }
    if (thread.issueNumber && thread.shown !== 'closed') {
      const fixed = p.status === 'ACTIVE';
      await gh.rest.issues.createComment({
        owner,
        repo,
        issue_number: thread.issueNumber,
        body: fixed
          ? `Every requirement passes again (review of ${p.lastReviewOn}): ${p.name} stays in the ecosystem; the next review is due ${p.reviewDueOn}.`
          : `${p.name} was retired on ${p.retiredOn}.`,
      });
      await gh.rest.issues.update({
        owner,
        repo,
        issue_number: thread.issueNumber,
        state: 'closed',
        state_reason: fixed ? 'completed' : 'not_planned',
      });
      await updateThread(ctx.store.db, key, { shown: 'closed' });
      out.closed.push(p.id);
    }
    if (
      p.status === 'RETIRED' &&
      p.landscapeId &&
      !p.retiredBeforeImport &&
      !(await getThread(ctx.store.db, `project:${p.id}`)).landscapePr
    ) {
      await retirementPr(ctx, gh, p);
      out.retirementPrs.push(p.id);
    }
  }
  return out;
}
