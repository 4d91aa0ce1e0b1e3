// What the HTTP server is built from: the opened store and engine, the handlers other drivers
// contribute (the GitHub App's webhook receiver) and the web app's settings. Nothing here opens
// or reads anything.
import type { JobQueue } from '../jobs/queue.js';
import type { LandscapeItem } from '../landscape/types.js';
import type { Engine } from '../process/engine.js';
import type { Store } from '../store/index.js';

/** A fetch-API handler: the GitHub App's webhook receiver takes the raw request and answers it. */
export type FetchHandler = (req: Request) => Promise<Response>;

/** Handlers other drivers add to the server; each is optional and its route answers 404 without it. */
export interface ServerExtensions {
  /** mounted at POST /github/webhooks */
  githubWebhook?: FetchHandler;
  /** stops what the extension started (its job workers), after the server stopped taking requests */
  stop?: () => Promise<void>;
}

/** GitHub OAuth for signing in; the URLs are GitHub's unless pointed elsewhere (GHES, tests). */
export interface GithubOAuthConfig {
  clientId: string;
  clientSecret: string;
  /** where /login/oauth/authorize and /login/oauth/access_token live (default https://github.com) */
  webBase?: string;
  /** where GET /user lives (default https://api.github.com) */
  apiBase?: string;
}

/** The landscape the public pages group projects by, and the folder its logos are in. */
export interface LandscapeView {
  items: LandscapeItem[];
  logosDir?: string;
}

export interface WebOptions {
  githubOAuth?: GithubOAuthConfig;
  /** Secure cookies even on http (behind a TLS proxy); https requests always get them */
  secureCookies?: boolean;
  /** who sees each member's ballot before the vote closes: every member, or nobody until it closes */
  ballotsVisible?: 'always' | 'after-close';
  /** self-checks a visitor may queue per hour (default 5) */
  selfChecksPerHour?: number;
  /** take the visitor's address from X-Forwarded-For (only behind a proxy that sets it) */
  trustProxy?: boolean;
}

export interface ServerContext extends ServerExtensions {
  store: Store;
  engine: Engine;
  /** the durable job queue self-checks are queued on; without it the self-check page says so */
  jobs?: JobQueue;
  landscape?: LandscapeView;
  web?: WebOptions;
}
