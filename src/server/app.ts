// The HTTP server as one Hono app: the public pages, the working group's and staff's desk, the
// JSON API and the routes other drivers contribute. Built from an opened store and engine, so
// tests drive it with app.request() and `steward serve` only adds a socket.
import { Hono } from 'hono';
import { sql } from 'kysely';
import type { ServerContext } from './context.js';

export function createApp(ctx: ServerContext): Hono {
  const app = new Hono();

  app.get('/healthz', async (c) => {
    // a store that cannot answer a trivial query is not healthy, whatever the process says
    try {
      await sql`select 1`.execute(ctx.store.db);
      return c.json({ ok: true, store: ctx.store.dialect });
    } catch (err) {
      return c.json({ ok: false, error: `store ${ctx.store.location} did not answer: ${(err as Error).message}` }, 503);
    }
  });

  app.post('/github/webhooks', (c) => {
    if (!ctx.githubWebhook) return c.json({ error: 'the GitHub App is not configured on this server (STEWARD_GITHUB_* unset)' }, 404);
    return ctx.githubWebhook(c.req.raw);
  });

  return app;
}
