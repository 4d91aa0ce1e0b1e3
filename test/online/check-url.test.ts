// `steward check <URL>` end to end, as a user runs it: the CLI process clones from the loopback
// git server, asks the GitHub and PyPI stand-ins, and reports what each source cost; a second run
// costs no rate limit; `--offline` opens no socket; a bad token is one line and exit 2.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { FakeGitHub } from '../support/fake-github.js';
import { FakePyPI } from '../support/fake-pypi.js';
import { buildRepo, tempDir, cleanupTemp } from '../support/repo.js';
import { CLI } from '../support/cli.js';

const gh = new FakeGitHub({ tokens: { good: {} } });
const pypi = new FakePyPI();
let env: NodeJS.ProcessEnv = {};

before(async () => {
  const gitRoot = tempDir();
  mkdirSync(join(gitRoot, 'acme'));
  await buildRepo(
    {
      bare: true,
      commits: [
        {
          date: '2026-11-01T00:00:00Z',
          files: {
            'README.md': '# widget\n\n## Installation\n\n```\npip install widget-lib\n```\n',
            'pyproject.toml': '[project]\nname = "widget-lib"\ndependencies = ["torch>=2.0"]\n',
            LICENSE: 'MIT License\n',
          },
        },
      ],
    },
    join(gitRoot, 'acme', 'widget.git'),
  );
  gh.opts.gitRoot = gitRoot;
  await gh.start();
  await pypi.start();
  gh.addRepo({
    owner: 'acme',
    name: 'widget',
    stars: 321,
    runs: [{ name: 'ci', workflowId: 1, branch: 'main', conclusion: 'success', updatedAt: '2026-11-02T00:00:00Z' }],
  });
  pypi.addProject({
    name: 'widget-lib',
    releases: { '1.0': [{ filename: 'widget_lib-1.0-py3-none-any.whl' }] },
    projectUrls: { Source: 'https://github.com/acme/widget' },
  });
  env = {
    PATH: process.env.PATH,
    HOME: tempDir(),
    XDG_CACHE_HOME: tempDir(),
    STEWARD_GITHUB_API_URL: gh.url,
    STEWARD_PYPI_URL: pypi.url,
    STEWARD_CONDA_API_URL: pypi.url,
    STEWARD_CLONE_BASE_URLS: `github.com=${gh.url}/git`,
  };
});
after(async () => {
  await gh.stop();
  await pypi.stop();
  cleanupTemp();
});

function steward(args: string[], extraEnv: NodeJS.ProcessEnv = {}) {
  // asynchronous servers in this process must keep answering while the CLI runs: spawnSync would block them
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    import('node:child_process').then(({ execFile }) => {
      execFile(process.execPath, [...CLI, ...args], { env: { ...env, ...extraEnv }, timeout: 120_000 }, (err, stdout, stderr) => {
        resolve({ status: err ? ((err as { code?: number }).code ?? null) : 0, stdout, stderr });
      });
    });
  });
}

test('a URL is checked like a local path, with online evidence and what each source cost', async () => {
  gh.log = [];
  const r = await steward(['check', 'https://github.com/acme/widget/tree/main', '--format', 'json', '--as-of', '2026-11-27'], {
    GITHUB_TOKEN: 'good',
  });
  assert.notEqual(r.status, 2, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.equal(report.target.repo, 'acme/widget');
  assert.equal(report.target.webUrl, 'https://github.com/acme/widget');
  const github = report.sources.find((s: { name: string }) => s.name === 'github');
  assert.deepEqual([github.requests, github.billable, github.cached], [3, 3, 0]);
  assert.equal(github.credential, '1 credential');
  const p = report.sources.find((s: { name: string }) => s.name === 'pypi');
  assert.equal(p.requests, 1);
  // the online facts reach the requirements that need them
  const status = Object.fromEntries(report.requirements.map((x: { key: string; status: string }) => [x.key, x.status]));
  assert.deepEqual(
    { stars: status['stars'], ci: status['working-ci'], packages: status['packages'] },
    { stars: 'pass', ci: 'pass', packages: 'pass' },
  );
  const stars = report.requirements.find((x: { key: string }) => x.key === 'stars');
  assert.equal(stars.measured.stars, 321);
  // a second run: the clone is fetched, GitHub answers 304s only
  const again = await steward(['check', 'acme/widget', '--format', 'json', '--as-of', '2026-11-27'], { GITHUB_TOKEN: 'good' });
  const github2 = JSON.parse(again.stdout).sources.find((s: { name: string }) => s.name === 'github');
  assert.deepEqual([github2.requests, github2.billable], [2, 0]);
});

test('--offline opens no socket, even with a cached clone', async () => {
  gh.log = [];
  pypi.log = [];
  const r = await steward(['check', 'https://github.com/acme/widget', '--offline', '--format', 'json', '--as-of', '2026-11-27']);
  assert.notEqual(r.status, 2, r.stderr);
  assert.equal(gh.log.length + pypi.log.length, 0);
  const report = JSON.parse(r.stdout);
  assert.equal(
    report.sources.some((s: { name: string }) => s.name === 'github'),
    false,
  );
});

test('a bad token: one line on stderr, exit 2, nothing on stdout', async () => {
  const r = await steward(['check', 'https://github.com/acme/widget', '--token', 'nope', '--format', 'json']);
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^steward: GitHub rejected the token from --token \(401 Bad credentials\)/);
  assert.equal(r.stderr.trim().split('\n').length, 1);
});

test('refused and organisation inputs: exit 2 with the reason', async () => {
  const refused = await steward(['check', 'ext::sh -c id']);
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, /transport helpers/);
  const org = await steward(['check', 'https://github.com/acme'], { GITHUB_TOKEN: 'good' });
  assert.equal(org.status, 2);
  assert.match(org.stderr, /https:\/\/github.com\/acme is an organisation or user, not a repository/);
  assert.match(org.stderr, /steward check https:\/\/github.com\/acme\/widget/);
});
