// The App's clients, from octokit: JWT and installation tokens by @octokit/app, requests retried
// by the retry plugin (5xx, with back-off) and the throttling plugin (rate limits and secondary
// rate limits, after GitHub's Retry-After). Writes are spaced as GitHub asks of integrations
// (one a second), and writes that notify people (comments, issues) three seconds apart, as
// octokit does by default; the spacings and the back-off unit are tunable for tests.
import Bottleneck from 'bottleneck';
import { App, Octokit } from 'octokit';
import type { GithubAppConfig } from './config.js';

export interface ClientTuning {
  /** the unit of retry back-off and Retry-After, in ms (default 1000: seconds, as GitHub means) */
  retryUnitMs?: number;
  /** the least time between two writes, in ms (default 1000) */
  writeIntervalMs?: number;
  /** the least time between two writes that notify people (a comment, an issue), in ms (default 3000) */
  notifyIntervalMs?: number;
  /** retries of a request answered 5xx or rate-limited (default 4) */
  retries?: number;
  log?: (line: string) => void;
}

export type GithubClient = InstanceType<typeof Octokit>;

export function createGithubApp(config: GithubAppConfig, tuning: ClientTuning = {}): App {
  const unit = tuning.retryUnitMs ?? 1000;
  const retries = tuning.retries ?? 4;
  const log = tuning.log ?? (() => undefined);
  // a limit handler that says yes retries; GitHub's Retry-After tells how long to wait
  const again = (what: string) => (retryAfter: number, options: { method: string; url: string; request: { retryCount: number } }) => {
    log(`github: ${what} on ${options.method} ${options.url}; retry ${options.request.retryCount + 1} after ${retryAfter}s`);
    return options.request.retryCount < retries;
  };
  const ClientClass = Octokit.defaults({
    baseUrl: config.apiUrl,
    userAgent: 'steward-github-app',
    retry: { retryAfterBaseValue: unit, retries },
    throttle: {
      retryAfterBaseValue: unit,
      fallbackSecondaryRateRetryAfter: 60,
      write: new Bottleneck.Group({ maxConcurrent: 1, minTime: tuning.writeIntervalMs ?? 1000 }),
      notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: tuning.notifyIntervalMs ?? 3000 }),
      onRateLimit: again('rate limit'),
      onSecondaryRateLimit: again('secondary rate limit'),
    },
  });
  return new App({ appId: config.appId, privateKey: config.privateKey, webhooks: { secret: config.webhookSecret }, Octokit: ClientClass });
}
