// Everything `steward serve` (and the demo) runs: the store and engine, the durable job queue
// with the self-check worker on it, the landscape the public pages group projects by, the other
// drivers' handlers from the environment, and the socket. close() undoes it in reverse.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openJobQueue } from '../jobs/open.js';
import { readLandscape } from '../landscape/read.js';
import { createEngine } from '../process/engine.js';
import { openStore, optionsFromEnv } from '../store/index.js';
import { createApp } from './app.js';
import type { GithubOAuthConfig, LandscapeView, WebOptions } from './context.js';
import { buildExtensions } from './extensions.js';
import { listen, type Listening } from './listen.js';
import { workSelfChecks, type RunSelfCheck } from './self-check.js';

export interface StartOptions {
  port: number;
  host: string;
  dataDir?: string;
  databaseUrl?: string;
  /** landscape.yml; its logos are in `logosDir` (default hosted_logos/ beside it) */
  landscapeFile?: string;
  logosDir?: string;
  web?: WebOptions;
  /** how a self-check is run (default: the real checker, online, under the CLI's limits) */
  selfCheck?: RunSelfCheck;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}

/** GitHub sign-in from STEWARD_GITHUB_OAUTH_CLIENT_ID / _SECRET (and _WEB_URL / _API_URL for GHES). */
export function githubOAuthFromEnv(env: NodeJS.ProcessEnv): GithubOAuthConfig | undefined {
  const clientId = env.STEWARD_GITHUB_OAUTH_CLIENT_ID;
  const clientSecret = env.STEWARD_GITHUB_OAUTH_CLIENT_SECRET;
  if (!clientId && !clientSecret) return undefined;
  if (!clientId || !clientSecret)
    throw new Error(
      'GitHub sign-in: set both STEWARD_GITHUB_OAUTH_CLIENT_ID and STEWARD_GITHUB_OAUTH_CLIENT_SECRET (one of them is missing)',
    );
  return {
    clientId,
    clientSecret,
    ...(env.STEWARD_GITHUB_OAUTH_WEB_URL ? { webBase: env.STEWARD_GITHUB_OAUTH_WEB_URL } : {}),
    ...(env.STEWARD_GITHUB_OAUTH_API_URL ? { apiBase: env.STEWARD_GITHUB_OAUTH_API_URL } : {}),
  };
}

export function loadLandscapeView(file: string, logosDir?: string): LandscapeView {
  const l = readLandscape(readFileSync(file, 'utf8'), { file });
  return { items: l.items, logosDir: logosDir ?? join(dirname(file), 'hosted_logos') };
}

export async function startServer(o: StartOptions): Promise<Listening & { storeLocation: string }> {
  const env = o.env ?? process.env;
  const log = o.log ?? (() => undefined);
  const store = await openStore(
    optionsFromEnv({ ...(o.dataDir ? { dataDir: o.dataDir } : {}), ...(o.databaseUrl ? { databaseUrl: o.databaseUrl } : {}) }, env),
  );
  let jobs: Awaited<ReturnType<typeof openJobQueue>> | undefined;
  try {
    const engine = createEngine({ store });
    jobs = await openJobQueue(store, { onError: (what, err) => log(`jobs: ${what}: ${(err as Error).message}`) });
    const run: RunSelfCheck =
      o.selfCheck ??
      (async (url, opts) => {
        const { check } = await import('../check/index.js');
        return (await check(url, opts.path ? { path: opts.path } : {})).report;
      });
    workSelfChecks(jobs, store, run);
    await jobs.start();
    const github = o.web?.githubOAuth ?? githubOAuthFromEnv(env);
    const web: WebOptions = { ...o.web, ...(github ? { githubOAuth: github } : {}) };
    const extensions = await buildExtensions({ env, store, engine, log, jobs });
    const app = createApp({
      store,
      engine,
      jobs,
      web,
      ...(o.landscapeFile ? { landscape: loadLandscapeView(o.landscapeFile, o.logosDir) } : {}),
      ...extensions,
    });
    const server = await listen(app, { port: o.port, host: o.host });
    const queue = jobs;
    return {
      ...server,
      storeLocation: store.location,
      close: async () => {
        await server.close();
        await extensions.stop?.();
        await queue.stop({ graceful: true });
        await store.close();
      },
    };
  } catch (err) {
    await jobs?.stop({ graceful: false }).catch(() => undefined);
    await store.close();
    throw err;
  }
}
