// The periodic review as jobs: one job per due project, its singleton key the project, so however
// many workers share the queue a project is reviewed by one of them at a time; the review step's
// unique row makes a job re-run after a crash a no-op once the first run committed.
import { getDoc } from '../store/index.js';
import { dateOf } from '../process/calendar.js';
import { dueProjects, reviewOne } from '../process/engine-review.js';
import type { Engine, Evaluator } from '../process/engine.js';
import { isReviewDue } from '../process/projects.js';
import type { Actor, Project } from '../process/types.js';
import type { JobQueue } from './queue.js';

export const REVIEW_JOB = 'review';

export interface ReviewJobData {
  projectId: string;
}

/** Queues a review of every due project (or of these); those already queued or running are counted, not queued twice. */
export async function enqueueDueReviews(
  queue: JobQueue,
  eng: Engine,
  projectIds?: string[],
): Promise<{ queued: number; alreadyQueued: number; total: number }> {
  let due = await dueProjects(eng);
  if (projectIds) due = due.filter((p) => projectIds.includes(p.id));
  let queued = 0;
  for (const p of due) {
    const id = await queue.enqueue<ReviewJobData>(REVIEW_JOB, { projectId: p.id }, { singletonKey: `project:${p.id}` });
    if (id) queued++;
  }
  return { queued, alreadyQueued: due.length - queued, total: due.length };
}

export interface ReviewWorkOptions {
  concurrency?: number;
  /** after each review: the project and what happened ('not-due' when another run got there first) */
  onReviewed?: (projectId: string, outcome: string, attempt: number) => void;
}

/** Registers the review handler: a project no longer due is left alone without a check. */
export function workReviews(queue: JobQueue, eng: Engine, actor: Actor, evaluator: Evaluator, opts: ReviewWorkOptions = {}): void {
  queue.work<ReviewJobData>(
    REVIEW_JOB,
    async (job) => {
      const found = await getDoc<Project>(eng.store.db, 'projects', job.data.projectId);
      if (!found || found.doc.status !== 'ACTIVE' || !isReviewDue(found.doc, dateOf(eng.clock.now()))) {
        opts.onReviewed?.(job.data.projectId, 'not-due', job.attempt);
        return;
      }
      const outcome = await reviewOne(eng, actor, found.doc, evaluator);
      opts.onReviewed?.(job.data.projectId, outcome, job.attempt);
    },
    opts.concurrency !== undefined ? { concurrency: opts.concurrency } : {},
  );
}
