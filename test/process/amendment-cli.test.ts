// An adopted amendment takes effect: from its effective day the periodic review judges under the
// amended policy (here, 25 recent commits instead of 30) and says which version; `policy show
// --on` prints the version in force; the TAC vote's rule cannot change at the count.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, REPO_ROOT } from '../support/cli.js';
import { buildRepo, cleanupTemp, tempDir } from '../support/repo.js';
import { healthySpec } from './real-repos.js';
import { landscapeItem } from './landscape-items.js';

test.after(cleanupTemp);

test('amendment 1.1 effective 2025-11-18: the review on 11-15 judges under 1.0 and fails, the one on 11-20 under 1.1 and passes', async () => {
  const dir = tempDir('steward-amend-');
  const repos = join(dir, 'repos');
  const at = new Date('2025-11-15T12:00:00Z');
  await buildRepo(healthySpec(at, 28, { name: 'widgets' }), join(repos, 'example', 'widgets'));
  await buildRepo(healthySpec(at, 28, { name: 'gadgets' }), join(repos, 'example', 'gadgets'));
  const base = readFileSync(join(REPO_ROOT, 'data/policies/pytorch-ecosystem-1.0.yml'), 'utf8');
  const amended = base.replace('version: "1.0"', 'version: "1.1"').replace('options: { min: 30 }', 'options: { min: 25 }');
  assert.notEqual(amended, base);
  writeFileSync(join(dir, 'p11.yml'), amended);
  writeFileSync(
    join(dir, 'landscape.yml'),
    `landscape:\n  - category:\n    name: Modeling\n    subcategories:\n      - subcategory:\n        name: X\n        items:\n${landscapeItem('widgets', '2025-05-15')}${landscapeItem('gadgets', '2025-05-20')}`,
  );
  const env = { STEWARD_DATA_DIR: join(dir, 'data'), STEWARD_ACTOR: '', STEWARD_TAC_RULE: '' };
  const cli = (args: string[]) => runCli(args, { env });
  const ok = async (args: string[]) => {
    const r = await cli(args);
    assert.equal(r.code, 0, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
    return r;
  };
  await ok(['import', join(dir, 'landscape.yml')]);
  await ok(['people', 'add', 't1', 'member', '--tac']);
  await ok(['people', 'add', 't2', 'member', '--tac']);

  let r = await cli([
    'amendment',
    'propose',
    join(dir, 'p11.yml'),
    '--summary',
    '25 commits',
    '--effective',
    '2025-09-30',
    '--on',
    '2025-10-01',
  ]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /the effective date 2025-09-30 is before today \(2025-10-01\)/);
  r = await ok([
    'amendment',
    'propose',
    join(dir, 'p11.yml'),
    '--summary',
    '25 commits',
    '--effective',
    '2025-11-18',
    '--on',
    '2025-10-01',
  ]);
  assert.match(r.stdout, /amendment M1: PROPOSED .*pytorch-ecosystem@1\.1, effective 2025-11-18/);
  await ok(['amendment', 'open', 'M1', '--on', '2025-10-02']);
  await ok(['amendment', 'cast', 'M1', 'approve', '--as', 't1', '--on', '2025-10-02']);
  r = await ok(['amendment', 'show', 'M1']);
  assert.match(
    r.stdout,
    /\n {4}t1: approve\n {4}t2: —\n {2}tally \(open, so far\): 1 approve, 0 reject, 0 abstain, 1 not voted; adoption needs 2 of 2\n$/,
  );
  await ok(['amendment', 'cast', 'M1', 'approve', '--as', 't2', '--on', '2025-10-02']);
  r = await cli(['amendment', 'close', 'M1', '--rule', '2/3', '--on', '2025-10-03']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /opened under more than half; a different rule \(at least 2\/3\) cannot decide it at close/);
  r = await ok(['amendment', 'close', 'M1', '--rule', 'more-than-half', '--on', '2025-10-03']);
  assert.match(r.stdout, /amendment M1: ADOPTED/);
  r = await ok(['amendment', 'show', 'M1', '--format', 'json']);
  assert.deepEqual([JSON.parse(r.stdout).status, JSON.parse(r.stdout).tally.approvals], ['ADOPTED', 2]);
  r = await ok(['amendment', 'list', '--format', 'json', '--on', '2025-11-18']);
  assert.deepEqual(JSON.parse(r.stdout).inForce, { id: 'pytorch-ecosystem', version: '1.1', on: '2025-11-18' });

  r = await ok(['policy', 'show', '--on', '2025-11-17']);
  assert.match(r.stdout, /^in force on 2025-11-17: pytorch-ecosystem@1\.0\n/);
  r = await ok(['policy', 'show', '--on', '2025-11-18', '--format', 'json']);
  assert.equal(JSON.parse(r.stdout).policy.version, '1.1');

  r = await ok(['review', 'run', '--repos-dir', repos, '--offline', '--on', '2025-11-15']);
  assert.match(r.stdout, /^1 due \(judged under pytorch-ecosystem@1\.0\): 0 passed, 1 failed/);
  r = await ok(['review', 'run', '--repos-dir', repos, '--offline', '--on', '2025-11-20', '--format', 'json']);
  const run = JSON.parse(r.stdout);
  assert.deepEqual([run.policy, run.passed], ['pytorch-ecosystem@1.1', ['gadgets', 'widgets']]);
  r = await ok(['audit', 'log', '--format', 'json']);
  const reports = (JSON.parse(r.stdout) as { action: string; subject: string; data: { policy: string } }[]).filter(
    (e) => e.action === 'report.attached',
  );
  assert.deepEqual(reports.map((e) => [e.subject, e.data.policy]).sort(), [
    ['project:gadgets', 'pytorch-ecosystem@1.1'],
    ['project:widgets', 'pytorch-ecosystem@1.0'],
    ['project:widgets', 'pytorch-ecosystem@1.1'],
  ]);
});
