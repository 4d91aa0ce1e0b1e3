// SECURITY file: found in GitHub's places, served by GitHub, deeper in docs, broken, absent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { securityPolicy } from '../../src/requirements/security-policy.js';
import { evaluateWith, makeEvidence } from '../support/evidence.js';
import type { RepoEvidence } from '../../src/evidence/types.js';

const onGitHub: RepoEvidence = {
  input: 'o/p',
  root: '/x',
  bare: false,
  rev: 'HEAD',
  commit: 'a'.repeat(40),
  commitDate: '2026-01-01',
  slug: 'o/p',
  host: 'github',
};

test('security-policy: SECURITY.md in the root, .github/ or docs/ passes, any case', () => {
  for (const path of ['SECURITY.md', '.github/SECURITY.md', 'docs/security.rst', 'Security.txt']) {
    const r = evaluateWith(securityPolicy, makeEvidence({ files: { [path]: 'Report vulnerabilities to security@example.org.' } }));
    assert.equal(r.status, 'pass', path);
    assert.equal(r.measured['path'], path);
    assert.deepEqual(r.message, { id: 'found', data: { path, extra: '' } });
  }
});

test("security-policy: the security policy GitHub serves (the organisation's) passes online; offline on GitHub it is unknown", () => {
  const served = makeEvidence({
    overrides: {
      repo: onGitHub,
      online: {
        errors: {},
        github: {
          stars: 1,
          archived: false,
          defaultBranch: 'main',
          files: { security: 'https://github.com/o/.github/blob/main/SECURITY.md' },
        },
      },
    },
  });
  const r = evaluateWith(securityPolicy, served);
  assert.equal(r.status, 'pass');
  assert.equal(r.measured['source'], 'github');
  assert.equal(r.message?.id, 'github');
  const offline = evaluateWith(securityPolicy, makeEvidence({ overrides: { repo: onGitHub, online: { errors: {}, offline: true } } }));
  assert.equal(offline.status, 'unknown');
  assert.equal(offline.message?.id, 'unseen');
  // a repository not on GitHub: nothing else could supply one
  assert.equal(evaluateWith(securityPolicy, makeEvidence()).status, 'fail');
});

test('security-policy: an empty file or a symlink out of the repository fails with the problem; a deeper docs page warns', () => {
  const empty = evaluateWith(securityPolicy, makeEvidence({ files: { 'SECURITY.md': '  \n' } }));
  assert.equal(empty.status, 'fail');
  assert.equal(empty.message?.id, 'broken');
  assert.match(String(empty.measured['problem']), /empty/);
  const outside = evaluateWith(securityPolicy, makeEvidence({ files: { 'SECURITY.md': { symlink: '../../etc/passwd' } } }));
  assert.equal(outside.status, 'fail');
  assert.ok(outside.measured['problem']);
  const deeper = evaluateWith(securityPolicy, makeEvidence({ paths: ['docs/policies/SECURITY.md'] }));
  assert.equal(deeper.status, 'warn');
  assert.deepEqual(deeper.message, { id: 'deeper', data: { path: 'docs/policies/SECURITY.md' } });
  assert.equal(deeper.measured['path'], 'docs/policies/SECURITY.md');
});

test('security-policy: SECURITY_CONTACTS or a security folder is not a SECURITY file', () => {
  const r = evaluateWith(securityPolicy, makeEvidence({ files: { 'SECURITY_CONTACTS.md': 'x' }, paths: ['security/README.md'] }));
  assert.equal(r.status, 'fail');
  assert.equal(r.measured['path'], null);
  assert.equal(r.message?.id, 'missing');
});
