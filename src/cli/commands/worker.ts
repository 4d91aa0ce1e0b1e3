// `steward worker`: the long-running process on SQLite deployments: delivers the outbox every
// minute and runs the periodic review every day, until SIGINT/SIGTERM (finishing the step in hand).
import { Command } from 'commander';
import { InputError } from '../../util/errors.js';
import { fallbackRecipients } from './notices.js';
import { checkEvaluator, storeOptions, withEngine, type StoreFlags } from './process-context.js';

export function register(program: Command): void {
  storeOptions(
    program
      .command('worker')
      .description('deliver notices and run periodic reviews on a schedule (in-process jobs)')
      .option('--notify <email>', 'where notices without a recipient go, to be forwarded (default $STEWARD_STAFF_EMAIL)')
      .option('--smtp <url>', 'SMTP server (default $STEWARD_SMTP_URL)')
      .option('--deliver-every <seconds>', 'delivery interval', '60')
      .option('--review-every <hours>', 'periodic review interval', '24')
      .option('--repos-dir <dir>', 'local clones to check (<dir>/<owner>/<name>)')
      .option('--offline', 'check without network sources'),
  ).action(async (flags: StoreFlags & { notify?: string; smtp?: string; deliverEvery: string; reviewEvery: string; reposDir?: string; offline?: boolean }) => {
    const smtpUrl = flags.smtp ?? process.env.STEWARD_SMTP_URL;
    if (!smtpUrl) throw new InputError('worker: expected --smtp <url> or $STEWARD_SMTP_URL');
    const evaluator = await checkEvaluator({ ...(flags.reposDir ? { reposDir: flags.reposDir } : {}), ...(flags.offline ? { offline: true } : {}) });
    await withEngine(flags, async ({ store, engine, actor }) => {
      const [{ startJobs }, { deliverOutbox }, { runPeriodicReview }, { createTransport, renderStoredNotice }, { readmeReaderFrom }] = await Promise.all([
        import('../../jobs/index.js'),
        import('../../process/delivery.js'),
        import('../../process/engine-review.js'),
        import('../../notices/index.js'),
        import('../../process/engine-offboarding.js'),
      ]);
      const transport = createTransport({ smtpUrl });
      const log = (msg: string) => process.stderr.write(`${new Date().toISOString()} ${msg}\n`);
      const runner = startJobs(
        [
          { name: 'deliver', everyMs: Number(flags.deliverEvery) * 1000, run: async (signal) => {
            const r = await deliverOutbox({ store, transport, render: renderStoredNotice, signal, fallbackTo: fallbackRecipients(flags.notify) });
            if (r.delivered.length + r.retrying.length + r.dead.length > 0) log(`deliver: ${r.delivered.length} delivered, ${r.retrying.length} retrying, ${r.dead.length} dead`);
          } },
          { name: 'review', everyMs: Number(flags.reviewEvery) * 3600_000, run: async (signal) => {
            const r = await runPeriodicReview(engine, actor, { evaluator, readmeReader: readmeReaderFrom(evaluator), signal });
            log(`review: ${r.total} due, ${r.passed.length} passed, ${r.failed.length} failed, ${r.retired.length} retired, ${r.errors.length} errors`);
          } },
        ],
        { onError: (task, err) => log(`${task}: ${(err as Error).message}`) },
      );
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await runner.stop();
      transport.close();
    });
  });
}
