// `steward check --policy lfai-data --stage …` on a built repository, online against the GitHub
// and OpenSSF Best Practices stand-ins: each stage runs the rules the LF AI & Data lifecycle lists
// for it, under its own numbers, with the options the stage raises (badge level, organisations,
// stars), and the report names the stage.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CLI } from '../support/cli.js';
import { FakeGitHub } from '../support/fake-github.js';
import { FakeBestPractices } from '../support/fake-bestpractices.js';
import { buildRepo, cleanupTemp, daysAgo, tempDir, type Ident } from '../support/repo.js';
import { mitLicense } from '../../src/demo/project-files.js';
import type { Report } from '../../src/report/types.js';

const AS_OF = '2026-11-27T00:00:00Z';
const gh = new FakeGitHub({ tokens: { good: {} } });
const site = new FakeBestPractices();
let repo = '';
let env: NodeJS.ProcessEnv = {};

const PEOPLE: Ident[] = [
  { name: 'Ana Ibm', email: 'ana@us.ibm.com' },
  { name: 'Ian Intel', email: 'ian@intel.com' },
  { name: 'Hua Wei', email: 'hua@huawei.com' },
  { name: 'Nia Nvidia', email: 'nia@nvidia.com' },
  // free-mail: only the company on the GitHub profile places her
  { name: 'Dev D', email: '12345+devd@users.noreply.github.com' },
];

const FILES = {
  'README.md':
    '# lifecycle\n\n[![OpenSSF Best Practices](https://www.bestpractices.dev/projects/4242/badge)](https://www.bestpractices.dev/projects/4242)\n\nlifecycle is a data library that gives teams a small, well-tested set of tools to describe, version and share the datasets their models learn from, with clear defaults and examples that run in seconds.\n\n## Installation\n\n```sh\npip install lifecycle\n```\n',
  LICENSE: mitLicense('The lifecycle authors'),
  'CONTRIBUTING.md': '# Contributing\n\nOpen an issue, then a pull request with tests.\n',
  'CODE_OF_CONDUCT.md':
    '# Code of Conduct\n\nThis project follows the Linux Foundation Code of Conduct: https://lfprojects.org/policies/code-of-conduct/\n',
  'GOVERNANCE.md': '# Governance\n\nThe maintainers decide by lazy consensus; a disagreement is settled by a majority vote of the TSC.\n',
  '.github/CODEOWNERS': '* @ana @ian\n',
  'MAINTAINERS.md': '# Maintainers\n\n- Ana Ibm\n- Ian Intel\n\n## Emeritus\n\n- none yet\n',
  'RELEASE.md': '# Releases\n\nA release is cut every month by the TSC chair once CI passes on main.\n',
  'SUPPORT.md': '# Support\n\nAsk questions in GitHub Discussions.\n',
  'SECURITY.md': '# Security\n\nReport vulnerabilities privately to security@lifecycle.example.\n',
};

before(async () => {
  await gh.start();
  await site.start();
  gh.addRepo({ owner: 'acme', name: 'lifecycle', stars: 700 });
  gh.users.set('devd', { company: 'Hugging Face' });
  site.add({ id: 4242, name: 'lifecycle', level: 'silver', tieredPercentage: 230, repoUrl: 'https://github.com/acme/lifecycle' });
  repo = await buildRepo({
    commits: Array.from({ length: 40 }, (_, i) => ({
      date: daysAgo(AS_OF, 300 - i * 7),
      author: PEOPLE[i % PEOPLE.length]!,
      message: `change ${i}`,
      files: i === 0 ? FILES : { [`src/part${i}.py`]: `x = ${i}\n` },
    })),
  });
  execFileSync('git', ['remote', 'add', 'origin', 'git@github.com:acme/lifecycle.git'], { cwd: repo });
  env = {
    PATH: process.env.PATH,
    HOME: tempDir(),
    XDG_CACHE_HOME: tempDir(),
    NO_COLOR: '1',
    GITHUB_TOKEN: 'good',
    STEWARD_GITHUB_API_URL: gh.url,
    STEWARD_BESTPRACTICES_URL: site.url,
    // the bundled torch list: no rule of this policy asks about torch, and PyPI is not on loopback
    STEWARD_TORCH_RELEASES: fileURLToPath(new URL('../../data/torch-releases.json', import.meta.url)),
  };
});
after(async () => {
  await gh.stop();
  await site.stop();
  cleanupTemp();
});

