// The GitHub Action as GitHub runs it: the committed bundle (action/dist/index.js), copied with
// action.yml and data/ into a directory with no node_modules, run by node with inputs in INPUT_*
// variables, the event in GITHUB_EVENT_PATH and the summary file in GITHUB_STEP_SUMMARY, on real
// repositories built with a base commit and a pull request's head.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildRepo, cleanupTemp, tempDir, type CommitSpec, type FileContent } from '../support/repo.js';
import { REPO_ROOT } from '../support/cli.js';
import { sarifErrors } from '../support/sarif.js';

after(cleanupTemp);

const AS_OF = '2026-11-27';

// what a runner has after `uses: owner/steward@tag`: the repository's files at the tag, nothing installed
function actionCheckout(): string {
  const dir = tempDir('steward-action-');
  for (const p of ['action.yml', 'action', 'data']) cpSync(join(REPO_ROOT, p), join(dir, p), { recursive: true });
  assert.equal(existsSync(join(dir, 'node_modules')), false);
  return dir;
}
let checkout: string | undefined;

const PASSING_FILES: Record<string, FileContent> = {
  'README.md': '# Proj\n\nProj trains and evaluates PyTorch models on streaming data.\n',
  'GOVERNANCE.md': '# Governance\n\nMaintainers decide by lazy consensus.\n',
  'CONTRIBUTING.md': 'Open a pull request.\n',
  '.github/CODEOWNERS': '* @alice @bob\n\n# Emeritus\n# @carol\n',
};

/** main: one commit (the base); feature: one more commit (the pull request's head), checked out. */
async function pullRequestRepo(
  head: Record<string, FileContent>,
  base: Record<string, FileContent> = PASSING_FILES,
): Promise<{ dir: string; base: string }> {
  const commits: CommitSpec[] = [
    { date: '2026-11-01T00:00:00Z', files: base },
    { date: '2026-11-02T00:00:00Z', files: head, branch: 'feature', parents: [0] },
  ];
  const dir = await buildRepo({ commits, head: 'feature' });
  const sha = spawnSync('git', ['rev-parse', 'main'], { cwd: dir, encoding: 'utf8' }).stdout.trim();
  return { dir, base: sha };
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: string;
  sarif?: unknown;
}

function runAction(repo: string, event: { name: string; payload: unknown }, inputs: Record<string, string> = {}): Run {
  checkout ??= actionCheckout();
  const runner = tempDir('steward-runner-');
  const eventPath = join(runner, 'event.json');
  writeFileSync(eventPath, JSON.stringify(event.payload));
  const summaryPath = join(runner, 'summary.md');
  const outputPath = join(runner, 'output.txt');
  writeFileSync(summaryPath, '');
  writeFileSync(outputPath, '');
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    HOME: runner,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: repo,
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_OUTPUT: outputPath,
    // the defaults action.yml declares, as the runner passes them
    INPUT_PATH: '.',
    INPUT_STAGE: 'apply',
    'INPUT_REQUIRE-PASS': 'false',
    'INPUT_SARIF-FILE': 'results/steward.sarif',
    INPUT_ONLINE: 'false',
    'INPUT_AS-OF': AS_OF,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const r = spawnSync(process.execPath, [join(checkout, 'action', 'dist', 'index.js')], { cwd: repo, env, encoding: 'utf8' });
  const sarifPath = join(repo, 'results', 'steward.sarif');
  return {
    code: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    summary: readFileSync(summaryPath, 'utf8'),
    outputs: readFileSync(outputPath, 'utf8'),
    ...(existsSync(sarifPath) ? { sarif: JSON.parse(readFileSync(sarifPath, 'utf8')) as unknown } : {}),
  };
}

const pullRequest = (base: string) => ({
  name: 'pull_request',
  payload: { action: 'synchronize', number: 7, pull_request: { number: 7, base: { sha: base, ref: 'main' }, head: { ref: 'feature' } } },
});

