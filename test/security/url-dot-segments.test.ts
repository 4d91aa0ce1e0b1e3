// Door: a repository URL that names one repository as typed and another once parsed. The WHATWG
// parser resolves `%2e%2e` segments, so `…/evil/evil/%2e%2e/%2e%2e/pytorch/pytorch` used to be
// stored as typed and judged as pytorch/pytorch. Both the check target and the process identity
// refuse it before parsing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyTarget } from '../../src/check/remote-target.js';
import { repoIdentity } from '../../src/util/repo-identity.js';

const hostile = [
  'https://github.com/evil/evil/%2e%2e/%2e%2e/pytorch/pytorch',
  'https://github.com/evil/evil/%2E%2e/%2e%2E/pytorch/pytorch',
  'https://github.com/evil/evil/.%2e/.%2e/pytorch/pytorch',
  'https://github.com/evil%2Fevil/pytorch',
];

test('check targets with encoded dot segments or separators are refused, not re-resolved', () => {
  for (const url of hostile) {
    const c = classifyTarget(url, { existsLocally: () => false });
    assert.equal(c.kind, 'refused', `${url} was ${c.kind === 'remote' ? `judged as ${c.spec.slug}` : c.kind}`);
  }
});

test('the process identity refuses the same URLs', () => {
  for (const url of hostile) assert.equal(repoIdentity(url).ok, false, url);
});
