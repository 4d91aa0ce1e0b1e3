// The App inside `steward serve`: configured from STEWARD_GITHUB_* (absent: the route answers
// 404 and nothing starts), with its own job queue over the server's store and the real checker,
// which clones applicants' repositories (STEWARD_CLONE_BASE_URLS names mirrors).
import type { ExtensionInput } from '../server/extensions.js';
import type { ServerExtensions } from '../server/context.js';
import { InputError } from '../util/errors.js';
import { githubAppConfigFromEnv, syncIntervalFromEnv } from './config.js';

export async function githubExtension(input: ExtensionInput): Promise<ServerExtensions> {
  const config = githubAppConfigFromEnv(input.env);
  if (!config) return {};
  const [{ openJobQueue }, { startGithubApp }, { check }] = await Promise.all([
    import('../jobs/index.js'),
    import('./app.js'),
    import('../check/index.js'),
  ]);
  const days = input.env.STEWARD_VOTE_REMINDER_DAYS;
  if (days !== undefined && !/^\d+$/.test(days))
    throw new InputError(`STEWARD_VOTE_REMINDER_DAYS: expected a whole number of days, found ${JSON.stringify(days)}`);
  const every = syncIntervalFromEnv(input.env);
  // the server's queue when it runs one (its owner starts and stops it), else one of our own
  const own = input.jobs === undefined;
  const queue =
    input.jobs ?? (await openJobQueue(input.store, { onError: (what, err) => input.log(`jobs: ${what}: ${(err as Error).message}`) }));
  const runtime = startGithubApp({
    config,
    store: input.store,
    queue,
    evaluator: (target, asOf) => check(target.repoUrl, { asOf }),
    ...(days !== undefined ? { reminderDays: Number(days) } : {}),
    voteSyncEveryMs: every,
    log: input.log,
  });
  if (own) await queue.start();
  input.log(
    `github: App ${config.appId} on ${config.ecosystemRepo} (landscape ${config.landscapeRepo}), API ${config.apiUrl}; votes and review issues synced ${every > 0 ? `every ${every / 1000} s` : 'only on commands (STEWARD_GITHUB_SYNC_SECONDS=0)'}`,
  );
  return {
    githubWebhook: runtime.handler,
    stop: async () => {
      await runtime.stop();
      if (own) await queue.stop({ graceful: true });
    },
  };
}
