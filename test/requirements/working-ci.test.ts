import { test } from 'node:test';
import assert from 'node:assert/strict';
import { workingCi } from '../../src/requirements/working-ci.js';
import type { CiEvidence, CiWorkflow, OnlineEvidence } from '../../src/evidence/types.js';
import { ctx, makeEvidence, evaluateRule } from '../support/evidence.js';
import { assertSaid } from '../support/messages.js';

const wf = (file: string, triggers: string[], os: string[] = ['linux'], system: CiWorkflow['system'] = 'github-actions'): CiWorkflow => ({
  file,
  system,
  triggers,
  runners: os.map((o) => `${o}-runner`),
  os,
});

function run(workflows: CiWorkflow[], opts: { classifiers?: string[]; online?: OnlineEvidence } = {}) {
  const ci: CiEvidence = {
    systems: [...new Set(workflows.map((w) => w.system))],
    workflows,
    os: [...new Set(workflows.flatMap((w) => w.os))].sort(),
    testSteps: [],
    publishSteps: [],
  };
  const ev = makeEvidence({
    overrides: {
      ci,
      python: { torch: [], classifiers: opts.classifiers ?? [], licenseMeta: [], urls: {}, files: [] },
      ...(opts.online ? { online: opts.online } : {}),
    },
  });
  return evaluateRule(workingCi, ev, ctx());
}

const hosted = (conclusion: string) => ({
  stars: 1,
  archived: false,
  defaultBranch: 'main',
  lastRun: { conclusion, at: '2026-11-26T10:00:00Z', url: 'https://github.com/o/r/actions/runs/1' },
});

test('offline with a workflow on push or pull_request: warn, configured, run status unknown', () => {
  for (const t of [['push'], ['pull_request'], ['pull_request_target', 'schedule'], ['merge_group']]) {
    const r = run([wf('.github/workflows/ci.yml', t)]);
    assert.equal(r.status, 'warn', t.join());
    assertSaid(workingCi, r, 'configured', {
      files: '.github/workflows/ci.yml',
      why: 'no access to the CI service in this check',
      osNote: '',
    });
    assert.ok(r.fix);
  }
  // other systems run on push by default
  assert.equal(run([wf('.gitlab-ci.yml', ['push'], ['linux'], 'gitlab-ci')]).status, 'warn');
});

test('no CI at all fails; workflows only on release/schedule fail with a trigger fix', () => {
  const none = run([]);
  assert.equal(none.status, 'fail');
  assert.match(none.fix!, /\.github\/workflows\/ci\.yml/);
  assertSaid(workingCi, none, 'none');
  const rel = run([wf('.github/workflows/release.yml', ['release', 'workflow_dispatch'])]);
  assert.equal(rel.status, 'fail');
  assert.match(rel.fix!, /on: \[push, pull_request\]/);
  assertSaid(workingCi, rel, 'notOnChanges', { files: '.github/workflows/release.yml', unreadable: '' });
});

test('online: success passes, failure fails naming the run, cancelled warns', () => {
  const ok = run([wf('.github/workflows/ci.yml', ['push'])], { online: { github: hosted('success'), errors: {} } });
  assert.equal(ok.status, 'pass');
  assert.deepEqual(ok.measured.lastRun, hosted('success').lastRun);
  assertSaid(workingCi, ok, 'runsSucceeded', { runs: 'run', which: 'success, 2026-11-26' });
  const bad = run([wf('.github/workflows/ci.yml', ['push'])], { online: { github: hosted('failure'), errors: {} } });
  assert.equal(bad.status, 'fail');
  assert.match(bad.fix!, /https:\/\/github\.com\/o\/r\/actions\/runs\/1/);
  assertSaid(workingCi, bad, 'runsFailed', { runs: 'run', which: 'failure, 2026-11-26' });
  const cancelled = run([wf('.github/workflows/ci.yml', ['push'])], { online: { github: hosted('cancelled'), errors: {} } });
  assert.equal(cancelled.status, 'warn');
  assertSaid(workingCi, cancelled, 'runsInconclusive', { runs: 'run', which: 'cancelled, 2026-11-26' });
});

test('declared OSes missing from runners warn and are named; OS Independent declares none', () => {
  const classifiers = ['Operating System :: POSIX :: Linux', 'Operating System :: Microsoft :: Windows'];
  const r = run([wf('.github/workflows/ci.yml', ['push'], ['linux'])], { classifiers, online: { github: hosted('success'), errors: {} } });
  assert.equal(r.status, 'warn');
  assert.deepEqual(r.measured.missingOs, ['windows']);
  assertSaid(workingCi, r, 'runsSucceeded', {
    osNote: ' The project declares windows (classifiers or wheels) but no CI runner runs on it (runners: linux).',
  });
  assert.match(r.fix!, /windows-latest/);
  const all = run([wf('.github/workflows/ci.yml', ['push'], ['linux', 'windows'])], {
    classifiers,
    online: { github: hosted('success'), errors: {} },
  });
  assert.equal(all.status, 'pass');
  const indep = run([wf('.github/workflows/ci.yml', ['push'], ['linux'])], {
    classifiers: ['Operating System :: OS Independent'],
    online: { github: hosted('success'), errors: {} },
  });
  assert.equal(indep.status, 'pass');
  assert.deepEqual(indep.measured.declaredOs, []);
});

test('wheel platforms from PyPI count as declared OSes', () => {
  const r = run([wf('.github/workflows/ci.yml', ['push'], ['linux'])], {
    online: {
      github: hosted('success'),
      pypi: { distribution: 'x', exists: true, wheel: true, wheelPlatforms: ['linux', 'macos', 'any'] },
      errors: {},
    },
  });
  assert.equal(r.status, 'warn');
  assert.deepEqual(r.measured.missingOs, ['macos']);
});

test('online per-workflow runs: any failure fails naming its URL; all green passes', () => {
  const runs = [
    { workflow: 'CI', conclusion: 'success', at: '2026-11-26T10:00:00Z', url: 'https://github.com/o/r/actions/runs/1' },
    { workflow: 'GPU', conclusion: 'failure', at: '2026-11-25T10:00:00Z', url: 'https://github.com/o/r/actions/runs/2' },
  ];
  const bad = run([wf('.github/workflows/ci.yml', ['push'])], { online: { github: { ...hosted('success'), runs }, errors: {} } });
  assert.equal(bad.status, 'fail');
  assertSaid(workingCi, bad, 'runsFailed', { runs: 'run', which: 'GPU: failure, 2026-11-25' });
  assert.match(bad.fix!, /runs\/2/);
  assert.doesNotMatch(bad.fix!, /runs\/1/);
  const good = run([wf('.github/workflows/ci.yml', ['push'])], {
    online: { github: { ...hosted('success'), runs: [runs[0]!] }, errors: {} },
  });
  assert.equal(good.status, 'pass');
});

test('the evidence lists the workflows that run on push or pull_request first (ignite: a nightly schedule sorts first by name)', () => {
  const r = run([
    wf('.github/workflows/a-nightly.yml', ['schedule', 'workflow_dispatch']),
    wf('.github/workflows/b-issues.yml', ['issues']),
    wf('.github/workflows/unit.yml', ['push', 'pull_request']),
  ]);
  assert.equal(r.status, 'warn');
  assert.deepEqual(
    r.evidence.map((e) => e.ref),
    ['.github/workflows/unit.yml', '.github/workflows/a-nightly.yml', '.github/workflows/b-issues.yml'],
  );
  assertSaid(workingCi, r, 'configured', { files: '.github/workflows/unit.yml' });
});
