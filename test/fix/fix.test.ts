// `steward fix` on real repositories: the files it writes come from the history, CI and tags; after
// --write and a commit, the requirements it fixed pass and no other verdict changes; a repository
// that lacks nothing gets nothing, and a second run writes nothing.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildRepo, cleanupTemp, daysAgo, type CommitSpec, type Ident } from '../support/repo.js';
import { CI_WORKFLOW, wellKeptPyproject } from '../support/project-files.js';
import { runCli } from '../support/cli.js';
import { check } from '../../src/check/index.js';
import type { Report } from '../../src/report/types.js';

after(cleanupTemp);

const AS_OF = '2026-11-27T00:00:00Z';
const ANN: Ident = { name: 'Ann Lee', email: '101+ann-lee@users.noreply.github.com' };
const BEN: Ident = { name: 'Ben Ode', email: 'BenOde@users.noreply.github.com' };
const DORA: Ident = { name: 'Dora Pym', email: 'dora@example.org' };
const CARL: Ident = { name: 'Carl Old', email: '7+carl-old@users.noreply.github.com' };
const BOT: Ident = { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' };

const CI = CI_WORKFLOW.replace('      - run: python -m pytest tests\n', '      - run: ruff check .\n      - run: python -m pytest tests\n');

/** Two years of history: Carl maintained it until 18 months ago; Ann, Ben and Dora since; a bot too. Three monthly tags. */
function lacking(): { commits: CommitSpec[]; tags: Record<string, number> } {
  const commits: CommitSpec[] = [];
  const add = (daysBefore: number, author: Ident, files: CommitSpec['files'] = { 'src/x.py': `x = ${String(daysBefore)}\n` }) =>
    commits.push({ date: daysAgo(AS_OF, daysBefore), author, files });
  add(700, CARL, {
    'README.md': '# proj\n\nProj trains and evaluates PyTorch models on streaming data with checkpointing.\n\n## Install\n\n```\npip install proj\n```\n',
    'LICENSE-MIT': 'MIT License\n\nCopyright (c) 2024 Carl Old\n',
    'pyproject.toml': wellKeptPyproject('proj'),
    '.github/workflows/ci.yml': CI,
    'tests/test_x.py': 'def test_x():\n    assert True\n',
  });
  for (let d = 690; d > 560; d -= 10) add(d, CARL);
  for (let d = 300; d > 0; d -= 6) add(d, d % 18 === 0 ? ANN : BEN);
  for (let d = 290; d > 0; d -= 25) add(d, DORA);
  add(50, BOT);
  commits.sort((a, b) => (a.date < b.date ? -1 : 1));
  const n = commits.length;
  return { commits, tags: { 'v1.0.0': n - 9, 'v1.1.0': n - 5, 'v1.2.0': n - 1 } };
}

function commitAll(dir: string, message: string): void {
  const env = { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.org', GIT_AUTHOR_DATE: '2026-11-26T00:00:00Z', GIT_COMMITTER_DATE: '2026-11-26T00:00:00Z' };
  execFileSync('git', ['add', '-A'], { cwd: dir, env });
  execFileSync('git', ['commit', '-q', '-m', message], { cwd: dir, env });
}

const statuses = (r: Report) => Object.fromEntries(r.requirements.map((x) => [x.key, x.status]));
const asOf = new Date(AS_OF);

test('fix --write, then a commit: every requirement it fixed passes and no other verdict changes; a second run writes nothing', async () => {
  const spec = lacking();
  const dir = await buildRepo(spec);
  const before = (await check(dir, { asOf, offline: true })).report;
  const b = statuses(before);
  assert.equal(b['codeowners'], 'fail');
  assert.equal(b['core-maintainers'], 'fail');
  assert.equal(b['governance'], 'fail');
  assert.equal(b['contributing'], 'fail');
  assert.equal(b['code-of-conduct'], 'fail');
  assert.equal(b['readme'], 'warn');
  assert.equal(b['license-file'], 'warn');

  const w = await runCli(['fix', dir, '--write', '--offline', '--as-of', AS_OF]);
  assert.equal(w.code, 0, w.stderr);
  assert.match(w.stdout, /Wrote:/);
  // Dora's login is unknown: she is named for the maintainer to add, and no e-mail is written anywhere
  assert.match(w.stdout, /No GitHub login is known for Dora Pym/);
  const codeowners = readFileSync(join(dir, '.github/CODEOWNERS'), 'utf8');
  assert.match(codeowners, /^\* @BenOde @ann-lee$/m);
  assert.match(codeowners, /^# Emeritus.*\n# @carl-old$/m);
  for (const f of ['.github/CODEOWNERS', 'GOVERNANCE.md', 'CONTRIBUTING.md', 'CODE_OF_CONDUCT.md', 'README.md']) {
    assert.doesNotMatch(readFileSync(join(dir, f), 'utf8'), /@example\.org|noreply/, `${f} holds no e-mail address`);
  }
  const governance = readFileSync(join(dir, 'GOVERNANCE.md'), 'utf8');
  assert.match(governance, /- Ben Ode \(@BenOde\)\n- Ann Lee \(@ann-lee\)\n- Dora Pym\n/);
  assert.match(governance, /Emeritus maintainers[^\n]*\n\n- Carl Old \(@carl-old\)/);
  const contributing = readFileSync(join(dir, 'CONTRIBUTING.md'), 'utf8');
  assert.match(contributing, /```sh\npython -m pytest tests\n```/);
  assert.match(contributing, /```sh\nruff check \.\n```/);
  assert.match(contributing, /pip install -e \.\[test\]/);
  assert.match(readFileSync(join(dir, 'CODE_OF_CONDUCT.md'), 'utf8'), /https:\/\/lfprojects\.org\/policies\/code-of-conduct\//);
  const readme = readFileSync(join(dir, 'README.md'), 'utf8');
  assert.match(readme, /## Releases\n\nReleases follow semantic versioning \(MAJOR\.MINOR\.PATCH\) and are tagged `v<version>`\. The latest is `v1\.2\.0`/);
  assert.ok(existsSync(join(dir, 'LICENSE.md')) && !existsSync(join(dir, 'LICENSE-MIT')), 'LICENSE-MIT renamed to LICENSE.md');

  // before the commit, a second run finds everything already written and writes nothing
  const again = await runCli(['fix', dir, '--write', '--offline', '--as-of', AS_OF]);
  assert.equal(again.code, 0, again.stderr);
  assert.doesNotMatch(again.stdout, /Wrote:/);
  assert.match(again.stdout, /Already in the work tree, not committed/);

  commitAll(dir, 'Ecosystem files');
  const afterReport = (await check(dir, { asOf, offline: true })).report;
  const a = statuses(afterReport);
  const fixed = ['codeowners', 'core-maintainers', 'governance', 'contributing', 'code-of-conduct', 'readme', 'license-file'];
  for (const k of fixed) assert.equal(a[k], 'pass', `${k}: ${afterReport.requirements.find((r) => r.key === k)?.summary ?? ''}`);
  for (const k of Object.keys(b).filter((k) => !fixed.includes(k))) assert.equal(a[k], b[k], `${k} is unchanged`);

  const third = await runCli(['fix', dir, '--write', '--offline', '--as-of', AS_OF]);
  assert.equal(third.code, 0);
  assert.match(third.stdout, /^Nothing to fix with files/);
  assert.equal(execFileSync('git', ['status', '--porcelain'], { cwd: dir, encoding: 'utf8' }), '');
});

test('fix on a repository that lacks nothing writes nothing', async () => {
  const spec = lacking();
  const dir = await buildRepo(spec);
  execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../../src/cli/run.ts'), 'fix', dir, '--write', '--offline', '--as-of', AS_OF]);
  commitAll(dir, 'files');
  const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir, encoding: 'utf8' });
  for (const args of [[], ['--write']]) {
    const r = await runCli(['fix', dir, ...args, '--offline', '--as-of', AS_OF]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^Nothing to fix with files/);
  }
  assert.equal(execFileSync('git', ['status', '--porcelain'], { cwd: dir, encoding: 'utf8' }), '');
  assert.equal(execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir, encoding: 'utf8' }), head);
});

test('fix prints a diff git apply accepts, and changes nothing', async () => {
  const dir = await buildRepo(lacking());
  const r = await runCli(['fix', dir, '--offline', '--as-of', AS_OF]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^diff --git a\/LICENSE-MIT b\/LICENSE\.md\nsimilarity index 100%\nrename from LICENSE-MIT\nrename to LICENSE\.md$/m);
  assert.match(r.stderr, /note: No GitHub login is known for Dora Pym/);
  assert.equal(execFileSync('git', ['status', '--porcelain'], { cwd: dir, encoding: 'utf8' }), '');
  const apply = spawnSync('git', ['apply', '--check', '-'], { cwd: dir, input: r.stdout, encoding: 'utf8' });
  assert.equal(apply.status, 0, apply.stderr);
});

test('fix --branch commits on a new branch with a message naming what each file fixes; the work tree is untouched', async () => {
  const dir = await buildRepo(lacking());
  const r = await runCli(['fix', dir, '--branch', 'ecosystem-files', '--author', 'Ann Lee <ann@example.org>', '--offline', '--as-of', AS_OF]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(execFileSync('git', ['status', '--porcelain'], { cwd: dir, encoding: 'utf8' }), '');
  const msg = execFileSync('git', ['log', '-1', '--format=%B', 'ecosystem-files'], { cwd: dir, encoding: 'utf8' });
  assert.match(msg, /^- \.github\/CODEOWNERS: requirement 18 \(CODEOWNERS\), requirement 11 \(Core maintainers\)$/m);
  assert.match(msg, /^- LICENSE-MIT → LICENSE\.md: requirement 15 \(LICENSE file\)$/m);
  const onBranch = statuses((await check(dir, { asOf, offline: true, rev: 'ecosystem-files' })).report);
  for (const k of ['codeowners', 'governance', 'contributing', 'code-of-conduct', 'readme', 'license-file']) assert.equal(onBranch[k], 'pass', k);
  const again = await runCli(['fix', dir, '--branch', 'ecosystem-files', '--author', 'A <a@b.c>', '--offline', '--as-of', AS_OF]);
  assert.equal(again.code, 2);
  assert.match(again.stderr, /the branch already exists/);
});
