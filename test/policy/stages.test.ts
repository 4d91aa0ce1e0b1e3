// Policies as data: a policy lists the rules it applies (numbered as it says), a stage adds rules
// or raises options, exemptions come from the policy, and `--policy` takes a file or an id.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_POLICY_FILE, parsePolicy } from '../../src/policy/load.js';
import { loadPolicy, policyFileOf, shippedPolicies } from '../../src/policy/catalogue.js';
import { evaluate } from '../../src/check/evaluate.js';
import { makeEvidence } from '../support/evidence.js';
import { cleanupTemp, tempDir } from '../support/repo.js';
import { runCli, REPO_ROOT } from '../support/cli.js';

after(cleanupTemp);

const STAGED = `
id: staged-example
version: "2.0"
title: A policy with stages
source: https://example.org/lifecycle
effective: "2026-01-01"
shared: { windowDays: 90, supportedTorchReleases: 2 }
stages:
  - { id: sandbox, title: Sandbox }
  - { id: incubation, title: Incubation, options: { stars: { min: 500 } } }
  - { id: graduation, title: Graduation, options: { stars: { min: 1000 } } }
rules:
  - { key: license-file, number: 1, title: License, text: "An OSI license file." }
  - { key: stars, number: 2, title: Stars, text: "Stars on GitHub.", options: { min: 100 } }
  - { key: contributing, number: 5, title: Contributing, text: "A CONTRIBUTING file.", stage: incubation }
exemptions:
  - { rule: license-file, reason: "the foundation holds the license" }
licenses: { allow: [MIT] }
codeOfConduct: { default: linux-foundation }
bots: { names: [dependabot] }
process: { resubmitAfterMonths: 6, reviewEveryMonths: 12, fixWithinDays: 30, sessionSize: 10 }
`;

test('a stage applies the rules up to it, with the options it raises; no stage means the first', () => {
  const sandbox = parsePolicy(STAGED, 'staged.yml');
  assert.equal(sandbox.stage, 'sandbox');
  assert.deepEqual(
    sandbox.rules.map((r) => [r.number, r.key, r.options]),
    [
      [1, 'license-file', {}],
      [2, 'stars', { min: 100 }],
    ],
  );
  const incubation = parsePolicy(STAGED, 'staged.yml', { stage: 'incubation' });
  assert.deepEqual(
    incubation.rules.map((r) => [r.number, r.key, r.options]),
    [
      [1, 'license-file', {}],
      [2, 'stars', { min: 500 }],
      [5, 'contributing', {}],
    ],
  );
  const graduation = parsePolicy(STAGED, 'staged.yml', { stage: 'graduation' });
  assert.deepEqual(graduation.rules.find((r) => r.key === 'stars')!.options, { min: 1000 });
  assert.throws(
    () => parsePolicy(STAGED, 'staged.yml', { stage: 'orbit' }),
    /staged\.yml:\d+:1: stages: unknown stage "orbit"; expected one of sandbox, incubation, graduation/,
  );
  assert.throws(() => parsePolicy(readFileSync(DEFAULT_POLICY_FILE, 'utf8'), 'p.yml', { stage: 'sandbox' }), /defines no stages/);
});

test('a stage that raises an option the rule lacks, or names a rule the policy does not list, is refused at its line', () => {
  const bad = STAGED.replace('options: { stars: { min: 500 } }', 'options: { stars: { most: 500 } }');
  assert.throws(() => parsePolicy(bad, 'staged.yml'), /staged\.yml:10:\d+: stages\[1\]\.options\.stars\.most: unknown field "most"/);
  const other = STAGED.replace('options: { stars: { min: 500 } }', 'options: { readme: {} }');
  assert.throws(
    () => parsePolicy(other, 'staged.yml'),
    /staged\.yml:10:\d+: stages\[1\]\.options\.readme: expected a rule this policy lists/,
  );
});

