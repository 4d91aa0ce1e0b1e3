// Signing in and what each person may see: local passwords (scrypt), GitHub OAuth against a
// loopback stand-in of GitHub's endpoints, API tokens, CSRF on every form, HTTP-only cookies,
// and private things (contacts, other applicants' applications, ballots before close) kept
// from the wrong role.
import { strict as assert } from 'node:assert';
import { gunzipSync } from 'node:zlib';
import { test } from 'node:test';
import { hashPassword, verifyPassword } from '../../src/server/auth/passwords.js';
import { setPassword } from '../../src/server/auth/records.js';
import { listen } from '../../src/server/listen.js';
import { startFakeGithubOAuth } from '../support/fake-github-oauth.js';
import { as, CSRF, formBody, seeded } from './seed.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

test('passwords are scrypt hashes with a salt each; the right password verifies, a near miss does not', async () => {
  const a = await hashPassword('correct horse');
  const b = await hashPassword('correct horse');
  assert.match(a, /^scrypt\$16384\$8\$1\$/);
  assert.notEqual(a, b);
  assert.equal(await verifyPassword('correct horse', a), true);
  assert.equal(await verifyPassword('correct hors', a), false);
  await assert.rejects(hashPassword('short'), /at least 8 characters, found 5/);
});

test('local sign-in: a wrong password is refused; the right one sets an HTTP-only session cookie and goes to next', async () => {
  const s = await seeded();
  try {
    await setPassword(s.store.db, 'mia', 'members-only', new Date());
    const anon = await as(s, 'anonymous');
    const bad = await s.app.request('/login?next=/queue', {
      method: 'POST',
      headers: { ...anon, ...FORM },
      body: formBody({ user: 'mia', password: 'members-onl' }),
    });
    assert.equal(bad.status, 403);
    assert.doesNotMatch(bad.headers.get('set-cookie') ?? '', /steward_session/);
    const good = await s.app.request('/login?next=/queue', {
      method: 'POST',
      headers: { ...anon, ...FORM },
      body: formBody({ user: 'mia', password: 'members-only' }),
    });
    assert.equal(good.status, 303);
    assert.equal(good.headers.get('location'), '/queue');
    const cookie = good.headers.get('set-cookie') ?? '';
    assert.match(cookie, /steward_session=[^;]+;.*HttpOnly/i);
    assert.match(cookie, /SameSite=Lax/i);
    const sid = /steward_session=([^;]+)/.exec(cookie)![1];
    const queue = await s.app.request('/queue', { headers: { cookie: `steward_session=${sid}` } });
    assert.equal(queue.status, 200);
    // an off-site next is not followed
    const off = await s.app.request('/login?next=//evil.example/', {
      method: 'POST',
      headers: { ...anon, ...FORM },
      body: formBody({ user: 'mia', password: 'members-only' }),
    });
    assert.equal(off.headers.get('location'), '/inbox');
  } finally {
    await s.close();
  }
});

test('cookies are Secure on https', async () => {
  const s = await seeded();
  try {
    await setPassword(s.store.db, 'mia', 'members-only', new Date());
    const res = await s.app.request('https://steward.example/login', {
      method: 'POST',
      headers: { ...(await as(s, 'anonymous')), ...FORM },
      body: formBody({ user: 'mia', password: 'members-only' }),
    });
    assert.match(res.headers.get('set-cookie') ?? '', /steward_session=[^;]+;.*Secure/i);
  } finally {
    await s.close();
  }
});

test("every form needs the CSRF value of its browser: none, or another browser's, is refused with 403", async () => {
  const s = await seeded();
  try {
    const member = await as(s, 'member');
    const none = await s.app.request('/applications/8/ballot', {
      method: 'POST',
      headers: { ...member, ...FORM },
      body: new URLSearchParams({ choice: 'approve' }).toString(),
    });
    assert.equal(none.status, 403);
    assert.match(await none.text(), /CSRF/);
    const other = await s.app.request('/applications/8/ballot', {
      method: 'POST',
      headers: { ...member, ...FORM },
      body: formBody({ choice: 'approve' }, 'x'.repeat(40)),
    });
    assert.equal(other.status, 403);
    const ok = await s.app.request('/applications/8/ballot', {
      method: 'POST',
      headers: { ...member, ...FORM },
      body: formBody({ choice: 'approve' }, CSRF),
    });
    assert.equal(ok.status, 303);
  } finally {
    await s.close();
  }
});

