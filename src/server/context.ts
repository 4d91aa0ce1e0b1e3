// What the HTTP server is built from: the opened store and engine, and the handlers other
// drivers contribute (the GitHub App's webhook receiver). Nothing here opens or reads anything.
import type { Engine } from '../process/engine.js';
import type { Store } from '../store/index.js';

/** A fetch-API handler: the GitHub App's webhook receiver takes the raw request and answers it. */
export type FetchHandler = (req: Request) => Promise<Response>;

/** Handlers other drivers add to the server; each is optional and its route answers 404 without it. */
export interface ServerExtensions {
  /** mounted at POST /github/webhooks */
  githubWebhook?: FetchHandler;
}

export interface ServerContext extends ServerExtensions {
  store: Store;
  engine: Engine;
}
