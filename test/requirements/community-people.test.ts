// Requirements 11 (core maintainers) and 14 (stars).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coreMaintainers, formHandles } from '../../src/requirements/core-maintainers.js';
import { stars } from '../../src/requirements/stars.js';
import type { OnlineEvidence } from '../../src/evidence/types.js';
import { makeEvidence, ctx, type EvidenceSpec, type FileSpec, evaluateRule, withOptions } from '../support/evidence.js';
import { assertSaid } from '../support/messages.js';

const online = (github?: Partial<NonNullable<OnlineEvidence['github']>>, errors: Record<string, string> = {}): OnlineEvidence => ({
  ...(github ? { github: { stars: 0, archived: false, defaultBranch: 'main', ...github } } : {}),
  errors,
});
const maint = (files: Record<string, FileSpec>, extra: EvidenceSpec = {}) =>
  evaluateRule(coreMaintainers, makeEvidence({ ...extra, files }), ctx());

// ------------------------------------------------------------------ 11: core maintainers

test('11: two individual CODEOWNERS owners pass, one fails; the same person twice is one', () => {
  const two = maint({ '.github/CODEOWNERS': '* @alice\n/docs/ @bob\n' });
  assert.equal(two.status, 'pass');
  assert.deepEqual(two.measured['maintainers'], ['@alice', '@bob']);
  assert.equal(two.measured['count'], 2);
  assertSaid(coreMaintainers, two, 'enough', { count: 2, sources: '.github/CODEOWNERS', maintainers: '@alice, @bob' });
  const one = maint({ CODEOWNERS: '* @alice\n/docs/ @Alice\n' });
  assert.equal(one.status, 'fail');
  assert.equal(one.measured['count'], 1);
  assertSaid(coreMaintainers, one, 'tooFew', { named: 'Only 1 maintainer(s) named in CODEOWNERS (@alice)', min: 2 });
  assert.match(one.fix!, /at least 2 maintainers/);
});

test('11: e-mail owners count; a no-reply e-mail and its login are one person', () => {
  const r = maint({ CODEOWNERS: '* a@example.org 1+alice@users.noreply.github.com\n', 'MAINTAINERS.md': '- @alice\n' });
  assert.equal(r.status, 'pass');
  assert.deepEqual(r.measured['maintainers'], ['@alice', 'a@example.org']);
});

test('11: people from MAINTAINERS and OWNERS files in any accepted place, merged with CODEOWNERS', () => {
  const r = maint({
    '.github/CODEOWNERS': '* @alice\n',
    'MAINTAINERS.md': '| Name | GitHub |\n|---|---|\n| Alice A | @alice |\n| Bob B | @bob |\n\n## Emeritus\n\n| Old | @old |\n',
    'docs/OWNERS': 'approvers:\n- carol\nreviewers:\n- dave\n',
  });
  assert.equal(r.status, 'pass');
  assert.deepEqual(r.measured['maintainers'], ['@alice', '@bob', '@carol']);
  assert.deepEqual(r.measured['source'], ['.github/CODEOWNERS', 'MAINTAINERS.md', 'docs/OWNERS']);
  assertSaid(coreMaintainers, r, 'enough', { count: 3, sources: '.github/CODEOWNERS and MAINTAINERS.md and docs/OWNERS' });
  // a MAINTAINERS file outside the three places is not read
  const outside = maint({ 'src/MAINTAINERS.md': '- @a\n- @b\n' });
  assert.equal(outside.status, 'fail');
  assertSaid(coreMaintainers, outside, 'tooFew', { named: 'No maintainers are named in CODEOWNERS, MAINTAINERS or OWNERS files' });
});

test('11: a team counts only through members GitHub resolved; offline it is unknown, unresolved online is review', () => {
  const files = { CODEOWNERS: '* @org/core @alice\n' };
  const offline = maint(files);
  assert.equal(offline.status, 'unknown');
  assert.deepEqual(offline.measured['unresolvedTeams'], ['@org/core']);
  const teams = '; the team(s) @org/core count only once GitHub resolves their members';
  assertSaid(coreMaintainers, offline, 'teamsOffline', { teams });
  const unresolved = maint(files, { overrides: { online: online({}) } });
  assert.equal(unresolved.status, 'review');
  assertSaid(coreMaintainers, unresolved, 'teamsUnresolved', { teams, error: '' });
  const failed = maint(files, { overrides: { online: online({}, { 'github/teams': 'HTTP 403' }) } });
  assertSaid(coreMaintainers, failed, 'teamsUnresolved', { teams, error: ': HTTP 403' });
  const resolved = maint(files, { overrides: { online: online({ teams: { '@Org/Core': ['alice', 'bob'] } }) } });
  assert.equal(resolved.status, 'pass');
  assert.deepEqual(resolved.measured['maintainers'], ['@alice', '@bob']);
  assert.deepEqual(resolved.measured['teams'], { '@org/core': 2 });
  const emptyTeam = maint(files, { overrides: { online: online({ teams: { 'org/core': [] } }) } });
  assert.equal(emptyTeam.status, 'fail');
});

test('11: the application form is a fallback for review, never a pass', () => {
  const r = maint({ CODEOWNERS: '* @alice\n' }, { overrides: { form: { maintainers: ['@alice', 'https://github.com/bob', 'carol'] } } });
  assert.equal(r.status, 'review');
  assert.deepEqual(r.measured['form'], ['@alice', '@bob', '@carol']);
  assert.ok(r.evidence.some((e) => e.kind === 'form'));
  assertSaid(coreMaintainers, r, 'form', { teams: '', count: 3, handles: '@alice, @bob, @carol' });
  // the form naming only the same person is not enough
  assert.equal(maint({ CODEOWNERS: '* @alice\n' }, { overrides: { form: { maintainers: 'alice' } } }).status, 'fail');
  assert.equal(maint({}, { overrides: { form: { maintainers: 'alice, bob' } } }).status, 'review');
});

test('11: hostile form values are ignored, not thrown on', () => {
  assert.deepEqual(formHandles({ maintainers: 42 }), []);
  assert.deepEqual(formHandles({ maintainers: [null, 3, { login: '@zed' }, 'not a handle at all'] }), ['@zed']);
  assert.deepEqual(formHandles(undefined), []);
});

test('11: the threshold comes from the policy', () => {
  const policy = withOptions('core-maintainers', { min: 3 });
  const r = evaluateRule(coreMaintainers, makeEvidence({ files: { CODEOWNERS: '* @a @b\n' } }), ctx(policy));
  assert.equal(r.status, 'fail');
});

// ------------------------------------------------------------------ 14: stars

test('14: 200 stars pass, 199 fail; offline, errors and no GitHub repository are unknown', () => {
  const s = (o?: OnlineEvidence) => evaluateRule(stars, makeEvidence(o ? { overrides: { online: o } } : {}), ctx());
  const pass = s(online({ stars: 200 }));
  assert.equal(pass.status, 'pass');
  assert.equal(pass.measured['stars'], 200);
  const fail = s(online({ stars: 199 }));
  assert.equal(fail.status, 'fail');
  assert.match(fail.summary, /1 more/);
  assert.ok(fail.fix);
  const off = s();
  assert.equal(off.status, 'unknown');
  assert.match(off.summary, /run without --offline/);
  const err = s(online({ stars: 500 }, { 'github/repo': 'HTTP 403 rate limit exceeded' }));
  assert.equal(err.status, 'unknown');
  assert.match(err.summary, /rate limit/);
  assert.equal(s(online({})).status, 'fail'); // zero stars
  assert.equal(s(online()).status, 'unknown'); // online, but no GitHub repository known
});
