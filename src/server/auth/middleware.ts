// Who is asking and whether a form really came from our pages. A browser is known by its session
// cookie, a script by `Authorization: Bearer <token>`. Every state-changing request from a
// browser (signed in or not) must carry the CSRF value of its cookie in the form or a header:
// another site can make a browser post, but cannot read the cookie to copy it.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { getCookie, setCookie } from 'hono/cookie';
import type { MiddlewareHandler } from 'hono';
import { getPerson } from '../../store/index.js';
import type { ServerContext } from '../context.js';
import type { C, Env, Viewer } from '../types.js';
import { sessionPersonId, tokenPersonId } from './records.js';

export const SESSION_COOKIE = 'steward_session';
export const CSRF_COOKIE = 'steward_csrf';
export const CSRF_FIELD = '_csrf';

/** Secure cookies on https, or always when configured (a TLS proxy in front of plain http). */
export function secureRequest(c: C, ctx: ServerContext): boolean {
  return ctx.web?.secureCookies === true || new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
}

export function cookieOptions(c: C, ctx: ServerContext, maxAgeSeconds?: number) {
  return {
    httpOnly: true,
    secure: secureRequest(c, ctx),
    sameSite: 'Lax' as const,
    path: '/',
    ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}),
  };
}

async function viewerFor(ctx: ServerContext, id: string, via: Viewer['via']): Promise<Viewer> {
  const person = await getPerson(ctx.store.db, id);
  // someone signed in whom the roster does not know (a GitHub login) may apply, nothing more
  const role = person?.role === 'member' || person?.role === 'staff' ? person.role : 'applicant';
  return { id, role, email: person?.email ?? null, wg: person?.wg ?? false, via };
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function authMiddleware(ctx: ServerContext): MiddlewareHandler<Env> {
  return async (c, next) => {
    c.set('ctx', ctx);
    let viewer: Viewer | null = null;
    const auth = c.req.header('authorization');
    if (auth !== undefined) {
      const token = /^Bearer\s+(\S+)$/i.exec(auth)?.[1];
      const id = token ? await tokenPersonId(ctx.store.db, token) : undefined;
      if (!id)
        return c.json({ error: 'Authorization: expected "Bearer <token>" with a token issued on /account; this one is unknown' }, 401);
      viewer = await viewerFor(ctx, id, 'token');
    } else {
      const sid = getCookie(c, SESSION_COOKIE);
      const id = sid ? await sessionPersonId(ctx.store.db, sid, ctx.engine.clock.now()) : undefined;
      if (id) viewer = await viewerFor(ctx, id, 'session');
    }
    c.set('viewer', viewer);
    let csrf = getCookie(c, CSRF_COOKIE);
    if (!csrf || !/^[A-Za-z0-9_-]{32,}$/.test(csrf)) {
      csrf = randomBytes(24).toString('base64url');
      setCookie(c, CSRF_COOKIE, csrf, cookieOptions(c, ctx));
    }
    c.set('csrf', csrf);
    const method = c.req.method;
    if (method !== 'GET' && method !== 'HEAD' && viewer?.via !== 'token' && c.req.path !== '/github/webhooks') {
      let sent = c.req.header('x-csrf-token');
      if (sent === undefined) {
        const type = c.req.header('content-type') ?? '';
        if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
          const body = await c.req.parseBody();
          const v = body[CSRF_FIELD];
          if (typeof v === 'string') sent = v;
        }
      }
      if (!sent || !sameSecret(sent, csrf)) {
        return c.text(
          `refused: this form's CSRF value is missing or does not match this browser's (expected the ${CSRF_FIELD} field from a page of this site); reload the page and try again`,
          403,
        );
      }
    }
    await next();
  };
}
