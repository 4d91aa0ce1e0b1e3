// `steward worker`: the long-running process. It works the durable job queue (periodic reviews,
// one job per project), queues the due reviews on a schedule and delivers the outbox, until
// SIGINT/SIGTERM: then it takes no new job, finishes the ones in hand and exits. On PostgreSQL any
// number of workers on any number of machines share the queue; on SQLite one worker owns the file.
import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { InputError } from '../../util/errors.js';
import { fallbackRecipients } from './notices.js';
import {
  checkEvaluator,
  policyOptions,
  storeOptions,
  withEngine,
  type CheckFlags,
  type PolicyFlags,
  type StoreFlags,
} from './process-context.js';

interface WorkerFlags extends StoreFlags, PolicyFlags, CheckFlags {
  notify?: string;
  smtp?: string;
  deliverEvery: string;
  reviewEvery: string;
  concurrency: string;
  lease: string;
  sendTimeout: string;
}

function positive(text: string, flag: string): number {
  const n = Number(text);
  if (!(Number.isFinite(n) && n > 0)) throw new InputError(`worker ${flag}: expected a positive number, found ${JSON.stringify(text)}`);
  return n;
}

/** CPU of this process and of the git processes it waited for (Linux /proc), and its peak memory. */
export function resourceLine(): string {
  const ru = process.resourceUsage();
  let children = 0;
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    children = (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    // not Linux: the children's CPU is not known
  }
  const own = (ru.userCPUTime + ru.systemCPUTime) / 1e6;
  return `cpu ${own.toFixed(2)} s, children ${children.toFixed(2)} s, peak rss ${(ru.maxRSS / 1024).toFixed(1)} MiB`;
}

export function register(program: Command): void {
  storeOptions(
    policyOptions(program.command('worker'))
      .description('work the job queue (reviews), queue due reviews on a schedule and deliver notices, until SIGINT/SIGTERM')
      .option('--notify <email>', 'where notices without a recipient go, to be forwarded (default $STEWARD_STAFF_EMAIL)')
      .option('--smtp <url>', 'SMTP server (default $STEWARD_SMTP_URL)')
      .option('--deliver-every <seconds>', 'delivery interval', '60')
      .option('--review-every <hours>', 'how often due projects are queued for review (0: never here, another process queues them)', '24')
      .option('--concurrency <n>', 'reviews this process runs at once', '2')
      .option(
        '--lease <seconds>',
        "how long a job's claim lasts without renewal: a worker that dies loses its jobs to others after this",
        '60',
      )
      .option(
        '--send-timeout <seconds>',
        'the longest one e-mail may take, retries included: a notice a dead worker was sending is sent by another this long plus 30 s later',
        '90',
      )
      .option('--repos-dir <dir>', 'local clones to check (<dir>/<owner>/<name>)')
      .option('--offline', 'check without network sources')
      .addHelpText(
        'after',
        '\nOn PostgreSQL (--database-url / $DATABASE_URL) start as many workers as you like, on any machines:\n' +
          'they share one queue (pg-boss), a project is reviewed by one worker at a time, and a worker that\n' +
          'dies leaves its jobs to the others once its lease runs out. Failed jobs are retried with growing\n' +
          'delays; those that keep failing are listed by `steward jobs dead` and re-run by `steward jobs retry ID`.\n',
      ),
  ).action(async (flags: WorkerFlags) => {
    const smtpUrl = flags.smtp ?? process.env.STEWARD_SMTP_URL;
    if (!smtpUrl) throw new InputError('worker: expected --smtp <url> or $STEWARD_SMTP_URL');
    const concurrency = positive(flags.concurrency, '--concurrency');
    if (!Number.isInteger(concurrency)) throw new InputError(`worker --concurrency: expected a whole number, found ${flags.concurrency}`);
    const leaseMs = positive(flags.lease, '--lease') * 1000;
    const sendTimeoutMs = positive(flags.sendTimeout, '--send-timeout') * 1000;
    await withEngine(flags, async ({ store, engine, actor }) => {
      const evaluator = await checkEvaluator(flags, { store });
      const [
        { startJobs, openJobQueue },
        { enqueueDueReviews, workReviews },
        { deliverOutbox },
        { createTransport, renderStoredNotice },
        { readmeReaderFrom, runOffboardingChecks },
      ] = await Promise.all([
        import('../../jobs/index.js'),
        import('../../jobs/review-jobs.js'),
        import('../../process/delivery.js'),
        import('../../notices/index.js'),
        import('../../process/engine-offboarding.js'),
      ]);
      const transport = createTransport({ smtpUrl, sendTimeoutMs });
      const log = (msg: string) => process.stderr.write(`${new Date().toISOString()} ${msg}\n`);
      const queue = await openJobQueue(store, { leaseMs, onError: (what, err) => log(`jobs: ${what}: ${(err as Error).message}`) });
      workReviews(queue, engine, actor, evaluator, {
        concurrency,
        onReviewed: (id, outcome, attempt) => log(`review ${id}: ${outcome}${attempt > 1 ? ` (attempt ${attempt})` : ''}`),
      });
      let runner: ReturnType<typeof startJobs> | undefined;
      try {
        await queue.start();
        runner = startJobs(
          [
            {
              name: 'deliver',
              everyMs: positive(flags.deliverEvery, '--deliver-every') * 1000,
              run: async (signal) => {
                const r = await deliverOutbox({
                  store,
                  transport,
                  render: renderStoredNotice,
                  signal,
                  fallbackTo: fallbackRecipients(flags.notify),
                });
                if (r.delivered.length + r.retrying.length + r.dead.length > 0)
                  log(`deliver: ${r.delivered.length} delivered, ${r.retrying.length} retrying, ${r.dead.length} dead`);
              },
            },
            ...(Number(flags.reviewEvery) === 0
              ? []
              : [
                  {
                    name: 'review',
                    everyMs: positive(flags.reviewEvery, '--review-every') * 3600_000,
                    run: async () => {
                      const r = await enqueueDueReviews(queue, engine);
                      if (r.total > 0) log(`review: ${r.total} due, ${r.queued} queued, ${r.alreadyQueued} already queued`);
                      // retired projects whose README is due for the offboarding follow-up
                      const off = await runOffboardingChecks(engine, actor, { reader: readmeReaderFrom(evaluator) });
                      if (off.checked.length + off.errors.length > 0)
                        log(`offboarding follow-up: ${off.checked.length} checked, ${off.errors.length} errors`);
                    },
                  },
                ]),
          ],
          { onError: (task, err) => log(`${task}: ${(err as Error).message}`) },
        );
        log(
          `worker ${process.pid}: working ${store.dialect === 'postgres' ? 'the shared queue' : 'in-process jobs'} in ${store.location}, ${concurrency} at once`,
        );
        await new Promise<void>((resolve) => {
          process.once('SIGINT', resolve);
          process.once('SIGTERM', resolve);
        });
        log(`worker ${process.pid}: stopping, finishing the jobs in hand`);
      } finally {
        // also after a failure, so pg-boss's timers never outlive the store they use
        await runner?.stop();
        await queue.stop();
        transport.close();
      }
      log(
        `worker ${process.pid}: stopped; ${evaluator.stats.full} full checks, ${evaluator.stats.reused} re-judged unchanged; ${resourceLine()}`,
      );
    });
  });
}
