// Re-judging stored evidence under another policy: what a policy change would do to every
// project, with no network and no git: the evidence of each project's latest report is evaluated
// again. Nothing is written; the caller decides what to do with verdicts that change.
import { sql } from 'kysely';
import { evaluate } from '../check/evaluate.js';
import type { Evidence } from '../evidence/types.js';
import type { Policy } from '../policy/types.js';
import type { Store } from '../store/index.js';
import { currentEvidence } from '../evidence/stored.js';

export interface Rejudged {
  projects: number;
  /** projects whose latest report holds no evidence (imported, or checked before evidence was kept) */
  withoutEvidence: string[];
  verdicts: Record<string, number>;
  /** projects whose verdict differs from their stored one */
  changed: { projectId: string; from: string; to: string }[];
}

export async function rejudgeStored(
  store: Store,
  policy: Policy,
  opts: { pageSize?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<Rejudged> {
  // the newest report of each project subject, its evidence read a page at a time
  const latest = await store.db
    .selectFrom('reports')
    .select(['subject', sql<number>`max(id)`.as('id')])
    .where('subject', 'like', 'project:%')
    .groupBy('subject')
    .execute();
  const out: Rejudged = { projects: latest.length, withoutEvidence: [], verdicts: {}, changed: [] };
  const page = opts.pageSize ?? 200;
  for (let i = 0; i < latest.length; i += page) {
    const ids = latest.slice(i, i + page).map((r) => Number(r.id));
    const rows = await store.db.selectFrom('reports').select(['subject', 'verdict', 'evidence']).where('id', 'in', ids).execute();
    for (const row of rows) {
      const projectId = row.subject.slice('project:'.length);
      if (!row.evidence) {
        out.withoutEvidence.push(projectId);
        continue;
      }
      const verdict = evaluate(currentEvidence(JSON.parse(row.evidence) as Evidence), policy).verdict;
      out.verdicts[verdict] = (out.verdicts[verdict] ?? 0) + 1;
      if (verdict !== row.verdict) out.changed.push({ projectId, from: row.verdict, to: verdict });
    }
    opts.onProgress?.(Math.min(latest.length, i + page), latest.length);
  }
  return out;
}