test('a pull request that deletes CODEOWNERS is a regression: the step fails, naming requirements 11 and 18', async () => {
  const { dir, base } = await pullRequestRepo({ '.github/CODEOWNERS': null });
  const r = runAction(dir, pullRequest(base));
  assert.equal(r.stderr, '');
  assert.equal(r.code, 1, r.stdout);
  assert.match(r.stdout, /^::error title=Steward%3A requirement 18 CODEOWNERS passed on the base and fails now::/m);
  assert.match(r.summary, /Regressions \(passed on the base, fail now\): 11 Core maintainers, 18 CODEOWNERS/);
  assert.match(r.summary, /The step fails: 2 requirements that passed on the base fail on the head \(11, 18\)/);
  assert.match(r.summary, /### Steward check: .* — \*\*FAIL\*\*/);
  assert.match(r.outputs, /^regressions=11,18$/m);
  assert.match(r.outputs, /^verdict=fail$/m);
  assert.ok(r.sarif, 'the SARIF file is written');
  assert.deepEqual(sarifErrors(r.sarif), []);
  const results = (r.sarif as { runs: { results: { ruleId: string }[] }[] }).runs[0]!.results.map((x) => x.ruleId);
  assert.ok(results.includes('R18'));
});

test('a pull request that leaves a failure as it was passes; require-pass makes the same run fail', async () => {
  const withoutGovernance = { ...PASSING_FILES, 'GOVERNANCE.md': null };
  const { dir, base } = await pullRequestRepo({ 'src/x.py': 'x = 1\n' }, withoutGovernance);
  const r = runAction(dir, pullRequest(base));
  assert.equal(r.code, 0, r.stdout);
  assert.match(r.summary, /Regressions \(passed on the base, fail now\): none/);
  assert.match(r.summary, /Failing before and after \(not caused by this change\): .*3 Governance/);
  assert.match(r.summary, /The step passes\./);
  assert.deepEqual(sarifErrors(r.sarif), []);
  assert.match(r.outputs, /^regressions=$/m);

  const strict = runAction(dir, pullRequest(base), { 'require-pass': 'true' });
  assert.equal(strict.code, 1);
  assert.match(strict.summary, /require-pass is set and requirements? .*\b3\b.* fails?/);
});

test('a pull request that fixes a failure passes and lists it as fixed', async () => {
  const { dir, base } = await pullRequestRepo(
    { 'GOVERNANCE.md': '# Governance\n\nThe maintainers decide.\n' },
    { ...PASSING_FILES, 'GOVERNANCE.md': null },
  );
  const r = runAction(dir, pullRequest(base));
  assert.equal(r.code, 0, r.stdout);
  assert.match(r.summary, /Fixed by this change: 3 Governance/);
});

test('a push compares with before; a push that creates a branch (before all zeros) has nothing to compare', async () => {
  const { dir, base } = await pullRequestRepo({ '.github/CODEOWNERS': null });
  const push = runAction(dir, { name: 'push', payload: { before: base, after: 'x' } });
  assert.equal(push.code, 1);
  assert.match(push.summary, /compared with the commit before the push/);
  const created = runAction(dir, { name: 'push', payload: { before: '0000000000000000000000000000000000000000' } });
  assert.equal(created.code, 0);
  assert.match(created.summary, /no base commit to compare with/);
});

test('a base commit missing from the checkout (a shallow clone) is an error that says to fetch it', async () => {
  const { dir } = await pullRequestRepo({ 'src/x.py': 'x = 1\n' });
  const r = runAction(dir, pullRequest('1234567890123456789012345678901234567890'));
  assert.equal(r.code, 1);
  assert.match(r.stdout, /^::error title=Steward::.*does not exist.*fetch-depth: 0/m);
  const bad = runAction(dir, pullRequest('x'), { stage: 'sometime' });
  assert.match(bad.stdout, /input stage: expected apply .* or member .*, found "sometime"/);
});

test('the committed action bundle is what `npm run build:action` builds from these sources', () => {
  const out = join(tempDir('steward-action-build-'), 'dist');
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build-action.mjs'), '--out', out], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  const committed = join(REPO_ROOT, 'action', 'dist');
  assert.deepEqual(readdirSync(out).sort(), readdirSync(committed).sort());
  for (const f of readdirSync(out)) {
    assert.ok(
      readFileSync(join(out, f)).equals(readFileSync(join(committed, f))),
      `action/dist/${f} is stale: run npm run build:action and commit it`,
    );
  }
  // the store (better-sqlite3 is native) is not in it
  assert.doesNotMatch(readFileSync(join(committed, 'index.js'), 'utf8'), /better-sqlite3|src\/store\//);
  mkdirSync(out, { recursive: true });
});
