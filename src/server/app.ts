// The HTTP server as one Hono app: the public pages, the working group's and staff's desk, the
// JSON API (documented at /openapi.json) and the routes other drivers contribute. Built from an
// opened store and engine, so tests drive it with app.request() and `steward serve` only adds a
// socket. Every route comes from the route table (routes/table.ts) with who may use it.
import { OpenAPIHono } from '@hono/zod-openapi';
import { sql } from 'kysely';
import { TOOL_VERSION } from '../version.js';
import { authMiddleware } from './auth/middleware.js';
import type { ServerContext } from './context.js';
import { APPLICATION_ROUTES } from './routes/applications.js';
import { AUTH_ROUTES } from './routes/auth.js';
import { PUBLIC_ROUTES } from './routes/public.js';
import { SELF_CHECK_ROUTES } from './routes/self-check.js';
import { STAFF_ROUTES } from './routes/staff.js';
import { guard, type RouteDef } from './routes/table.js';
import { WG_ROUTES } from './routes/wg.js';
import type { Env } from './types.js';
import { problemPage } from './views/layout.js';

const SERVER_ROUTES: RouteDef[] = [
  {
    method: 'GET',
    path: '/healthz',
    access: 'public',
    kind: 'api',
    summary: 'whether the server and its store answer',
    example: { path: '/healthz', ok: 200 },
    handler: async (c) => {
      const store = c.get('ctx').store;
      // a store that cannot answer a trivial query is not healthy, whatever the process says
      try {
        await sql`select 1`.execute(store.db);
        return c.json({ ok: true, store: store.dialect });
      } catch (err) {
        return c.json({ ok: false, error: `store ${store.location} did not answer: ${(err as Error).message}` }, 503);
      }
    },
  },
  {
    method: 'POST',
    path: '/github/webhooks',
    access: 'public',
    kind: 'api',
    summary: "the GitHub App's webhook deliveries (signature-checked by the App's handler)",
    example: { path: '/github/webhooks', ok: 404 },
    handler: (c) => {
      const hook = c.get('ctx').githubWebhook;
      if (!hook) return c.json({ error: 'the GitHub App is not configured on this server (STEWARD_GITHUB_* unset)' }, 404);
      return hook(c.req.raw);
    },
  },
];

/** Every route the server answers, in registration order. */
export const ROUTES: RouteDef[] = [
  ...SERVER_ROUTES,
  ...PUBLIC_ROUTES,
  ...SELF_CHECK_ROUTES,
  ...AUTH_ROUTES,
  ...APPLICATION_ROUTES,
  ...WG_ROUTES,
  ...STAFF_ROUTES,
];

const OPENAPI_ROUTE: RouteDef = {
  method: 'GET',
  path: '/openapi.json',
  access: 'public',
  kind: 'api',
  summary: 'this API described as OpenAPI 3.1',
  example: { path: '/openapi.json', ok: 200 },
  handler: (c) => c.json({}),
};
ROUTES.push(OPENAPI_ROUTE);

export function createApp(ctx: ServerContext): OpenAPIHono<Env> {
  const app = new OpenAPIHono<Env>();
  // Set before the handler answers, so they go out with its response as it is: a header added to
  // a finished response makes Hono copy it, and the copy streams the body through a web stream
  // instead of writing it in one go (measured: most of a large page's cost). A route that needs a
  // stricter policy (a logo) sets its own, which replaces this one.
  app.use('*', async (c, next) => {
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'same-origin');
    c.header(
      'Content-Security-Policy',
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'",
    );
    await next();
  });
  app.use('*', authMiddleware(ctx));
  for (const def of ROUTES) {
    if (def === OPENAPI_ROUTE) continue;
    const h = guard(def);
    if (def.method === 'GET') app.get(def.path, h);
    else app.post(def.path, h);
    if (def.openapi) {
      app.openAPIRegistry.registerPath({
        method: def.method === 'GET' ? 'get' : 'post',
        path: def.path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}'),
        summary: def.summary,
        ...(def.access !== 'public' ? { security: [{ bearer: [] }] } : {}),
        ...def.openapi,
      });
    }
  }
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'an API token created on /account',
  });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Steward',
      version: TOOL_VERSION,
      description: 'The PyTorch Ecosystem process: projects, reports, applications and votes.',
    },
  });
  app.notFound((c) =>
    c.req.path.startsWith('/api/')
      ? c.json({ error: `no route ${c.req.method} ${c.req.path}` }, 404)
      : problemPage(c as never, 404, 'Not found', `There is no page at ${c.req.path}.`),
  );
  return app;
}
