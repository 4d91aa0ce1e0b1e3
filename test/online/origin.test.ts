// A local clone whose `origin` is on GitHub is judged with that repository's online facts (the
// origin URL is read from the config, never contacted); --offline opens no socket; an origin on a
// host that is not allowed gets no online evidence and the report says why.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import net from 'node:net';
import { FakeGitHub } from '../support/fake-github.js';
import { FakePyPI } from '../support/fake-pypi.js';
import { buildRepo, cleanupTemp } from '../support/repo.js';
import { check } from '../../src/check/index.js';
import { classifyOriginUrl } from '../../src/check/remote-target.js';

const gh = new FakeGitHub({ tokens: { good: {} } });
const pypi = new FakePyPI();
const asOf = new Date('2026-11-27T00:00:00Z');

async function localClone(origin: string | undefined): Promise<string> {
  const dir = await buildRepo({
    commits: [
      {
        date: '2026-11-01T00:00:00Z',
        files: { 'README.md': '# widget\n', 'pyproject.toml': '[project]\nname = "widget-lib"\n', LICENSE: 'MIT License\n' },
      },
    ],
  });
  if (origin) execFileSync('git', ['remote', 'add', 'origin', origin], { cwd: dir });
  return dir;
}

function online() {
  return {
    baseUrls: { github: gh.url, pypi: pypi.url, conda: pypi.url },
    cacheDir: false as const,
    tokens: [{ token: 'good', origin: 'GITHUB_TOKEN' }],
    retryBaseMs: 5,
  };
}

const status = (r: { requirements: { key: string; status: string }[] }, key: string) => r.requirements.find((x) => x.key === key)?.status;

before(async () => {
  await gh.start();
  await pypi.start();
  gh.addRepo({
    owner: 'acme',
    name: 'widget',
    stars: 321,
    runs: [{ name: 'ci', workflowId: 1, branch: 'main', conclusion: 'success', updatedAt: '2026-11-02T00:00:00Z' }],
  });
});
after(async () => {
  await gh.stop();
  await pypi.stop();
  cleanupTemp();
});

test('origin URL forms name the same hosted repository; credentials and ports are dropped', () => {
  const slugOf = (u: string) => {
    const c = classifyOriginUrl(u);
    return c.kind === 'remote' ? `${c.spec.host}:${c.spec.slug} ${c.spec.webUrl}` : `${c.kind}: ${c.kind === 'refused' ? c.reason : ''}`;
  };
  for (const u of [
    'git@github.com:acme/widget.git',
    'github.com:acme/widget',
    'ssh://git@github.com/acme/widget.git',
    'ssh://git@github.com:22/acme/widget.git',
    'git+ssh://git@github.com/acme/widget',
    'git://github.com/acme/widget.git',
    'https://github.com/acme/widget.git',
    'https://x-access-token:SECRET@github.com/acme/widget',
    '  https://www.github.com/acme/widget/  ',
  ]) {
    assert.equal(slugOf(u), 'github:acme/widget https://github.com/acme/widget', u);
  }
  assert.equal(slugOf('git@gitlab.com:group/sub/proj.git'), 'gitlab:group/sub/proj https://gitlab.com/group/sub/proj');
  // not hosted here, or not a repository: refused with the reason, and never the secret
  for (const [u, why] of [
    ['git@gitlab.example.org:a/b.git', /host gitlab\.example\.org is not allowed/],
    ['https://user:SECRET@bitbucket.org/a/b.git', /host bitbucket\.org is not allowed/],
    ['/srv/git/widget.git', /not a hosted repository/],
    ['../widget', /not a hosted repository/],
    ['file:///srv/git/widget.git', /not a hosted repository/],
    ['https://github.com/acme', /names an account/],
    ['git@github.com:acme/../x.git', /\. or \.\. segments/],
  ] as const) {
    const c = classifyOriginUrl(u);
    assert.equal(c.kind, 'refused', u);
    assert.match(c.kind === 'refused' ? c.reason : '', why, u);
    assert.doesNotMatch(c.kind === 'refused' ? c.reason : '', /SECRET/);
  }
  // an allowed GitHub Enterprise host
  const ghes = classifyOriginUrl('git@github.example.com:team/tool.git', {
    allowedHosts: { 'github.com': 'github', 'github.example.com': 'github' },
  });
  assert.equal(ghes.kind === 'remote' && ghes.spec.webUrl, 'https://github.example.com/team/tool');
});

test('a local clone with origin git@github.com:acme/widget.git gets its stars from GitHub', async () => {
  const dir = await localClone('git@github.com:acme/widget.git');
  gh.log = [];
  const { report, evidence } = await check(dir, { asOf, online: online() });
  assert.equal(evidence.repo.slug, 'acme/widget');
  assert.equal(evidence.repo.webUrl, 'https://github.com/acme/widget');
  assert.equal(evidence.repo.host, 'github');
  assert.equal(evidence.online?.github?.stars, 321);
  assert.equal(status(report, 'stars'), 'pass');
  assert.equal(status(report, 'working-ci'), 'pass');
  const github = report.sources.find((s) => s.name === 'github');
  assert.equal(github?.requests, 3);
  assert.ok(
    gh.log.every((l) => !l.path.startsWith('/git/')),
    'nothing is fetched from the origin',
  );
});

test('--offline: the origin still names the repository, and no socket is opened', async () => {
  const dir = await localClone('git@github.com:acme/widget.git');
  gh.log = [];
  pypi.log = [];
  const calls: string[] = [];
  const saved = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    calls.push('connect');
    return (saved as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof saved;
  let result;
  try {
    result = await check(dir, { asOf, offline: true, online: online() });
  } finally {
    net.Socket.prototype.connect = saved;
  }
  assert.deepEqual(calls, []);
  assert.equal(gh.log.length + pypi.log.length, 0);
  assert.equal(result.evidence.repo.slug, 'acme/widget');
  assert.equal(result.evidence.online?.offline, true);
  assert.equal(status(result.report, 'stars'), 'unknown');
});

test('an origin on a host that is not allowed: no online evidence, and the sources say why', async () => {
  const dir = await localClone('https://user:SECRET@git.example.org/acme/widget.git');
  gh.log = [];
  const { report, evidence } = await check(dir, { asOf, online: online() });
  assert.equal(gh.log.length, 0);
  assert.equal(evidence.online, undefined);
  assert.equal(evidence.repo.slug, undefined);
  const origin = report.sources.find((s) => s.name === 'origin');
  assert.match(origin?.detail ?? '', /^no online evidence: .*host git\.example\.org is not allowed/);
  assert.doesNotMatch(JSON.stringify(report), /SECRET/);
  assert.notEqual(status(report, 'stars'), 'pass');
});

test('a local clone without origin is unchanged: no online evidence, no origin source', async () => {
  const dir = await localClone(undefined);
  gh.log = [];
  const { report, evidence } = await check(dir, { asOf, online: online() });
  assert.equal(gh.log.length, 0);
  assert.equal(evidence.online, undefined);
  assert.equal(
    report.sources.some((s) => s.name === 'origin'),
    false,
  );
});
