// `steward github replay <payload.json> --event NAME`: a saved delivery (from the App's settings,
// "Recent Deliveries") fed to the App's handlers as the worker would run it, for debugging: no
// signature, no queue; it acts on GitHub and the store as the delivery would.
import { Command } from 'commander';
import { InputError } from '../../util/errors.js';
import { storeOptions, withEngine, type StoreFlags } from './process-context.js';

export function register(program: Command): void {
  const github = program.command('github').description('the GitHub App: replay a saved webhook delivery');
  storeOptions(
    github
      .command('replay')
      .description("run the App's handlers on a saved delivery payload (acts on GitHub and the store)")
      .argument('<payload.json>', 'the delivery body as GitHub sent it')
      .requiredOption('--event <name>', 'the X-GitHub-Event of the delivery (issues, issue_comment, installation, pull_request …)')
      .option('--delivery <id>', 'the X-GitHub-Delivery id, for the log', 'replay'),
  )
    .addHelpText(
      'after',
      `
The App's configuration comes from the environment, as for steward serve: STEWARD_GITHUB_APP_ID,
STEWARD_GITHUB_APP_PRIVATE_KEY (PEM text or a file), STEWARD_GITHUB_WEBHOOK_SECRET,
STEWARD_ECOSYSTEM_REPO, STEWARD_LANDSCAPE_REPO (its logos in STEWARD_LANDSCAPE_LOGOS_DIR, default
hosted_logos), and STEWARD_GITHUB_API_URL for GitHub Enterprise.
The replay is not recorded as a delivery: replaying one that was handled does its work again.

Example:
  steward github replay delivery.json --event issue_comment`,
    )
    .action(async (file: string, flags: StoreFlags & { event: string; delivery: string }) => {
      // the App's handlers act on the real clock: a dated replay would record today all the same
      if (flags.on !== undefined)
        throw new InputError('github replay: the App acts on the real clock, so a replay cannot be dated; run it without --on');
      const [{ readFile }, { githubAppConfigFromEnv }] = await Promise.all([import('node:fs/promises'), import('../../github/config.js')]);
      const config = githubAppConfigFromEnv();
      if (!config)
        throw new InputError(
          'github replay: the App is not configured; set STEWARD_GITHUB_APP_ID, STEWARD_GITHUB_APP_PRIVATE_KEY, STEWARD_GITHUB_WEBHOOK_SECRET, STEWARD_ECOSYSTEM_REPO and STEWARD_LANDSCAPE_REPO',
        );
      let payload: Record<string, unknown>;
      try {
        payload = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
      } catch (err) {
        throw new InputError(`github replay: cannot read a JSON payload from ${file}: ${(err as Error).message}`);
      }
      const { HANDLED_EVENTS } = await import('../../github/dispatch.js');
      if (!(HANDLED_EVENTS as readonly string[]).includes(flags.event)) {
        process.stdout.write(`${flags.event}: the App acknowledges and ignores this event (it acts on ${HANDLED_EVENTS.join(', ')})\n`);
        return;
      }
      await withEngine(flags, async ({ store }) => {
        const [{ startGithubApp }, { handleDelivery }, { check }, { openJobQueue }] = await Promise.all([
          import('../../github/app.js'),
          import('../../github/dispatch.js'),
          import('../../check/index.js'),
          import('../../jobs/index.js'),
        ]);
        const log = (line: string) => process.stderr.write(`${line}\n`);
        // the queue is not started: the delivery is handled here, in the foreground
        const queue = await openJobQueue(store);
        const runtime = startGithubApp({
          config,
          store,
          queue,
          evaluator: (t, asOf) => check(t.repoUrl, { asOf }),
          voteSyncEveryMs: 0,
          log,
        });
        try {
          await handleDelivery(runtime.ctx, { id: flags.delivery, event: flags.event, payload });
          process.stdout.write(`${flags.event}${typeof payload.action === 'string' ? `.${payload.action}` : ''}: handled\n`);
        } finally {
          await runtime.stop();
          // on PostgreSQL the queue (pg-boss) keeps timers and connections: the command would never end
          await queue.stop();
        }
      });
    });
}
