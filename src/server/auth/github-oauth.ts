// Signing in with GitHub (the OAuth web flow): send the browser to /login/oauth/authorize with a
// random state kept in a cookie, exchange the code at /login/oauth/access_token, ask GET /user
// who it is. The base URLs are configurable (GitHub Enterprise Server, a loopback stand-in).
import type { GithubOAuthConfig } from '../context.js';

export function authorizeUrl(cfg: GithubOAuthConfig, redirectUri: string, state: string): string {
  const u = new URL('/login/oauth/authorize', cfg.webBase ?? 'https://github.com');
  u.searchParams.set('client_id', cfg.clientId);
  u.searchParams.set('redirect_uri', redirectUri);
  u.searchParams.set('state', state);
  u.searchParams.set('scope', 'read:user');
  u.searchParams.set('allow_signup', 'false');
  return u.toString();
}

/** The GitHub login the code belongs to; throws with what GitHub answered when it does not work out. */
export async function loginForCode(cfg: GithubOAuthConfig, code: string, redirectUri: string): Promise<string> {
  const tokenUrl = new URL('/login/oauth/access_token', cfg.webBase ?? 'https://github.com');
  const res = await fetch(tokenUrl, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: cfg.clientId, client_secret: cfg.clientSecret, code, redirect_uri: redirectUri }),
    signal: AbortSignal.timeout(15_000),
  });
  const body = (await res.json().catch(() => ({}))) as { access_token?: string; error?: string; error_description?: string };
  if (!res.ok || !body.access_token) {
    throw new Error(
      `GitHub refused the sign-in code at ${tokenUrl.origin}: ${body.error_description ?? body.error ?? `HTTP ${res.status}`}`,
    );
  }
  const userUrl = new URL('/user', cfg.apiBase ?? 'https://api.github.com');
  const user = await fetch(userUrl, {
    headers: { accept: 'application/vnd.github+json', authorization: `Bearer ${body.access_token}`, 'user-agent': 'steward' },
    signal: AbortSignal.timeout(15_000),
  });
  const who = (await user.json().catch(() => ({}))) as { login?: string };
  if (!user.ok || typeof who.login !== 'string' || who.login === '')
    throw new Error(`GitHub's ${userUrl.href} did not name the signed-in user (HTTP ${user.status})`);
  return who.login;
}
