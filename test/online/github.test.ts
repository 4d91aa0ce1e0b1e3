// The GitHub source, over real HTTP against the loopback stand-in: request budget cold and warm,
// retries (502, secondary and abuse limits, dropped connections), token pool and App tokens,
// a rejected token, partial failure, pagination.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { FakeGitHub, type FakeRepo } from '../support/fake-github.js';
import { tempDir, cleanupTemp } from '../support/repo.js';
import { createOnlineSession, gatherOnline, listOwnerRepositories } from '../../src/evidence/online/index.js';
import type { Credential } from '../../src/evidence/online/tokens.js';
import { onlineError } from '../../src/evidence/online/errors.js';

const fake = new FakeGitHub({ tokens: { good: {}, other: {}, empty: { remaining: 0 } } });
const target = { host: 'github' as const, slug: 'acme/widget', webUrl: 'https://github.com/acme/widget' };
const noDist = { distribution: undefined };

function widget(over: Partial<FakeRepo> = {}): FakeRepo {
  return fake.addRepo({
    owner: 'acme',
    name: 'widget',
    stars: 250,
    license: 'BSD-3-Clause',
    rollup: 'SUCCESS',
    runs: [
      { name: 'tests', workflowId: 1, branch: 'main', conclusion: 'success', updatedAt: '2026-11-20T10:00:00Z' },
      { name: 'tests', workflowId: 1, branch: 'main', conclusion: 'failure', updatedAt: '2026-11-19T10:00:00Z' },
      { name: 'docs', workflowId: 2, branch: 'main', conclusion: 'failure', updatedAt: '2026-11-18T10:00:00Z' },
      { name: 'tests', workflowId: 1, branch: 'feature', conclusion: 'success', updatedAt: '2026-11-21T10:00:00Z' },
    ],
    latestRelease: { name: 'v1.2.0', tagName: 'v1.2.0', publishedAt: '2026-10-01T00:00:00Z' },
    contributing: true,
    ...over,
  });
}

function session(tokens: Credential[] = [{ token: 'good', origin: 'GITHUB_TOKEN' }], cacheDir: string | false = false) {
  return createOnlineSession({ tokens, cacheDir, baseUrls: { github: fake.url }, retryBaseMs: 5 });
}

before(async () => {
  await fake.start();
  fake.addRepo({
    owner: 'acme',
    name: '.github',
    stars: 1,
    codeOfConduct: { key: 'contributor_covenant', name: 'Contributor Covenant' },
    files: { 'CODE_OF_CONDUCT.md': '# Contributor Covenant Code of Conduct\nversion 2.1', 'docs/CONTRIBUTING.md': 'how to help' },
  });
});
after(async () => {
  await fake.stop();
  cleanupTemp();
});

test('cold: three requests give stars, CI runs, release, community files and the org .github files', async () => {
  widget();
  fake.log = [];
  const { online, sources } = await gatherOnline(target, noDist, { session: session() });
  assert.deepEqual(online.errors, {});
  const g = online.github!;
  assert.equal(g.stars, 250);
  assert.equal(g.archived, false);
  assert.equal(g.defaultBranch, 'main');
  assert.equal(g.license, 'BSD-3-Clause');
  // the latest completed run of each workflow on the default branch, never another branch's
  assert.deepEqual(
    g.runs!.map((r) => [r.workflow, r.conclusion]),
    [
      ['tests', 'success'],
      ['docs', 'failure'],
    ],
  );
  assert.equal(g.lastRun?.conclusion, 'success');
  assert.equal(g.head?.checks, 'SUCCESS');
  assert.equal(g.latestRelease?.name, 'v1.2.0');
  assert.match(g.files?.contributing ?? '', /CONTRIBUTING\.md$/);
  assert.equal(g.orgFiles?.codeOfConduct, 'https://github.com/acme/.github/blob/HEAD/CODE_OF_CONDUCT.md');
  assert.equal(g.orgFiles?.contributing, 'https://github.com/acme/.github/blob/HEAD/docs/CONTRIBUTING.md');
  assert.equal(g.orgFiles?.codeOfConductKind, 'contributor_covenant');
  assert.match(g.orgCodeOfConductText ?? '', /Contributor Covenant/);
  assert.equal(fake.requests, 3);
  assert.deepEqual(fake.log.map((l) => l.path.split('?')[0]).sort(), ['/graphql', '/repos/acme/widget', '/repos/acme/widget/actions/runs']);
  const gh = sources.find((s) => s.name === 'github')!;
  assert.equal(gh.requests, 3);
  assert.equal(gh.billable, 3);
  assert.equal(gh.cached, 0);
  assert.equal(typeof gh.rateLimitRemaining, 'number');
});