test('evaluate runs exactly the rules the policy lists, in its order, numbered and titled as it says, exempting what it exempts', () => {
  const policy = parsePolicy(STAGED, 'staged.yml', { stage: 'incubation' });
  const report = evaluate(makeEvidence({ files: { LICENSE: 'MIT License\n', 'CONTRIBUTING.md': '# How to help\n' } }), policy);
  assert.deepEqual(
    report.requirements.map((r) => [r.id, r.key, r.title, r.status]),
    [
      [1, 'license-file', 'License', 'exempt'],
      [2, 'stars', 'Stars', 'unknown'],
      [5, 'contributing', 'Contributing', 'pass'],
    ],
  );
  assert.equal(report.requirements[0]!.measured['waivedStatus'], 'pass');
  assert.match(report.requirements[0]!.summary, /^exempt: the foundation holds the license \(policy staged-example 2\.0\); measured: /);
  assert.deepEqual(report.policy, { id: 'staged-example', version: '2.0', stage: 'incubation' });
});

test('--policy: an id means its newest version in data/policies; a path means the file', () => {
  const dir = tempDir();
  for (const v of ['1.0', '1.9', '1.10'])
    writeFileSync(join(dir, `x-policy-${v}.yml`), STAGED.replace('id: staged-example', 'id: x-policy'));
  assert.deepEqual(
    shippedPolicies(dir).map((p) => p.version),
    ['1.0', '1.9', '1.10'],
  );
  assert.equal(policyFileOf('x-policy', dir), join(dir, 'x-policy-1.10.yml'));
  assert.equal(policyFileOf(DEFAULT_POLICY_FILE), DEFAULT_POLICY_FILE);
  assert.throws(
    () => policyFileOf('no-such-policy', dir),
    /--policy no-such-policy: no such file, and no policy with that id; expected a file or one of x-policy/,
  );
  assert.equal(loadPolicy('pytorch-ecosystem').version, '1.0');
  assert.equal(loadPolicy('pytorch-ecosystem'), loadPolicy(), 'the default policy by id is the prepared one');
});

test('steward policy list shows every shipped policy; policy show renders each; check --policy ID --stage', async () => {
  const list = await runCli(['policy', 'list', '--format', 'json']);
  assert.equal(list.code, 0, list.stderr);
  const rows = JSON.parse(list.stdout) as { id: string; version: string; stages: string[] }[];
  assert.deepEqual(
    rows.map((r) => `${r.id}@${r.version}`),
    shippedPolicies().map((p) => `${p.id}@${p.version}`),
  );
  assert.ok(rows.some((r) => r.id === 'pytorch-ecosystem' && r.version === '1.0' && r.stages.length === 0));
  for (const r of rows) {
    const show = await runCli(['policy', 'show', r.id]);
    assert.equal(show.code, 0, show.stderr);
    assert.match(show.stdout, new RegExp(`policy ${r.id} ${r.version.replace('.', '\\.')}`));
  }
  const file = join(tempDir(), 'staged.yml');
  writeFileSync(file, STAGED);
  const r = await runCli([
    'check',
    REPO_ROOT,
    '--offline',
    '--policy',
    file,
    '--stage',
    'incubation',
    '--format',
    'json',
    '--as-of',
    '2026-11-27',
  ]);
  const report = JSON.parse(r.stdout) as { policy: unknown; requirements: { id: number }[] };
  assert.deepEqual(report.policy, { id: 'staged-example', version: '2.0', stage: 'incubation' });
  assert.deepEqual(
    report.requirements.map((q) => q.id),
    [1, 2, 5],
  );
  const pytorch = await runCli([
    'check',
    REPO_ROOT,
    '--offline',
    '--policy',
    'pytorch-ecosystem',
    '--format',
    'json',
    '--as-of',
    '2026-11-27',
  ]);
  assert.deepEqual(JSON.parse(pytorch.stdout).policy, { id: 'pytorch-ecosystem', version: '1.0' }, 'no stage, no policy.stage');
});