function steward(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  // the stand-ins in this process must keep answering while the CLI runs: no spawnSync
  return new Promise((resolve) => {
    import('node:child_process').then(({ execFile }) => {
      execFile(process.execPath, [...CLI, ...args], { env, timeout: 120_000 }, (err, stdout, stderr) => {
        resolve({ status: err ? ((err as { code?: number }).code ?? null) : 0, stdout, stderr });
      });
    });
  });
}

async function checkAt(stage: string, extra: string[] = []): Promise<Report> {
  const r = await steward(['check', repo, '--policy', 'lfai-data', '--stage', stage, '--as-of', AS_OF, '--format', 'json', ...extra]);
  assert.ok(r.stdout.trim().startsWith('{'), `stage ${stage}: ${r.stderr}`);
  return JSON.parse(r.stdout) as Report;
}

const rows = (r: Report) => r.requirements.map((x) => [x.id, x.key, x.status]);

const SANDBOX = [
  [1, 'governance', 'pass'],
  [2, 'osi-license', 'pass'],
  [3, 'best-practices-badge', 'pass'],
  [4, 'license-file', 'pass'],
  [5, 'readme', 'warn'], // the existing rule's judgement of this README (no release methodology section)
  [6, 'contributing', 'pass'],
  [7, 'codeowners', 'warn'], // emeritus committers are not documented beside CODEOWNERS
  [8, 'code-of-conduct', 'pass'],
  [9, 'release-process', 'pass'],
  [10, 'support-file', 'pass'],
  [11, 'security-policy', 'pass'],
];

test('sandbox: the eleven sandbox rules, numbered as the policy numbers them; nothing fails', async () => {
  const r = await checkAt('sandbox');
  assert.deepEqual(r.policy, { id: 'lfai-data', version: '1.0', stage: 'sandbox' });
  assert.deepEqual(rows(r), SANDBOX);
  assert.equal(r.verdict, 'pass');
  const badge = r.requirements.find((x) => x.key === 'best-practices-badge')!;
  assert.deepEqual(badge.measured, { level: 'silver', projectId: 4242, required: 'passing', tieredPercentage: 230 });
  assert.equal(r.requirements[1]!.title, 'OSI-approved license');
});

test('incubation: adds organisations (≥ 3) and stars (≥ 500), and raises the badge to silver', async () => {
  const r = await checkAt('incubation');
  assert.deepEqual(r.policy, { id: 'lfai-data', version: '1.0', stage: 'incubation' });
  assert.deepEqual(rows(r), [...SANDBOX, [12, 'contributing-organisations', 'pass'], [13, 'stars', 'pass']]);
  const badge = r.requirements.find((x) => x.key === 'best-practices-badge')!;
  assert.equal(badge.measured['required'], 'silver');
  const orgs = r.requirements.find((x) => x.key === 'contributing-organisations')!;
  assert.equal(orgs.measured['organisations'], 5);
  assert.equal(orgs.measured['required'], 3);
  assert.equal(orgs.measured['windowDays'], 365);
  assert.match(String(orgs.measured['method']), /company on the GitHub profiles/);
  assert.equal(r.requirements.find((x) => x.key === 'stars')!.measured['required'], 500);
});

test('graduation: organisations (≥ 5) pass, but 700 stars (≥ 1000) and the silver badge (gold) fail', async () => {
  const r = await checkAt('graduation');
  assert.deepEqual(r.policy, { id: 'lfai-data', version: '1.0', stage: 'graduation' });
  assert.deepEqual(rows(r), [
    ...SANDBOX.map((x) => (x[1] === 'best-practices-badge' ? [3, 'best-practices-badge', 'fail'] : x)),
    [12, 'contributing-organisations', 'pass'],
    [13, 'stars', 'fail'],
  ]);
  assert.equal(r.verdict, 'fail');
  assert.equal(r.requirements.find((x) => x.key === 'best-practices-badge')!.measured['required'], 'gold');
  assert.equal(r.requirements.find((x) => x.key === 'stars')!.measured['required'], 1000);
  assert.equal(r.requirements.find((x) => x.key === 'contributing-organisations')!.measured['required'], 5);
});

test('offline: the badge is unknown and nothing is asked of the site', async () => {
  const asked = site.log.length;
  const r = await checkAt('sandbox', ['--offline']);
  assert.equal(r.requirements.find((x) => x.key === 'best-practices-badge')!.status, 'unknown');
  assert.equal(site.log.length, asked);
});

test('a stage the policy does not define is refused with the stages it has', async () => {
  const r = await steward(['check', repo, '--policy', 'lfai-data', '--stage', 'emeritus', '--as-of', AS_OF]);
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /sandbox.*incubation.*graduation/);
});