test('warm: an unchanged repository costs two 304s and no rate limit; a change asks again', async () => {
  widget();
  const dir = tempDir();
  await gatherOnline(target, noDist, { session: session(undefined, dir) });
  fake.log = [];
  // a new session reads the persistent cache from disk, as a second `steward check` would
  const second = await gatherOnline(target, noDist, { session: session(undefined, dir) });
  assert.equal(fake.requests, 2);
  assert.equal(fake.billable, 0);
  assert.equal(second.online.github?.stars, 250);
  assert.equal(second.online.github?.orgFiles?.contributing, 'https://github.com/acme/.github/blob/HEAD/docs/CONTRIBUTING.md');
  const gh = second.sources.find((s) => s.name === 'github')!;
  assert.deepEqual([gh.requests, gh.cached, gh.billable], [2, 2, 0]);
  // one more star: the repository probe changes, so the query runs again
  widget({ stars: 251 });
  fake.log = [];
  const third = await gatherOnline(target, noDist, { session: session(undefined, dir) });
  assert.equal(third.online.github?.stars, 251);
  assert.equal(fake.billable, 2);
  assert.ok(fake.log.some((l) => l.path === '/graphql'));
  // a run finishing on the default branch changes the runs probe, and the query runs again too
  widget({
    stars: 251,
    runs: [{ name: 'tests', workflowId: 1, branch: 'main', conclusion: 'failure', updatedAt: '2026-11-26T10:00:00Z' }],
  });
  fake.log = [];
  const fourth = await gatherOnline(target, noDist, { session: session(undefined, dir) });
  assert.equal(fourth.online.github?.lastRun?.conclusion, 'failure');
  assert.equal(fake.billable, 2);
});

test('502s, a 403 secondary rate limit and an abuse limit with retry-after are waited out and retried', async () => {
  widget();
  fake.faults = [
    { status: 502, path: /^\/graphql$/, times: 2 },
    { status: 403, kind: 'secondary', retryAfter: 1, path: /^\/repos\/acme\/widget$/, times: 1 },
    { status: 403, kind: 'abuse', retryAfter: 1, path: /actions\/runs$/, times: 1 },
  ];
  fake.log = [];
  const { online } = await gatherOnline(target, noDist, { session: session() });
  assert.deepEqual(online.errors, {});
  assert.equal(online.github?.stars, 250);
  assert.equal(online.github?.lastRun?.conclusion, 'success');
  assert.equal(fake.faults.length, 0);
  assert.equal(fake.log.filter((l) => l.status === 502).length, 2);
  assert.equal(fake.log.filter((l) => l.status === 403).length, 2);
});

test('a source failing mid-check: unknown with the reason for its requirements, the rest intact', async () => {
  widget();
  fake.faults = [{ status: 502, path: /actions\/runs$/ }];
  const { online, sources } = await gatherOnline(target, noDist, { session: session() });
  fake.faults = [];
  assert.equal(online.github?.stars, 250);
  assert.equal(online.github?.latestRelease?.name, 'v1.2.0');
  assert.deepEqual(Object.keys(online.errors), ['github/runs']);
  assert.match(online.errors['github/runs']!, /runs.*502/);
  assert.match(sources.find((s) => s.name === 'github')!.error ?? '', /502/);
  // connections dropped on the GraphQL endpoint only: stars (REST) survive
  fake.faults = [{ status: 'reset', path: /^\/graphql$/ }];
  const dropped = await gatherOnline(target, noDist, { session: session() });
  fake.faults = [];
  assert.equal(dropped.online.github?.stars, 250);
  assert.deepEqual(Object.keys(dropped.online.errors), ['github/graphql']);
  // the whole service unreachable: every GitHub requirement has the reason
  const down = await gatherOnline(target, noDist, {
    session: createOnlineSession({ tokens: [], cacheDir: false, baseUrls: { github: 'http://127.0.0.1:9' }, retryBaseMs: 1 }),
  });
  assert.equal(down.online.github, undefined);
  assert.deepEqual(Object.keys(down.online.errors).sort(), ['github/graphql', 'github/repo']);
});

test('a rejected token is one clear error naming where the token came from', async () => {
  widget();
  fake.log = [];
  await assert.rejects(gatherOnline(target, noDist, { session: session([{ token: 'wrong', origin: 'GH_TOKEN' }]) }), (err: Error) => {
    assert.equal(err.name, 'GitHubAuthError');
    assert.match(err.message, /GitHub rejected the token from GH_TOKEN \(401 Bad credentials\)/);
    assert.doesNotMatch(err.message, /wrong/); // never the secret
    return true;
  });
  // no retries of a 401: one failed request per endpoint at most
  assert.ok(fake.log.filter((l) => l.status === 401).length <= 2);
});

