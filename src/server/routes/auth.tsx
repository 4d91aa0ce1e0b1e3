// Signing in and out: local accounts (scrypt-hashed passwords), GitHub OAuth when configured,
// and API tokens for scripts. A session is a random cookie, HTTP-only, SameSite=Lax, Secure on
// https; the sign-in form, like every form, carries the browser's CSRF value.
import { randomBytes } from 'node:crypto';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { authorizeUrl, loginForCode } from '../auth/github-oauth.js';
import { cookieOptions, SESSION_COOKIE } from '../auth/middleware.js';
import { checkPassword, createSession, createToken, endSession, SESSION_HOURS } from '../auth/records.js';
import type { C } from '../types.js';
import { Csrf, page, problemPage } from '../views/layout.js';
import { form, type RouteDef } from './table.js';

const STATE_COOKIE = 'steward_oauth_state';

/** Only a path on this site: `next` must not send a signed-in browser elsewhere. */
export function safeNext(next: string | undefined): string {
  return next && /^\/(?![/\\])[^\s]*$/.test(next) ? next : '/inbox';
}

function loginPage(c: C, message?: string) {
  const next = safeNext(c.req.query('next'));
  const github = c.get('ctx').web?.githubOAuth;
  return page(
    c,
    'Sign in',
    <>
      {message ? (
        <p class="problem" role="alert">
          {message}
        </p>
      ) : null}
      {github ? (
        <p>
          <a class="button" href={`/auth/github?next=${encodeURIComponent(next)}`}>
            Sign in with GitHub
          </a>
        </p>
      ) : null}
      <form method="post" action={`/login?next=${encodeURIComponent(next)}`} class="stack">
        <Csrf c={c} />
        <div>
          <label for="user">User name</label>
          <input id="user" name="user" autocomplete="username" required />
        </div>
        <div>
          <label for="password">Password</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required />
        </div>
        <button type="submit" class="primary">
          Sign in
        </button>
      </form>
    </>,
    message ? 403 : 200,
  );
}

async function startSession(c: C, personId: string, next: string) {
  const ctx = c.get('ctx');
  const sid = await createSession(ctx.store.db, personId, ctx.engine.clock.now());
  setCookie(c, SESSION_COOKIE, sid, cookieOptions(c, ctx, SESSION_HOURS * 3600));
  return c.redirect(next, 303);
}

async function login(c: C) {
  const f = await form(c);
  const person = await checkPassword(c.get('ctx').store.db, (f['user'] ?? '').trim(), f['password'] ?? '');
  if (!person) return loginPage(c, 'That user name and password do not match an account here.');
  return startSession(c, person.id, safeNext(c.req.query('next')));
}

async function logout(c: C) {
  const sid = getCookie(c, SESSION_COOKIE);
  if (sid) await endSession(c.get('ctx').store.db, sid);
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
  return c.redirect('/', 303);
}

function callbackUrl(c: C): string {
  return new URL('/auth/github/callback', c.req.url).toString();
}

function githubStart(c: C) {
  const cfg = c.get('ctx').web?.githubOAuth;
  if (!cfg) return problemPage(c, 404, 'Not configured', 'Signing in with GitHub is not configured on this server (STEWARD_GITHUB_OAUTH_CLIENT_ID unset).');
  const state = randomBytes(18).toString('base64url');
  setCookie(c, STATE_COOKIE, `${state}|${safeNext(c.req.query('next'))}`, cookieOptions(c, c.get('ctx'), 600));
  return c.redirect(authorizeUrl(cfg, callbackUrl(c), state), 302);
}

async function githubCallback(c: C) {
  const ctx = c.get('ctx');
  const cfg = ctx.web?.githubOAuth;
  if (!cfg) return problemPage(c, 404, 'Not configured', 'Signing in with GitHub is not configured on this server.');
  const [state, next] = (getCookie(c, STATE_COOKIE) ?? '').split('|');
  deleteCookie(c, STATE_COOKIE, { path: '/' });
  const code = c.req.query('code');
  if (!state || c.req.query('state') !== state || !code) {
    return problemPage(c, 400, 'Sign-in failed', 'The answer from GitHub does not belong to a sign-in started in this browser (state mismatch or no code); start again.');
  }
  let login: string;
  try {
    login = await loginForCode(cfg, code, callbackUrl(c));
  } catch (err) {
    return problemPage(c, 403, 'Sign-in failed', (err as Error).message);
  }
  return startSession(c, login, safeNext(next));
}

function account(c: C) {
  const v = c.get('viewer')!;
  return page(
    c,
    'Your account',
    <>
      <p>
        Signed in as <strong>{v.id}</strong> ({v.role}
        {v.wg ? ', on the working-group roster' : ''}).
      </p>
      <h2>API tokens</h2>
      <p>A token acts as you in the JSON API (header <code>Authorization: Bearer …</code>). It is shown once.</p>
      <form method="post" action="/account/tokens" class="stack">
        <Csrf c={c} />
        <div>
          <label for="label">What the token is for</label>
          <input id="label" name="label" required maxlength={80} />
        </div>
        <button type="submit">Create a token</button>
      </form>
    </>,
  );
}

async function newToken(c: C) {
  const ctx = c.get('ctx');
  const label = ((await form(c))['label'] ?? '').trim();
  if (label === '') return problemPage(c, 400, 'No label', 'Say what the token is for (it is listed under that name).');
  const token = await createToken(ctx.store.db, c.get('viewer')!.id, label, ctx.engine.clock.now());
  return page(
    c,
    'Token created',
    <>
      <p class="notice">Copy it now; it is not shown again.</p>
      <p>
        <code>{token}</code>
      </p>
      <p>
        <a href="/account">Back to your account</a>
      </p>
    </>,
  );
}

export const AUTH_ROUTES: RouteDef[] = [
  { method: 'GET', path: '/login', access: 'public', kind: 'page', summary: 'the sign-in form', example: { path: '/login', ok: 200 }, handler: (c) => loginPage(c) },
  {
    method: 'POST',
    path: '/login',
    access: 'public',
    kind: 'page',
    summary: 'sign in with a local account',
    example: { path: '/login', form: { user: 'nobody', password: 'wrong-password' }, ok: 403 },
    handler: login,
  },
  { method: 'POST', path: '/logout', access: 'public', kind: 'page', summary: 'sign out', example: { path: '/logout', ok: 303 }, handler: logout },
  { method: 'GET', path: '/auth/github', access: 'public', kind: 'page', summary: 'sign in with GitHub', example: { path: '/auth/github', ok: 404 }, handler: githubStart },
  { method: 'GET', path: '/auth/github/callback', access: 'public', kind: 'page', summary: "GitHub's answer to a sign-in", example: { path: '/auth/github/callback', ok: 404 }, handler: githubCallback },
  { method: 'GET', path: '/account', access: 'signed-in', kind: 'page', summary: 'your account and API tokens', example: { path: '/account', ok: 200 }, handler: account },
  { method: 'POST', path: '/account/tokens', access: 'signed-in', kind: 'page', summary: 'create an API token', example: { path: '/account/tokens', form: { label: 'matrix' }, ok: 200 }, handler: newToken },
];
