// The App put together: its octokit App, the handlers of each delivery on the job queue, the
// scheduled pass over open votes (reactions read, reminders sent), and the webhook handler the
// HTTP server mounts at POST /github/webhooks.
import type { JobQueue } from '../jobs/index.js';
import { startJobs } from '../jobs/index.js';
import { createEngine, type Evaluator } from '../process/engine.js';
import { loadLabelTable } from '../process/labels.js';
import type { Clock } from '../process/calendar.js';
import type { Store } from '../store/index.js';
import type { GithubAppConfig } from './config.js';
import { clientFor, type AppContext } from './context.js';
import { DELIVERY_JOB, handleDelivery, type Delivery } from './dispatch.js';
import { createGithubApp, type ClientTuning } from './octokit.js';
import { remindAndSync } from './votes.js';
import { syncReviewIssues, type ReviewPass } from './reviews.js';
import { createGithubWebhookHandler } from './webhook.js';

export const VOTES_JOB = 'github-votes';

export interface GithubAppOptions {
  config: GithubAppConfig;
  store: Store;
  queue: JobQueue;
  /** runs the requirements check on an applicant's repository */
  evaluator?: Evaluator;
  clock?: Clock;
  tuning?: ClientTuning;
  /** days before the session when those who have not voted are reminded (default 3) */
  reminderDays?: number;
  /** how often open votes are read, reminders considered and review issues kept (default hourly; 0: never on its own) */
  voteSyncEveryMs?: number;
  log?: (line: string) => void;
}

export interface GithubAppRuntime {
  handler: (req: Request) => Promise<Response>;
  ctx: AppContext;
  /** the scheduled pass over open votes, now (what the timer runs) */
  syncVotes(): Promise<{ synced: number; reminded: string[] }>;
  /** the scheduled pass over periodic reviews: one issue per failing project, closed when fixed */
  syncReviews(): Promise<ReviewPass>;
  stop(): Promise<void>;
}

/** Builds the App and registers its jobs; the caller starts and stops the queue. */
export function startGithubApp(opts: GithubAppOptions): GithubAppRuntime {
  const log = opts.log ?? (() => undefined);
  const engine = createEngine({
    store: opts.store,
    ...(opts.clock ? { clock: opts.clock } : {}),
    ...(opts.evaluator ? { evaluator: opts.evaluator } : {}),
  });
  const ctx: AppContext = {
    config: opts.config,
    app: createGithubApp(opts.config, { log, ...opts.tuning }),
    engine,
    store: opts.store,
    table: loadLabelTable(),
    actor: { id: 'steward-github-app', role: 'staff' },
    reminderDays: opts.reminderDays ?? 3,
    log,
  };
  const syncVotes = async () => remindAndSync(ctx, await clientFor(ctx, {}), engine.clock.now());
  const syncReviews = async () => syncReviewIssues(ctx, await clientFor(ctx, {}));
  opts.queue.work<Delivery>(DELIVERY_JOB, async (job) => {
    try {
      await handleDelivery(ctx, job.data);
    } catch (err) {
      // the queue retries it with back-off; the log says why, attempt by attempt
      log(
        `github: delivery ${job.data.id} (${job.data.event}${job.data.payload.action ? `.${job.data.payload.action}` : ''}) failed on attempt ${job.attempt}: ${(err as Error).message}`,
      );
      throw err;
    }
  });
  opts.queue.work(VOTES_JOB, async () => {
    const r = await syncVotes();
    if (r.synced > 0) log(`github: ${r.synced} open votes read${r.reminded.length ? `, reminded ${r.reminded.join(', ')}` : ''}`);
    const v = await syncReviews();
    const n = v.opened.length + v.updated.length + v.closed.length + v.retirementPrs.length;
    if (n > 0)
      log(
        `github: review issues: ${v.opened.length} opened, ${v.updated.length} updated, ${v.closed.length} closed; ${v.retirementPrs.length} retirement pull requests`,
      );
  });
  const every = opts.voteSyncEveryMs ?? 3_600_000;
  const runner =
    every > 0
      ? startJobs([{ name: VOTES_JOB, everyMs: every, run: () => opts.queue.enqueue(VOTES_JOB, {}, { singletonKey: VOTES_JOB }) }], {
          runAtStart: false,
          onError: (_t, err) => log(`github: ${VOTES_JOB}: ${(err as Error).message}`),
        })
      : undefined;
  return {
    handler: createGithubWebhookHandler({ app: ctx.app, store: opts.store, queue: opts.queue, log }),
    ctx,
    syncVotes,
    syncReviews,
    stop: async () => {
      await runner?.stop();
    },
  };
}
