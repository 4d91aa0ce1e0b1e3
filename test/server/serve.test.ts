// The server skeleton: /healthz over the store, the GitHub webhook seam (404 without a handler,
// the raw request handed through with one), and `steward serve` as a real process: it prints
// its URL, answers on loopback and stops cleanly on SIGTERM.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { createEngine } from '../../src/process/engine.js';
import { createApp } from '../../src/server/app.js';
import { buildExtensions } from '../../src/server/extensions.js';
import { openStore } from '../../src/store/index.js';
import { tempDir } from '../support/repo.js';
import { startServe } from '../support/serve-process.js';

async function sqliteCtx() {
  const store = await openStore({ dataDir: tempDir('steward-serve-') });
  return { store, engine: createEngine({ store }) };
}

test('healthz answers 200 while the store answers, 503 naming the store once it is closed', async () => {
  const ctx = await sqliteCtx();
  const app = createApp(ctx);
  const ok = await app.request('/healthz');
  assert.equal(ok.status, 200);
  assert.deepEqual(await ok.json(), { ok: true, store: 'sqlite' });
  await ctx.store.close();
  const down = await app.request('/healthz');
  assert.equal(down.status, 503);
  assert.match(((await down.json()) as { error: string }).error, /steward\.sqlite did not answer/);
});

test('POST /github/webhooks is 404 without the GitHub App and hands the raw request to it when configured', async () => {
  const ctx = await sqliteCtx();
  try {
    const absent = await createApp(ctx).request('/github/webhooks', { method: 'POST', body: '{}' });
    assert.equal(absent.status, 404);
    assert.match(await absent.text(), /STEWARD_GITHUB_/);
    const seen: { body: string; event: string | null }[] = [];
    const app = createApp({
      ...ctx,
      githubWebhook: async (req) => {
        seen.push({ body: await req.text(), event: req.headers.get('x-github-event') });
        return new Response('accepted', { status: 202 });
      },
    });
    const res = await app.request('/github/webhooks', {
      method: 'POST',
      body: '{"action":"opened"}',
      headers: { 'x-github-event': 'issues' },
    });
    assert.equal(res.status, 202);
    assert.deepEqual(seen, [{ body: '{"action":"opened"}', event: 'issues' }]);
    assert.equal((await app.request('/github/webhooks')).status, 404, 'GET is not a webhook delivery');
  } finally {
    await ctx.store.close();
  }
});

test('server extensions merge, and two builders providing one handler is refused', async () => {
  const ctx = await sqliteCtx();
  try {
    const handler = async () => new Response('x');
    const input = { env: {}, ...ctx, log: () => undefined };
    assert.deepEqual(await buildExtensions(input, [async () => ({}), async () => ({ githubWebhook: handler })]), {
      githubWebhook: handler,
    });
    await assert.rejects(
      buildExtensions(input, [async () => ({ githubWebhook: handler }), async () => ({ githubWebhook: handler })]),
      /two builders both provide githubWebhook/,
    );
  } finally {
    await ctx.store.close();
  }
});

test('steward serve prints its URL, answers /healthz on loopback and exits 0 on SIGTERM', async () => {
  const server = await startServe(['--port', '0', '--data-dir', tempDir('steward-serve-cli-')], {
    env: { ...process.env, PORT: 'not-used' },
  });
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  const res = await fetch(`${server.url}/healthz`);
  assert.equal(res.status, 200);
  assert.equal(await server.stop(), 0, server.stderr());
  assert.match(server.stderr(), /serve: stopping/);
});

test('steward serve refuses a PORT that is not a port number, naming it', async () => {
  const { runCli } = await import('../support/cli.js');
  const r = await runCli(['serve', '--data-dir', tempDir('steward-serve-port-')], { env: { PORT: '80a' } });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /\$PORT must be a port number 0–65535, found "80a"/);
});
