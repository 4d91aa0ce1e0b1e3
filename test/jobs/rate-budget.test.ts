// The shared GitHub rate budget: two workers (two online sessions, as two processes have) using
// one token keep its budget in the store; when it runs low they wait for the reset, say so, and
// never get a 403. Without the shared budget the same work fails once the token is spent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeGitHub } from '../support/fake-github.js';
import { cleanupTemp, tempDir } from '../support/repo.js';
import { openStore } from '../../src/store/index.js';
import { createOnlineSession, githubClientOf } from '../../src/evidence/online/index.js';
import { storeBudget, budgetLeft } from '../../src/jobs/rate-budget.js';
import { BACKENDS } from '../store/backends.js';

test.after(cleanupTemp);

const WINDOW_S = 3;

async function setup() {
  const gh = new FakeGitHub({ tokens: { tok_shared: { limit: 6 } }, windowS: WINDOW_S });
  for (let i = 0; i < 12; i++) gh.addRepo({ owner: 'org', name: `r${i}`, stars: i });
  await gh.start();
  const session = () =>
    createOnlineSession({
      tokens: [{ token: 'tok_shared', origin: 'test token' }],
      baseUrls: { github: gh.url },
      cacheDir: false,
      retryBaseMs: 10,
    });
  return { gh, session };
}

test('two workers share one token budget through the store: they wait for the reset instead of a 403', async () => {
  const { gh, session } = await setup();
  const store = await openStore({ dataDir: tempDir('steward-budget-') });
  try {
    const waits: string[] = [];
    const workers = [session(), session()];
    for (const s of workers)
      s.pool.budget = {
        shared: storeBudget(store),
        reserve: 1,
        syncMs: 0,
        onWait: (until, why) => waits.push(`${why} until ${until.toISOString()}`),
      };
    const t0 = Date.now();
    const got = await Promise.all(
      workers.map(async (s, w) => {
        const client = await githubClientOf(s);
        const stars: number[] = [];
        for (let i = w; i < 12; i += 2)
          stars.push(
            (await client.get<{ stargazers_count: number }>('GET /repos/{owner}/{repo}', { owner: 'org', repo: `r${i}` })).data
              .stargazers_count,
          );
        return stars;
      }),
    );
    assert.deepEqual(
      got.flat().sort((a, b) => a - b),
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
      'every request answered',
    );
    assert.equal(gh.rateLimited, 0, 'no 403 for an exhausted budget');
    assert.ok(waits.length >= 1 && /every GitHub token \(1\) is at its reserve of 1 requests until/.test(waits[0]!), waits.join('\n'));
    assert.ok(Date.now() - t0 >= 1000, 'the work waited for the window to reset');
    const left = await budgetLeft(store);
    assert.ok(left && left.remaining >= 0 && left.remaining < 6, `the store knows the budget: ${JSON.stringify(left)}`);
  } finally {
    await store.close();
    await gh.stop();
  }
});

test('without the shared budget the same work fails once the token is spent', async () => {
  const { gh, session } = await setup();
  try {
    const client = await githubClientOf(session());
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => client.get('GET /repos/{owner}/{repo}', { owner: 'org', repo: `r${i}` })),
    );
    const failed = results.filter((r) => r.status === 'rejected');
    assert.ok(failed.length >= 1, 'some requests fail');
    assert.ok(gh.rateLimited >= 1 || failed.some((f) => /run out of rate limit/.test(String((f as PromiseRejectedResult).reason))));
  } finally {
    await gh.stop();
  }
});

for (const backend of BACKENDS)
  test(`coalesced budget writes on ${backend.name}: within the interval one write (every token's), the lowest count of the latest window`, async (t) => {
    const skip = await backend.skip();
    if (skip) return t.skip(skip);
    const store = await backend.open();
    try {
      const budget = storeBudget(store, { coalesceMs: 50 });
      const reset = Math.floor(Date.now() / 1000) + 3600;
      const writes = [
        budget.write('t', 10, reset),
        budget.write('t', 7, reset),
        budget.write('t', 9, reset),
        budget.write('u', 4000, reset),
      ];
      assert.equal((await budget.read()).size, 0, 'nothing written before the interval ends');
      await Promise.all(writes);
      assert.deepEqual(Object.fromEntries([...(await budget.read())].map(([k, v]) => [k, v.remaining])), { t: 7, u: 4000 });
      // the same window heard higher by another worker keeps the lower count; a later window replaces it
      await Promise.all([budget.write('u', 4100, reset), budget.write('t', 3, reset)]);
      assert.deepEqual(Object.fromEntries([...(await budget.read())].map(([k, v]) => [k, v.remaining])), { t: 3, u: 4000 });
      // a later window replaces the count; an answer of the earlier window heard late does not give requests back
      await Promise.all([budget.write('t', 4999, reset + 3600), budget.write('t', 5, reset)]);
      assert.equal((await budget.read()).get('t')!.remaining, 4999);
      assert.equal((await budget.read()).get('t')!.resetEpochS, reset + 3600);
    } finally {
      await store.dispose();
    }
  });
