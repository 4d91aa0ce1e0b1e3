import { test, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildRepo, cleanupTemp, tempDir } from '../support/repo.js';
import { runCli } from '../support/cli.js';

after(cleanupTemp);

const AS_OF = '2026-11-27T00:00:00Z';

async function smallRepo(bare = false) {
  return buildRepo({
    bare,
    commits: [
      { date: '2026-10-01T10:00:00Z', files: { 'README.md': '# Demo\n', 'src/a.py': 'print(1)\n' } },
      { date: '2026-10-02T10:00:00Z', files: { LICENSE: 'MIT License\n' } },
    ],
  });
}

describe('steward check: targets that cannot be checked give one clear line and exit 2', () => {
  test('a path that does not exist', async () => {
    const r = await runCli(['check', '/nonexistent/steward-x']);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^steward: \/nonexistent\/steward-x: no such file or directory\n$/);
  });

  test('a directory that is not a git repository', async () => {
    const dir = tempDir();
    const r = await runCli(['check', dir]);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /not a git repository\n$/);
    assert.equal(r.stderr.trim().split('\n').length, 1);
  });

  test('an empty repository', async () => {
    const dir = tempDir();
    execFileSync('git', ['init', '-q', dir]);
    const r = await runCli(['check', dir]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /has no commits yet/);
  });

  test('a sub-directory points at the root', async () => {
    const dir = await smallRepo();
    const r = await runCli(['check', join(dir, 'src')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /is a sub-directory of the repository at .*; check the repository's root: steward check /);
  });

  test('a revision that does not exist', async () => {
    const dir = await smallRepo();
    const r = await runCli(['check', dir, '--rev', 'v9.9.9']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /revision "v9.9.9" does not exist/);
  });

  test('an option-looking revision is refused, not passed to git', async () => {
    const dir = await smallRepo();
    const r = await runCli(['check', dir, '--rev=--output=/tmp/x']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /is not a revision/);
  });

  test('a malformed --as-of', async () => {
    const dir = await smallRepo();
    const r = await runCli(['check', dir, '--as-of', 'yesterday']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--as-of "yesterday": expected an ISO 8601 date/);
  });

  test('one bad target among good ones prints nothing at all', async () => {
    const dir = await smallRepo();
    const r = await runCli(['check', dir, '/nonexistent/x', '--format', 'json']);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
  });

  test('an unknown format is a usage error', async () => {
    const dir = await smallRepo();
    const r = await runCli(['check', dir, '--format', 'xml']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Allowed choices are text, json, markdown/);
  });
});

describe('steward check: reports', () => {
  test('the same inputs and --as-of give byte-identical JSON', async () => {
    const dir = await smallRepo();
    const a = await runCli(['check', dir, '--offline', '--as-of', AS_OF, '--format', 'json']);
    const b = await runCli(['check', dir, '--offline', '--as-of', AS_OF, '--format', 'json']);
    assert.ok([0, 1, 3].includes(a.code ?? -1), a.stderr);
    assert.equal(a.stdout, b.stdout);
    const report = JSON.parse(a.stdout);
    assert.equal(report.schema, 'steward.report/v1');
    assert.equal(report.target.asOf, '2026-11-27T00:00:00.000Z');
    assert.equal(report.requirements.length, 19);
    assert.deepEqual(
      report.requirements.map((r: { id: number }) => r.id),
      Array.from({ length: 19 }, (_, i) => i + 1),
    );
    for (const r of report.requirements) {
      assert.ok(['pass', 'fail', 'warn', 'review', 'unknown', 'exempt'].includes(r.status), r.key);
      assert.equal(typeof r.summary, 'string');
      if (r.status === 'fail') assert.ok(r.fix, `${r.key} fails without a fix`);
    }
    const exit = { pass: 0, fail: 1, review: 3 }[report.verdict as 'pass' | 'fail' | 'review'];
    assert.equal(a.code, exit);
  });

  test('several targets: one JSON array in the order given', async () => {
    const one = await smallRepo();
    const two = await smallRepo(true);
    const r = await runCli(['check', one, two, '--offline', '--as-of', AS_OF, '--format', 'json']);
    const reports = JSON.parse(r.stdout);
    assert.ok(Array.isArray(reports));
    assert.equal(reports.length, 2);
    assert.equal(reports[0].target.input, one);
    assert.equal(reports[1].target.input, two);
  });

  test('a bare repository is read like a work tree', async () => {
    const bare = await smallRepo(true);
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: bare }).toString().trim();
    const r = await runCli(['check', bare, '--offline', '--as-of', AS_OF, '--format', 'json']);
    assert.equal(JSON.parse(r.stdout).target.commit, head);
  });

  test('evidence comes from the commit, never from uncommitted files', async () => {
    const dir = await smallRepo();
    writeFileSync(join(dir, 'CODE_OF_CONDUCT.md'), 'uncommitted\n');
    mkdirSync(join(dir, '.github'));
    writeFileSync(join(dir, '.github', 'CODEOWNERS'), '* @someone\n');
    const { check } = await import('../../src/check/index.js');
    const { evidence } = await check(dir, { asOf: new Date(AS_OF), offline: true });
    assert.deepEqual(evidence.tree.map((e) => e.path).sort(), ['LICENSE', 'README.md', 'src/a.py']);
  });

  test('--rev evaluates an older commit', async () => {
    const dir = await smallRepo();
    const first = execFileSync('git', ['rev-parse', 'HEAD~1'], { cwd: dir }).toString().trim();
    const { check } = await import('../../src/check/index.js');
    const { evidence, report } = await check(dir, { rev: 'HEAD~1', asOf: new Date(AS_OF), offline: true });
    assert.equal(report.target.commit, first);
    assert.deepEqual(evidence.tree.map((e) => e.path).sort(), ['README.md', 'src/a.py']);
  });

  test('markdown: a table of 19 rows ready for a GitHub comment', async () => {
    const dir = await smallRepo();
    const r = await runCli(['check', dir, '--offline', '--as-of', AS_OF, '--format', 'markdown']);
    const rows = r.stdout.split('\n').filter((l) => /^\| \d+ \|/.test(l));
    assert.equal(rows.length, 19);
    assert.match(r.stdout, /^### Steward check: /);
  });

  test('text: one line per requirement and a verdict line', async () => {
    const dir = await smallRepo();
    const r = await runCli(['check', dir, '--offline', '--as-of', AS_OF]);
    assert.match(r.stdout, /Verdict: (PASS|FAIL|REVIEW) — /);
    assert.equal(r.stdout.split('\n').filter((l) => /^\s{1,2}\d{1,2}  /.test(l)).length, 19);
    assert.doesNotMatch(r.stdout, /\x1b\[/, 'no colour when not a terminal');
  });
});