test('API tokens act as their holder without cookies or CSRF; an unknown token is 401', async () => {
  const s = await seeded();
  try {
    const staff = await as(s, 'staff');
    const page = await s.app.request('/account/tokens', {
      method: 'POST',
      headers: { ...staff, ...FORM },
      body: formBody({ label: 'script' }),
    });
    const token = /(stw_[A-Za-z0-9_-]+)/.exec(await page.text())![1]!;
    const tally = await s.app.request('/api/applications/8/tally', { headers: { authorization: `Bearer ${token}` } });
    assert.equal(tally.status, 200);
    const cast = await s.app.request('/api/applications/8/ballot', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{"choice":"abstain"}',
    });
    assert.equal(cast.status, 200);
    assert.equal(((await cast.json()) as { nonBinding: number }).nonBinding, 1, 'staff is not on the roster: recorded, not counted');
    const bad = await s.app.request('/api/applications/8/tally', { headers: { authorization: 'Bearer stw_nope' } });
    assert.equal(bad.status, 401);
  } finally {
    await s.close();
  }
});

test('nothing private for the wrong role: another applicant gets 404, the public no contacts, members no ballots before close', async () => {
  const s = await seeded();
  try {
    const { createSession } = await import('../../src/server/auth/records.js');
    const bob = `steward_session=${await createSession(s.store.db, 'bob', new Date())}`;
    assert.equal((await s.app.request('/applications/8', { headers: { cookie: bob } })).status, 404, "bob may not see ann's application");
    assert.equal((await s.app.request('/api/applications/8', { headers: { cookie: bob } })).status, 404);
    const ann = (await (await s.app.request('/api/applications/8', { headers: await as(s, 'applicant') })).json()) as {
      tally: unknown;
      application: { vote?: unknown };
    };
    assert.equal(ann.tally, null, 'the applicant does not see the open vote');
    assert.equal(ann.application.vote, undefined);
    const pub = await (await s.app.request('/projects/lumen')).text();
    assert.doesNotMatch(pub, /maintainers@lumen/);
    const member = await (await s.app.request('/applications/8', { headers: await as(s, 'member') })).text();
    assert.match(member, /Who voted what is shown when the vote closes/);
    assert.doesNotMatch(member, /noah: reject/);
    const t = (await (await s.app.request('/api/applications/8/tally', { headers: await as(s, 'member') })).json()) as {
      ballots: unknown;
      pending: string[];
    };
    assert.equal(t.ballots, null);
    assert.deepEqual(t.pending, ['olga', 'pete', 'quinn']);
  } finally {
    await s.close();
  }
});

test('GitHub OAuth against a loopback stand-in: authorize → callback → session for the GitHub login; a forged state is refused', async () => {
  const gh = await startFakeGithubOAuth({ login: 'mia' });
  const s = await seeded({
    web: { githubOAuth: { clientId: gh.clientId, clientSecret: gh.clientSecret, webBase: gh.url, apiBase: gh.url } },
  });
  const server = await listen(s.app, { port: 0, host: '127.0.0.1' });
  try {
    const start = await fetch(`${server.url}/auth/github?next=/queue`, { redirect: 'manual' });
    assert.equal(start.status, 302);
    const stateCookie = /steward_oauth_state=[^;]+/.exec(start.headers.get('set-cookie') ?? '')![0];
    const authorize = new URL(start.headers.get('location')!);
    assert.equal(authorize.origin + authorize.pathname, `${gh.url}/login/oauth/authorize`);
    const approved = await fetch(authorize, { redirect: 'manual' });
    const callback = approved.headers.get('location')!;
    const forged = await fetch(callback.replace(/state=[^&]+/, 'state=forged'), { headers: { cookie: stateCookie }, redirect: 'manual' });
    assert.equal(forged.status, 400);
    // the code was not spent by the forged call (refused before the exchange)
    const done = await fetch(callback, { headers: { cookie: stateCookie }, redirect: 'manual' });
    assert.equal(done.status, 303);
    assert.equal(done.headers.get('location'), '/queue');
    const sid = /steward_session=[^;]+/.exec(done.headers.get('set-cookie') ?? '')![0];
    const queue = await fetch(`${server.url}/queue`, { headers: { cookie: sid }, redirect: 'manual' });
    assert.equal(queue.status, 200, 'mia is a member');
    const again = await fetch(callback, { headers: { cookie: stateCookie }, redirect: 'manual' });
    assert.equal(again.status, 403, 'a code is single-use');
    assert.match(await again.text(), /code passed is incorrect or expired/);
  } finally {
    await server.close();
    await s.close();
    await gh.close();
  }
});

