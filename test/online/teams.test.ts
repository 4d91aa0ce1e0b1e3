// Requirement 11 counts `@org/team` owners as the people GitHub lists in the team: one conditional
// request per team named, none when no team is named; a team the token can't see stays unresolved
// with the reason, and the rest of the check is unaffected.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { FakeGitHub } from '../support/fake-github.js';
import { FakePyPI } from '../support/fake-pypi.js';
import { buildRepo, tempDir, cleanupTemp } from '../support/repo.js';
import { check } from '../../src/check/index.js';
import { createOnlineSession, githubClientOf } from '../../src/evidence/online/index.js';
import { githubTeamMembers, MAX_TEAMS } from '../../src/evidence/online/github-teams.js';

const gh = new FakeGitHub({ tokens: { good: {} } });
const pypi = new FakePyPI();
const asOf = new Date('2026-11-27T00:00:00Z');

async function clone(files: Record<string, string>): Promise<string> {
  const dir = await buildRepo({ commits: [{ date: '2026-11-01T00:00:00Z', files: { 'README.md': '# widget\n', ...files } }] });
  execFileSync('git', ['remote', 'add', 'origin', 'git@github.com:acme/widget.git'], { cwd: dir });
  return dir;
}

const online = (cacheDir: string | false = false) => ({
  baseUrls: { github: gh.url, pypi: pypi.url, conda: pypi.url },
  cacheDir,
  tokens: [{ token: 'good', origin: 'GITHUB_TOKEN' }],
  retryBaseMs: 5,
});
const req11 = (r: { requirements: { key: string; status: string; summary: string; measured?: Record<string, unknown> }[] }) =>
  r.requirements.find((x) => x.key === 'core-maintainers')!;
const teamRequests = () => gh.log.filter((l) => /\/teams\//.test(l.path));

before(async () => {
  await gh.start();
  await pypi.start();
  gh.addRepo({ owner: 'acme', name: 'widget', stars: 300 });
  gh.teams.set('acme/core', ['alice', 'bob']);
  gh.teams.set('acme/infra', ['Bob', 'carol']);
});
after(async () => {
  await gh.stop();
  await pypi.stop();
  cleanupTemp();
});

test('two teams resolve to three people: requirement 11 passes; two requests more cold, 304s warm', async () => {
  const dir = await clone({ '.github/CODEOWNERS': '* @acme/core\n/docs/ @acme/infra @acme/core\n' });
  const cacheDir = tempDir();
  gh.log = [];
  const { report, evidence } = await check(dir, { asOf, online: online(cacheDir) });
  assert.deepEqual(evidence.online?.github?.teams, { 'acme/core': ['alice', 'bob'], 'acme/infra': ['Bob', 'carol'] });
  const r = req11(report);
  assert.equal(r.status, 'pass', r.summary);
  assert.equal(r.measured?.['count'], 3);
  assert.equal(teamRequests().length, 2);
  const github = report.sources.find((s) => s.name === 'github')!;
  assert.equal(github.requests, 5);
  assert.equal(github.detail, 'teams: 2 resolved');
  gh.log = [];
  const warm = await check(dir, { asOf, online: online(cacheDir) });
  const g2 = warm.report.sources.find((s) => s.name === 'github')!;
  assert.deepEqual([g2.requests, g2.billable], [4, 0]);
  assert.equal(req11(warm.report).status, 'pass');
});

test('a team the token cannot see stays unresolved with the reason; requirement 11 asks a reviewer', async () => {
  const dir = await clone({ '.github/CODEOWNERS': '* @acme/secret @dave\n' });
  gh.log = [];
  const { report, evidence } = await check(dir, { asOf, online: online() });
  assert.equal(teamRequests().length, 1);
  assert.deepEqual(evidence.online?.github?.teams, {});
  assert.match(
    evidence.online?.errors['github/teams'] ?? '',
    /^@acme\/secret: GitHub answered 404: no such team, or the token can't see it/,
  );
  const r = req11(report);
  assert.equal(r.status, 'review', r.summary);
  assert.deepEqual(r.measured?.['unresolvedTeams'], ['@acme/secret']);
  assert.match(r.summary, /GitHub did not resolve them: @acme\/secret: GitHub answered 404/);
  assert.match(
    report.sources.find((s) => s.name === 'github')?.detail ?? '',
    /teams: 0 resolved, 1 not \(@acme\/secret: GitHub answered 404/,
  );
  // the other online facts are intact
  assert.equal(evidence.online?.github?.stars, 300);
});

test('no team named: no team request, three requests in all', async () => {
  const dir = await clone({ '.github/CODEOWNERS': '* @alice @bob\n' });
  gh.log = [];
  const { report } = await check(dir, { asOf, online: online() });
  assert.equal(teamRequests().length, 0);
  assert.equal(report.sources.find((s) => s.name === 'github')?.requests, 3);
  assert.equal(req11(report).status, 'pass');
});

test('team lookups: pages past 100 members, names in the order given, bad names and the cap', async () => {
  gh.teams.set(
    'acme/big',
    Array.from({ length: 230 }, (_, i) => `user${i}`),
  );
  const session = createOnlineSession({
    tokens: [{ token: 'good', origin: 'GITHUB_TOKEN' }],
    cacheDir: false,
    baseUrls: { github: gh.url },
    retryBaseMs: 5,
  });
  const client = await githubClientOf(session);
  gh.log = [];
  const many = Array.from({ length: MAX_TEAMS + 2 }, (_, i) => `acme/t${i}`);
  const r = await githubTeamMembers(client, ['@acme/big', 'ACME/Core', 'acme/core', 'not a team', ...many]);
  assert.equal(r.teams['acme/big']?.length, 230);
  assert.equal(r.teams['acme/big']?.[229], 'user229');
  assert.deepEqual(Object.keys(r.teams), ['acme/big', 'ACME/Core']);
  assert.match(r.unresolved['not a team'] ?? '', /not a team name/);
  assert.match(r.unresolved[`acme/t${MAX_TEAMS}`] ?? '', /not asked; only the first 20/);
  assert.equal(r.unresolved[`acme/t${MAX_TEAMS - 4}`]?.includes('404'), true);
  assert.equal(r.unresolved[`acme/t${MAX_TEAMS - 3}`]?.includes('not asked'), true);
  // big: 3 pages; core: 1; 17 hidden teams asked (20 minus big, core and the bad name)
  assert.equal(gh.log.length, 3 + 1 + (MAX_TEAMS - 3));
});
