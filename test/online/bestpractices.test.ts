// The OpenSSF Best Practices source: the README's badge link, the site's JSON (stand-in), errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { findBadgeProject } from '../../src/evidence/online/bestpractices.js';
import { gatherBestPractices, baseUrlsFromEnv } from '../../src/evidence/online/index.js';
import { FakeBestPractices } from '../support/fake-bestpractices.js';

const site = new FakeBestPractices();
before(async () => {
  await site.start();
  site.add({ id: 4242, name: 'demo', level: 'silver', tieredPercentage: 215, repoUrl: 'https://github.com/o/demo' });
});
after(() => site.stop());

const opts = () => ({ baseUrls: { bestpractices: site.url }, cacheDir: false as const, retryBaseMs: 1 });

test('badge link: both hosts, a locale, www.; the first link and its line', () => {
  assert.deepEqual(
    findBadgeProject('# x\n[![OpenSSF](https://www.bestpractices.dev/projects/4242/badge)](https://www.bestpractices.dev/projects/4242)'),
    {
      projectId: 4242,
      line: 2,
    },
  );
  assert.equal(findBadgeProject('https://bestpractices.coreinfrastructure.org/projects/17/badge')?.projectId, 17);
  assert.equal(findBadgeProject('https://www.bestpractices.dev/en/projects/99')?.projectId, 99);
  assert.equal(findBadgeProject('https://example.org/projects/5'), undefined);
});

test('STEWARD_BESTPRACTICES_URL overrides the site', () => {
  assert.equal(baseUrlsFromEnv({ STEWARD_BESTPRACTICES_URL: 'http://127.0.0.1:9' }).bestpractices, 'http://127.0.0.1:9');
});

test('the badge level and percentage are read from the JSON; one request, counted', async () => {
  const { bestPractices, sources } = await gatherBestPractices(
    { path: 'README.md', text: 'see https://www.bestpractices.dev/projects/4242' },
    opts(),
  );
  assert.equal(bestPractices.badgeLevel, 'silver');
  assert.equal(bestPractices.tieredPercentage, 215);
  assert.equal(bestPractices.foundIn, 'README.md:1');
  assert.equal(bestPractices.url, `${site.url}/projects/4242.json`);
  assert.equal(sources[0]!.name, 'bestpractices');
  assert.equal(sources[0]!.requests, 1);
});

test('no badge link asks nothing; an unknown project is notFound; a failing site is an error, not a throw', async () => {
  const before = site.log.length;
  const none = await gatherBestPractices({ path: 'README.md', text: 'no badge' }, opts());
  assert.deepEqual(none.bestPractices, {});
  assert.equal(site.log.length, before);
  const missing = await gatherBestPractices({ path: 'README.md', text: 'bestpractices.dev/projects/7' }, opts());
  assert.equal(missing.bestPractices.notFound, true);
  site.faults.push({ status: 502 });
  const down = await gatherBestPractices({ path: 'README.md', text: 'bestpractices.dev/projects/4242' }, opts());
  site.faults.length = 0;
  assert.equal(down.bestPractices.projectId, 4242);
  assert.match(down.error ?? '', /502/);
  assert.equal(down.bestPractices.badgeLevel, undefined);
});
