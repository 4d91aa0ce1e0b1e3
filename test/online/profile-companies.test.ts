// The company on contributors' GitHub profiles, for the organisations count: one request per login,
// a missing user is unresolved, not an error for the check.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { FakeGitHub } from '../support/fake-github.js';
import { createOnlineSession, gatherProfileCompanies } from '../../src/evidence/online/index.js';

const gh = new FakeGitHub({ tokens: { good: {} } });

before(async () => {
  await gh.start();
  gh.users.set('devd', { company: '@Huawei' });
  gh.users.set('solo', { company: null });
});
after(() => gh.stop());

test('companies are read per login (lower-cased, once each); a user without one or unknown is left out', async () => {
  const session = createOnlineSession({
    baseUrls: { github: gh.url },
    cacheDir: false,
    tokens: [{ token: 'good', origin: 'GITHUB_TOKEN' }],
    retryBaseMs: 1,
  });
  const { companies, sources } = await gatherProfileCompanies(['DevD', 'devd', 'solo', 'ghost'], { session });
  assert.deepEqual(companies, { devd: '@Huawei' });
  assert.equal(gh.log.filter((l) => l.path.startsWith('/users/')).length, 3);
  assert.match(sources[0]!.detail ?? '', /2 read for their company, 1 name one, 1 not read/);
});

test('no logins, no request', async () => {
  const before = gh.log.length;
  const { companies, sources } = await gatherProfileCompanies([], { baseUrls: { github: gh.url }, cacheDir: false });
  assert.deepEqual(companies, {});
  assert.deepEqual(sources, []);
  assert.equal(gh.log.length, before);
});
