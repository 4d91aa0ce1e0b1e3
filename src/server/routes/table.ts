// The route table: every route the server answers, with who may use it. The app registers from
// this list and the authorisation matrix test is generated from it, so a route cannot be added
// without saying who may see it and being tested for every role.
import type { RouteConfig } from '@hono/zod-openapi';
import { ProcessError } from '../../process/errors.js';
import type { C } from '../types.js';
import { isStaff, isWg } from '../types.js';
import { problemPage } from '../views/layout.js';
import { cachedBody, PageCache, variantFor, type CachedBody } from '../page-cache.js';

/**
 * public: anyone. signed-in: any signed-in person. wg: working-group members and staff.
 * wg-or-owner: the working group, or the applicant who filed the application (anyone else: 404,
 * so an application's existence is not revealed). staff: staff only.
 */
export type Access = 'public' | 'signed-in' | 'wg' | 'wg-or-owner' | 'staff';

export type MatrixRole = 'anonymous' | 'applicant' | 'member' | 'staff';

export interface RouteDef {
  method: 'GET' | 'POST';
  /** Hono path (`:id` parameters) */
  path: string;
  access: Access;
  /** pages answer HTML (anonymous → 302 to sign in); api and assets answer JSON or files (anonymous → 401) */
  kind: 'page' | 'api' | 'asset';
  summary: string;
  /**
   * For the authorisation matrix, over the matrix's seed (test/server/seed.ts): a concrete path,
   * the form to post, the status an allowed role gets, and any role whose answer the process
   * itself decides differently (the engine refuses, the applicant does not own it).
   */
  example: { path: string; form?: Record<string, string>; ok: number; expect?: Partial<Record<MatrixRole, number>> };
  /** an anonymous GET may be answered from the page cache (public pages that depend only on the process's state) */
  cachePublic?: boolean;
  /** documented in /openapi.json when present */
  openapi?: Omit<RouteConfig, 'method' | 'path'>;
  handler: (c: C) => Response | Promise<Response>;
}

const HTTP: Record<ProcessError['code'], 400 | 403 | 404 | 409> = {
  invalid: 400,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'too-early': 409,
};

/** Refusals of the process as HTTP: the same reason the CLI prints, with a matching status. */
export function refusal(c: C, err: unknown, kind: RouteDef['kind']): Response | Promise<Response> {
  if (!(err instanceof ProcessError)) throw err;
  const status = HTTP[err.code];
  if (kind === 'api') return c.json({ error: err.message, code: err.code }, status);
  return problemPage(c, status, status === 404 ? 'Not found' : 'Refused', err.message);
}

/** The guard in front of every handler: who is asking against the route's access. */
export function guard(def: RouteDef) {
  return async (c: C): Promise<Response> => {
    const v = c.get('viewer');
    if (def.access !== 'public' && !v) {
      if (def.kind === 'page' && def.method === 'GET') return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 302);
      return def.kind === 'page'
        ? problemPage(c, 403, 'Sign in first', 'This needs you to be signed in.')
        : c.json({ error: 'sign in or send Authorization: Bearer <token>' }, 401);
    }
    const denied =
      (def.access === 'wg' && !isWg(v)) || (def.access === 'staff' && !isStaff(v))
        ? `${def.method} ${def.path} is for ${def.access === 'wg' ? 'working-group members and staff' : 'staff'}; ${v!.id} is ${v!.role}`
        : null;
    if (denied) return def.kind === 'page' ? problemPage(c, 403, 'Not allowed', denied) : c.json({ error: denied }, 403);
    try {
      if (def.cachePublic && !v && def.method === 'GET') return await cachedPage(c, def);
      return await def.handler(c);
    } catch (err) {
      return refusal(c, err, def.kind);
    }
  };
}

const caches = new WeakMap<object, PageCache>();

function cacheOf(c: C): PageCache {
  const ctx = c.get('ctx');
  let cache = caches.get(ctx);
  if (!cache) caches.set(ctx, (cache = new PageCache()));
  return cache;
}

/** A stored body as the answer: 304 when the browser already has it. */
export function sendCached(c: C, hit: CachedBody, cacheControl: string): Response {
  // the same bytes for everyone, so no cookie: a shared cache (an image proxy showing the badge,
  // a CDN) would refuse to keep the answer, or hand one visitor's CSRF cookie to the next. A
  // browser gets its CSRF cookie from the first page with a form.
  c.header('Set-Cookie', undefined);
  const v = variantFor(hit, c.req.header('accept-encoding'));
  c.header('ETag', v.etag);
  c.header('Cache-Control', cacheControl);
  c.header('Vary', 'Accept-Encoding');
  if (c.req.header('if-none-match') === v.etag) return c.body(null, 304);
  c.header('Content-Type', hit.type);
  if (v.gzip) c.header('Content-Encoding', 'gzip');
  return c.body(v.body, hit.status as 200);
}

/**
 * The answer stored under `key` for the store's current state, made by `make` when there is none
 * (or the state moved on). `make` returns null for an answer that must not be kept (a refusal).
 */
export async function versioned(c: C, key: string, make: () => Promise<CachedBody | null>): Promise<CachedBody | null> {
  const cache = cacheOf(c);
  const version = await cache.version(c.get('ctx').store.db);
  const hit = cache.get(key, version);
  if (hit) return hit;
  const made = await make();
  if (made) cache.set(key, version, made);
  return made;
}

async function cachedPage(c: C, def: RouteDef): Promise<Response> {
  // pages say "in N days": a new day is a new page
  const key = `page ${c.get('ctx').engine.clock.now().toISOString().slice(0, 10)} ${c.req.url}`;
  let miss: Response | undefined;
  const hit = await versioned(c, key, async () => {
    miss = await def.handler(c);
    return miss.status === 200 ? cachedBody(await miss.clone().text(), 'text/html; charset=UTF-8') : null;
  });
  if (!hit) return miss!;
  // revalidated on every visit: the ETag says whether the page changed
  return sendCached(c, hit, 'no-cache');
}

/** The viewer as the engine's actor (the guard has made sure there is one). */
export function actorOf(c: C) {
  const v = c.get('viewer')!;
  return { id: v.id, role: v.role };
}

/** Form fields as strings (a field sent twice keeps the last). */
export async function form(c: C): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string') out[k] = v;
  return out;
}
