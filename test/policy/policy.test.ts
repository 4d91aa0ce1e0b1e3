import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDefaultPolicy, parsePolicy, DEFAULT_POLICY_FILE } from '../../src/policy/index.js';
import { InputError } from '../../src/util/errors.js';
import { RULES_BY_KEY } from '../../src/requirements/index.js';
import { numberOption } from '../../src/policy/rules.js';
import { renderPolicyMarkdown } from '../../src/policy/render.js';
import { runCli, REPO_ROOT } from '../support/cli.js';
import { cleanupTemp, tempDir } from '../support/repo.js';

after(cleanupTemp);

test('the default policy carries the TAC numbers', () => {
  const p = loadDefaultPolicy();
  assert.equal(p.id, 'pytorch-ecosystem');
  assert.equal(p.version, '1.0');
  assert.deepEqual(
    [
      numberOption(p, 'core-maintainers', 'min'),
      numberOption(p, 'active-contributors', 'min'),
      numberOption(p, 'recent-commits', 'min'),
      numberOption(p, 'stars', 'min'),
      p.shared.windowDays,
    ],
    [2, 5, 30, 200, 90],
  );
  assert.deepEqual([p.process.resubmitAfterMonths, p.process.reviewEveryMonths, p.process.fixWithinDays], [3, 6, 30]);
  for (const id of ['Apache-2.0', 'MIT', 'BSD-3-Clause', 'NCSA']) assert.ok(p.licenses.allow.includes(id), id);
  assert.ok(!p.licenses.allow.includes('GPL-3.0-only'));
});

test('19 requirements, numbered 1 to 19, each with the TAC text and a rule the checker has', () => {
  const p = loadDefaultPolicy();
  assert.deepEqual(
    p.rules.map((r) => r.number),
    Array.from({ length: 19 }, (_, i) => i + 1),
  );
  assert.equal(new Set(p.rules.map((r) => r.key)).size, 19);
  for (const r of p.rules) assert.ok(r.text.length > 20 && RULES_BY_KEY.get(r.key)!.meta.measures.length > 20, r.key);
});

test('a policy file with a wrong value names the key, what was expected and what was found', () => {
  const text = readFileSync(DEFAULT_POLICY_FILE, 'utf8').replace('options: { min: 30 }', 'options: { min: thirty }');
  assert.throws(
    () => parsePolicy(text, 'my-policy.yml'),
    (err: unknown) => {
      assert.ok(err instanceof InputError);
      assert.match(err.message, /^my-policy\.yml:\d+:\d+: rules\[12\]\.options\.min: expected a number, found "thirty"$/);
      return true;
    },
  );
  assert.throws(() => parsePolicy('id: [unclosed', 'bad.yml'), /bad.yml: not valid YAML/);
});

test('--policy: a stricter policy changes the verdict, and a broken one is an input error', async () => {
  const dir = tempDir();
  const stricter = join(dir, 'strict.yml');
  writeFileSync(stricter, readFileSync(DEFAULT_POLICY_FILE, 'utf8').replace('version: "1.0"', 'version: "9.9"'));
  const ok = await runCli(['check', REPO_ROOT, '--offline', '--policy', stricter, '--format', 'json', '--as-of', '2026-11-27']);
  assert.equal(JSON.parse(ok.stdout).policy.version, '9.9');
  const broken = join(dir, 'broken.yml');
  writeFileSync(broken, 'id: x\n');
  const bad = await runCli(['check', REPO_ROOT, '--offline', '--policy', broken]);
  assert.equal(bad.code, 2);
  assert.equal(bad.stdout, '');
  assert.match(bad.stderr, /broken\.yml:1:1: version: missing; expected a string or a number\n/);
});

test('docs/policies/pytorch-ecosystem.md is exactly what `steward policy show --format markdown` renders', async () => {
  const published = readFileSync(join(REPO_ROOT, 'docs', 'policies', 'pytorch-ecosystem.md'), 'utf8');
  const rendered = renderPolicyMarkdown(loadDefaultPolicy());
  assert.equal(published, rendered, 'regenerate with: npm run docs:policies');
  const cli = await runCli(['policy', 'show', '--format', 'markdown']);
  assert.equal(cli.code, 0);
  assert.equal(cli.stdout, rendered);
});

test('the prepared default policy (written beside the bundle) is the parsed YAML, keyed by its text', async () => {
  const { preparedDefaultPolicy, policySourceHash, loadPolicyFile } = await import('../../src/policy/load.js');
  const prepared = preparedDefaultPolicy();
  assert.deepEqual(prepared.policy, loadPolicyFile(DEFAULT_POLICY_FILE));
  assert.equal(prepared.source, policySourceHash(readFileSync(DEFAULT_POLICY_FILE, 'utf8')));
  assert.notEqual(policySourceHash('id: x\n'), prepared.source, 'an edited file does not match');
});
