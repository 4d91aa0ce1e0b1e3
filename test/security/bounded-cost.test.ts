// Door: inputs built to cost. Parsers stay linear, a FIFO is refused rather than waited on, dates
// and revisions are read strictly, and a shallow clone says its history is cut instead of
// counting what is left as the project's activity.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { buildRepo, cleanupTemp, daysAgo, tempDir, type CommitSpec } from '../support/repo.js';
import { runCli } from '../support/cli.js';
import { readRequirementsTxt } from '../../src/evidence/python/requirements-txt.js';
import { parseCodeowners } from '../../src/evidence/community/codeowners.js';
import { readSetupPy } from '../../src/evidence/python/setup-py.js';
import { check, parseAsOf } from '../../src/check/index.js';
import { resolveLocalTarget } from '../../src/check/target.js';
import { InputError } from '../../src/util/errors.js';
import { cpuMs } from '../support/cpu-time.js';

after(cleanupTemp);

const AS_OF = '2026-11-27T00:00:00Z';

test('1 MiB of requirements continuation lines parses in linear time', () => {
  for (const unit of ['torch>=2.0 \\\n', 'a\\\n', '--hash=sha256:abc \\\n']) {
    const text = unit.repeat(Math.ceil((1024 * 1024) / unit.length));
    const { ms } = cpuMs(() => readRequirementsTxt('requirements.txt', text, false));
    assert.ok(ms < 2_000, `${JSON.stringify(unit)}: ${Math.round(ms)} ms`);
  }
});

test('a setup.py of nested calls in arguments parses in linear time (found by npm run fuzz: 7.6 s for 160 KB)', () => {
  const text = 'name=setup('.repeat(15_000);
  const { ms } = cpuMs(() => readSetupPy('setup.py', text, []));
  assert.ok(ms < 1_000, `${Math.round(ms)} ms`);
  // and what it reads is unchanged: skipped groups end where they did
  const facts = readSetupPy(
    'setup.py',
    'setup(name="x", install_requires=["torch>=2"] + extra(), classifiers=[c for c in y], license=("MIT"))\n',
    [],
  );
  assert.equal(facts.name?.name, 'x');
});

test('a 100k-line CODEOWNERS parses in linear time', () => {
  const text = Array.from({ length: 100_000 }, (_, i) => `/src/m${i}/ @user${i % 500} @org/team${i % 50} # note`).join('\n');
  const started = performance.now();
  const parsed = parseCodeowners(text);
  assert.equal(parsed.rules.length, 100_000);
  assert.ok(performance.now() - started < 5_000);
});

test('steward license on a FIFO is refused at once (exit 2), not waited on', async () => {
  const fifo = join(tempDir('steward-fifo-'), 'LICENSE');
  execFileSync('mkfifo', [fifo]);
  const started = Date.now();
  const r = await Promise.race([
    runCli(['license', fifo]),
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('steward license is still waiting on the FIFO after 20 s')), 20_000).unref(),
    ),
  ]);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /FIFO/);
  assert.ok(Date.now() - started < 20_000);
  const l = await runCli(['landscape', 'validate', fifo]);
  assert.equal(l.code, 2, l.stderr);
});

test('--as-of takes only calendar dates, and --rev only one revision', async () => {
  const dir = await buildRepo({
    commits: [{ date: '2026-11-01T00:00:00Z', files: { 'README.md': '# x\n' } }, { date: '2026-11-02T00:00:00Z' }],
  });
  for (const bad of ['2026-02-30', '2026-13-01', '2026-11-31', '2026-11-27T24:30:00Z', '2026-11-27T12:00:00+25:00']) {
    assert.throws(
      () => parseAsOf(bad),
      (e: Error) => e instanceof InputError && /--as-of/.test(e.message),
      bad,
    );
  }
  assert.equal(parseAsOf('2024-02-29').toISOString(), '2024-02-29T00:00:00.000Z');
  assert.equal(parseAsOf('2026-11-27T12:00:00+02:00').toISOString(), '2026-11-27T10:00:00.000Z');
  for (const range of ['HEAD~1..HEAD', 'HEAD~1...HEAD', 'HEAD^!', 'HEAD^@']) {
    await assert.rejects(
      resolveLocalTarget(dir, range),
      (e: Error) => e instanceof InputError && /range; expected one revision/.test(e.message),
      range,
    );
  }
  assert.equal((await resolveLocalTarget(dir, 'HEAD~1')).commitDate.slice(0, 10), '2026-11-01');
  // and the CLI says so with exit 2 and nothing on stdout
  const r = await runCli(['check', dir, '--offline', '--as-of', '2026-02-30']);
  assert.equal(r.code, 2, r.stdout.slice(0, 200));
  assert.equal(r.stdout, '');
});

test('a shallow clone says its history is cut, and activity it may hide is unknown, not failed', async () => {
  const commits: CommitSpec[] = Array.from({ length: 40 }, (_, i) => ({
    date: daysAgo(AS_OF, 60 - i),
    author: { name: `Dev ${i % 6}`, email: `d${i % 6}@example.org` },
    files: { [`f${i}`]: `${i}\n` },
  }));
  const full = await buildRepo({ commits });
  const shallow = join(tempDir('steward-shallow-'), 'clone');
  const cloned = spawnSync('git', ['clone', '-q', '--depth', '5', `file://${full}`, shallow], { encoding: 'utf8' });
  assert.equal(cloned.status, 0, cloned.stderr);
  const asOf = new Date(AS_OF);
  const whole = await check(full, { asOf, offline: true });
  const cut = await check(shallow, { asOf, offline: true });
  const status = (r: typeof whole, key: string) => r.report.requirements.find((q) => q.key === key)?.status;
  assert.equal(status(whole, 'recent-commits'), 'pass');
  assert.ok(cut.evidence.history.shallow?.cutAt);
  assert.equal(status(cut, 'recent-commits'), 'unknown');
  assert.ok(cut.report.problems.some((p) => /shallow clone.*, inside the activity window$/.test(p.message)));
  assert.equal(whole.evidence.history.shallow, undefined);
});
