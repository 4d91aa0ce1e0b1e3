import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rawPathProblem, repoIdentity, splitTreeRest } from '../../src/util/repo-identity.js';

function key(input: string): string {
  const r = repoIdentity(input);
  assert.ok(r.ok, `${input}: ${!r.ok ? r.reason : ''}`);
  return r.identity.key;
}

test('the harmless forms of one repository share one key and one canonical URL', () => {
  const forms = [
    'https://github.com/Lightning-AI/torchmetrics',
    'https://github.com/lightning-ai/TorchMetrics.git',
    'http://www.github.com/Lightning-AI/torchmetrics/',
    'github.com/Lightning-AI/torchmetrics',
    'https://github.com/Lightning-AI/torchmetrics/tree/master',
    'https://github.com/Lightning-AI/torchmetrics?tab=readme#readme',
    'https://github.com/Lightning-AI/torchmetrics/graphs/commit-activity',
  ];
  for (const f of forms) assert.equal(key(f), 'github.com/lightning-ai/torchmetrics', f);
  const r = repoIdentity('https://github.com/Lightning-AI/torchmetrics.git/');
  assert.ok(r.ok);
  assert.equal(r.identity.url, 'https://github.com/Lightning-AI/torchmetrics');
});

test('a folder named by /tree/<branch>/<path> is part of the identity; a blob names its folder', () => {
  const r = repoIdentity('https://github.com/intel/intel-extension/tree/main/framework/sub/');
  assert.ok(r.ok);
  assert.equal(r.identity.path, 'framework/sub');
  assert.equal(r.identity.branch, 'main');
  assert.deepEqual(r.identity.treeRest, ['main', 'framework', 'sub']);
  assert.equal(r.identity.key, 'github.com/intel/intel-extension/framework/sub');
  assert.notEqual(key('https://github.com/o/r/tree/main/a'), key('https://github.com/o/r/tree/main/b'));
  const blob = repoIdentity('https://github.com/o/r/blob/main/pkg/README.md');
  assert.ok(blob.ok);
  assert.equal(blob.identity.path, 'pkg');
  assert.equal(key('https://github.com/o/r/blob/main/README.md'), 'github.com/o/r');
});

test('an organisation URL names an owner, not a repository', () => {
  const r = repoIdentity('https://github.com/Project-MONAI/');
  assert.equal(r.ok, false);
  assert.ok(!r.ok && r.kind === 'owner' && r.owner === 'Project-MONAI');
});

test('dot segments and encoded separators are refused before any parser resolves them', () => {
  for (const bad of [
    'https://github.com/evil/evil/%2e%2e/%2e%2e/pytorch/pytorch',
    'https://github.com/evil/evil/%2E%2E/%2e%2E/pytorch/pytorch',
    'https://github.com/evil/evil/../../pytorch/pytorch',
    'https://github.com/evil/./pytorch',
    'https://github.com/evil%2fpytorch/pytorch',
    'https://github.com/evil/x%5C..%5Cpytorch',
    'https://github.com/evil/.%2e/pytorch/pytorch',
  ]) {
    const r = repoIdentity(bad);
    assert.equal(r.ok, false, bad);
    assert.ok(!r.ok && r.kind === 'refused', bad);
  }
  // a dot inside a name is not a dot segment
  assert.equal(key('https://github.com/o/my.repo'), 'github.com/o/my.repo');
  assert.equal(rawPathProblem('https://github.com/o/r?x=/../y'), undefined);
});

test('credentials, ports, other hosts and schemes are refused with the reason', () => {
  for (const [bad, why] of [
    ['https://user:pw@github.com/o/r', /credentials/],
    ['https://github.com:8443/o/r', /port/],
    ['https://example.com/o/r', /host example\.com/],
    ['ssh://github.com/o/r', /ssh: scheme/],
    ['', /found nothing/],
    ['https://github.com/o/r x', /spaces/],
  ] as const) {
    const r = repoIdentity(bad);
    assert.ok(!r.ok && r.kind === 'refused' && why.test(r.reason), `${bad}: ${!r.ok ? r.reason : 'accepted'}`);
  }
});

test('the longest branch that prefixes /tree/<rest> wins', () => {
  assert.deepEqual(splitTreeRest(['release', '1.0', 'sub'], ['release', 'release/1.0']), { branch: 'release/1.0', path: 'sub' });
  assert.deepEqual(splitTreeRest(['release', '1.0', 'sub'], ['release']), { branch: 'release', path: '1.0/sub' });
  assert.deepEqual(splitTreeRest(['main'], ['main']), { branch: 'main' });
  assert.equal(splitTreeRest(['nope', 'x'], ['main']), undefined);
});