test('a token that ran dry hands over to the next one in the pool', async () => {
  widget();
  fake.log = [];
  const { online } = await gatherOnline(target, noDist, {
    session: session([
      { token: 'empty', origin: '--token #1' },
      { token: 'other', origin: '--token #2' },
    ]),
  });
  assert.deepEqual(online.errors, {});
  assert.equal(online.github?.stars, 250);
  assert.ok(fake.log.some((l) => l.token === 'empty' && l.status === 403));
  assert.ok(fake.log.filter((l) => l.status === 200).every((l) => l.token === 'other'));
});

test('rate limit exhausted with no other token: unknown with the reason, not a crash', async () => {
  widget();
  const { online } = await gatherOnline(target, noDist, { session: session([{ token: 'empty', origin: 'GITHUB_TOKEN' }]) });
  assert.match(onlineError(online, 'github/repo', 'github') ?? '', /rate limit/i);
});

test('a GitHub App installation token is minted with a signed JWT and used', async () => {
  widget();
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  fake.opts.apps = { '4242': { publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(), installations: [77] } };
  fake.log = [];
  const { online } = await gatherOnline(target, noDist, {
    session: session([
      {
        origin: 'GitHub App 4242 installation 77',
        app: { appId: '4242', privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), installationId: 77 },
      },
    ]),
  });
  assert.deepEqual(online.errors, {});
  // one exchange, however many requests wanted the token at once
  assert.deepEqual(
    fake.log.filter((l) => l.path.startsWith('/app/')).map((l) => l.path),
    ['/app/installations/77/access_tokens'],
  );
  assert.ok(fake.log.slice(1).every((l) => l.token?.startsWith('ghs_77_')));
  // a key that does not match the App's: the exchange is refused
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  await assert.rejects(
    gatherOnline(target, noDist, {
      session: session([{ origin: 'GitHub App 4242 installation 77', app: { appId: '4242', privateKey: other, installationId: 77 } }]),
    }),
    (err: Error) => err.name === 'GitHubAuthError' && /GitHub App 4242 installation 77.*401/.test(err.message),
  );
});

test('a repository GitHub does not know: every GitHub requirement says so', async () => {
  const { online } = await gatherOnline({ ...target, slug: 'acme/nothing' }, noDist, { session: session() });
  assert.equal(online.github, undefined);
  assert.match(onlineError(online, 'github/repo', 'github') ?? '', /acme\/nothing does not exist on GitHub/);
});

test('organisation repositories are listed across pages (Link headers), most starred first', async () => {
  for (let i = 0; i < 130; i++) fake.addRepo({ owner: 'bigorg', name: `repo-${String(i).padStart(3, '0')}`, stars: i === 42 ? 1000 : 1 });
  fake.log = [];
  const names = await listOwnerRepositories('github', 'bigorg', { session: session() });
  assert.equal(names.length, 130);
  assert.equal(names[0], 'bigorg/repo-042');
  assert.equal(fake.log.filter((l) => l.path.startsWith('/orgs/bigorg/repos')).length, 2);
  // a user account: /orgs answers 404, /users answers
  fake.addRepo({ owner: 'alice', name: 'solo', stars: 3 });
  fake.owners.set('alice', { type: 'User' });
  assert.deepEqual(await listOwnerRepositories('github', 'alice', { session: session() }), ['alice/solo']);
});

test('commit authors map to GitHub users across GraphQL pages when asked', async () => {
  const authors = Array.from({ length: 150 }, (_, i) => ({ email: `Dev${i}@Example.org`, login: i % 2 ? `dev${i}` : null }));
  widget({ authors });
  fake.log = [];
  const { online } = await gatherOnline(target, noDist, { session: session(), authorsSince: '2026-08-29T00:00:00Z' });
  assert.equal(Object.keys(online.github?.authors ?? {}).length, 75);
  assert.equal(online.github?.authors?.['dev149@example.org'], 'dev149');
  assert.equal(fake.log.filter((l) => l.path === '/graphql').length, 2);
});

test('offline: nothing is asked', async () => {
  fake.log = [];
  const r = await gatherOnline(target, noDist, { offline: true, baseUrls: { github: fake.url } });
  assert.equal(r.online.offline, true);
  assert.equal(fake.requests, 0);
});