test('badges: project and repository SVGs with an ETag (304 on If-None-Match) and public Cache-Control', async () => {
  const s = await seeded();
  try {
    const res = await s.app.request('/badge/lumen.svg');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'image/svg+xml');
    assert.match(res.headers.get('cache-control') ?? '', /public, max-age=300/);
    const svg = await res.text();
    assert.match(svg, /PyTorch Ecosystem: active/);
    const again = await s.app.request('/badge/lumen.svg', { headers: { 'if-none-match': res.headers.get('etag')! } });
    assert.equal(again.status, 304);
    const repo = await (await s.app.request('/badge/repo/github.com/demo-org/lumen.svg')).text();
    assert.match(repo, /Steward check: pass/);
    assert.equal((await s.app.request('/badge/nothing.svg')).status, 404);
    const report = (await (await s.app.request('/api/projects/lumen/report')).json()) as { schema: string; requirements: unknown[] };
    assert.equal(report.schema, 'steward.report/v1');
    assert.equal(report.requirements.length, 19);
    const staff = await as(s, 'staff');
    await s.app.request('/staff/retire', {
      method: 'POST',
      headers: { ...staff, ...FORM },
      body: formBody({ project: 'lumen', reason: 'archived upstream' }),
    });
    assert.match(await (await s.app.request('/badge/lumen.svg')).text(), /PyTorch Ecosystem: retired/);
  } finally {
    await s.close();
  }
});

test('public pages come from the page cache until the process changes: a retirement shows at once', async () => {
  const s = await seeded();
  try {
    const first = await (await s.app.request('/projects/lumen')).text();
    assert.match(first, /Next review due/);
    assert.equal(await (await s.app.request('/projects/lumen')).text(), first);
    assert.match(await (await s.app.request('/?q=lumen')).text(), /1 project\b/);
    const staff = await as(s, 'staff');
    assert.equal(
      (
        await s.app.request('/staff/retire', {
          method: 'POST',
          headers: { ...staff, ...FORM },
          body: formBody({ project: 'lumen', reason: 'archived upstream' }),
        })
      ).status,
      303,
    );
    assert.match(await (await s.app.request('/projects/lumen')).text(), /Retired[\s\S]*archived upstream/);
    assert.match(await (await s.app.request('/?q=lumen')).text(), /0 projects/);
    // a signed-in visitor's page is never the cached one (it carries their own forms and view)
    assert.match(await (await s.app.request('/projects/lumen', { headers: staff })).text(), /sam/);
  } finally {
    await s.close();
  }
});

test('public answers a shared cache may keep carry no cookie; a page with a form still sets the CSRF cookie', async () => {
  const s = await seeded();
  try {
    // a badge shown through an image proxy, a report fetched by a script, a public page behind a
    // CDN: a Set-Cookie would keep them from being shared, or hand one visitor's cookie to the next
    for (const path of [
      '/',
      '/projects/lumen',
      '/decisions',
      '/badge/lumen.svg',
      '/badge/repo/github.com/demo-org/lumen.svg',
      '/api/projects/lumen/report',
    ]) {
      for (const headers of [{}, { 'accept-encoding': 'gzip' }] as Record<string, string>[]) {
        const res = await s.app.request(path, { headers });
        assert.equal(res.status, 200, path);
        assert.equal(res.headers.get('set-cookie'), null, `${path} sets a cookie`);
      }
    }
    const login = await s.app.request('/login');
    assert.match(login.headers.get('set-cookie') ?? '', /steward_csrf=/);
    const token = /steward_csrf=([^;]+)/.exec(login.headers.get('set-cookie')!)![1]!;
    assert.match(await login.text(), new RegExp(`value="${token}"`));
  } finally {
    await s.close();
  }
});

test('cached public answers: gzipped for a client that takes gzip (own ETag, Vary), 304 on either ETag, and the security headers on every answer', async () => {
  const s = await seeded();
  try {
    const plain = await s.app.request('/');
    const text = await plain.text();
    assert.equal(plain.headers.get('content-encoding'), null);
    assert.equal(plain.headers.get('x-content-type-options'), 'nosniff');
    assert.match(plain.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
    const zipped = await s.app.request('/', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    assert.equal(zipped.headers.get('content-encoding'), 'gzip');
    assert.equal(zipped.headers.get('vary'), 'Accept-Encoding');
    assert.equal(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString('utf8'), text);
    assert.notEqual(zipped.headers.get('etag'), plain.headers.get('etag'));
    assert.equal((await s.app.request('/', { headers: { 'if-none-match': plain.headers.get('etag')! } })).status, 304);
    assert.equal(
      (await s.app.request('/', { headers: { 'accept-encoding': 'gzip', 'if-none-match': zipped.headers.get('etag')! } })).status,
      304,
    );
    const report = await s.app.request('/api/projects/lumen/report', { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(report.headers.get('content-encoding'), 'gzip');
    assert.equal(JSON.parse(gunzipSync(Buffer.from(await report.arrayBuffer())).toString('utf8')).schema, 'steward.report/v1');
    // a logo keeps its own, stricter policy
    assert.equal(
      (await s.app.request('/logos/lumen.svg')).headers.get('content-security-policy'),
      "default-src 'none'; style-src 'unsafe-inline'",
    );
  } finally {
    await s.close();
  }
});
