// A package PyPI or anaconda.org does not have is remembered as missing for a day: an unchanged
// missing package costs no request the second time; after a day (or with the TTL off) it is asked again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { FakePyPI } from '../support/fake-pypi.js';
import { tempDir, cleanupTemp } from '../support/repo.js';
import { HttpCache, SourceCounter } from '../../src/evidence/online/http-cache.js';
import { pypiEvidence } from '../../src/evidence/online/pypi.js';
import { condaEvidence } from '../../src/evidence/online/conda.js';

const pypi = new FakePyPI();
before(() => pypi.start());
after(async () => {
  await pypi.stop();
  cleanupTemp();
});

test('a PyPI and a conda 404 are remembered for a day across processes (a fresh cache object on the same directory)', async () => {
  const dir = tempDir();
  let clock = Date.parse('2026-11-27T00:00:00Z');
  const now = () => clock;
  const ask = async () => {
    const counter = new SourceCounter('pypi');
    const cache = new HttpCache(dir);
    const p = await pypiEvidence('no-such-pkg', { baseUrl: pypi.url, cache, counter, retryBaseMs: 5, now });
    const c = await condaEvidence('no-such-pkg', { baseUrl: pypi.url, cache, counter, retryBaseMs: 5, now });
    return { p, c, requests: counter.requests, reused: counter.reused };
  };
  pypi.log = [];
  const cold = await ask();
  assert.deepEqual([cold.p.exists, cold.c.exists, cold.requests], [false, false, 2]);
  const warm = await ask();
  assert.deepEqual([warm.p.exists, warm.c.exists, warm.requests, warm.reused], [false, false, 0, 2]);
  clock += 24 * 3600_000 - 1;
  assert.equal((await ask()).requests, 0, 'still within the day');
  clock += 1;
  assert.equal((await ask()).requests, 2, 'a day later it is asked again');
  assert.equal(pypi.log.length, 4);
  // a clock set back before the remembered 404 is not trusted
  clock -= 3 * 24 * 3600_000;
  assert.equal((await ask()).requests, 2);
});

test('a package published after its 404 was remembered appears once the day is over; TTL 0 always asks', async () => {
  const cache = new HttpCache();
  let clock = Date.parse('2026-11-27T00:00:00Z');
  const counter = new SourceCounter('pypi');
  const opts = { baseUrl: pypi.url, cache, counter, retryBaseMs: 5, now: () => clock };
  assert.equal((await pypiEvidence('late-pkg', opts)).exists, false);
  pypi.addProject({ name: 'late-pkg', releases: { '1.0': [{ filename: 'late_pkg-1.0-py3-none-any.whl' }] } });
  assert.equal((await pypiEvidence('late-pkg', opts)).exists, false, 'remembered');
  clock += 24 * 3600_000;
  assert.equal((await pypiEvidence('late-pkg', opts)).exists, true);
  const before = counter.requests;
  await pypiEvidence('other-missing', { ...opts, notFoundTtlMs: 0 });
  await pypiEvidence('other-missing', { ...opts, notFoundTtlMs: 0 });
  assert.equal(counter.requests - before, 2);
});
