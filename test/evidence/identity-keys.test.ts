// The identity folding that the history (contributors) and the project files (owners,
// maintainers) share: one rule for "the same person" on both sides.
import assert from 'node:assert/strict';
import test from 'node:test';
import { groupBySharedKeys, identityKeys, noreplyLoginAsWritten } from '../../src/evidence/identity.js';
import { mentionsIn, mergePeople } from '../../src/evidence/community/people.js';

test('a no-reply login keeps its case as written; anything else is not one', () => {
  assert.equal(noreplyLoginAsWritten('12345+OctoCat@users.noreply.github.com'), 'OctoCat');
  assert.equal(noreplyLoginAsWritten(' OctoCat@Users.NoReply.GitHub.com '), 'OctoCat');
  assert.equal(noreplyLoginAsWritten('@users.noreply.github.com'), undefined);
  assert.equal(noreplyLoginAsWritten('12345+@users.noreply.github.com'), undefined);
  assert.equal(noreplyLoginAsWritten('octocat@users.noreply.github.com.evil.example'), undefined);
  assert.equal(noreplyLoginAsWritten('octocat@noreply.github.com'), undefined);
});

test('identity keys: e-mail, given login, no-reply login when it differs, folded name; nothing empty', () => {
  assert.deepEqual(identityKeys({ email: 'A@X.org', name: ' Jane  DOE ' }), ['e:a@x.org', 'n:jane doe']);
  assert.deepEqual(identityKeys({ email: '1+Alice@users.noreply.github.com', login: 'alice' }), [
    'e:1+alice@users.noreply.github.com',
    'l:alice',
  ]);
  assert.deepEqual(identityKeys({ email: '1+bob@users.noreply.github.com', login: 'alice' }), [
    'e:1+bob@users.noreply.github.com',
    'l:alice',
    'l:bob',
  ]);
  assert.deepEqual(identityKeys({ name: ' \t ' }), []);
  assert.deepEqual(identityKeys({}), []);
});

test('grouping is transitive, keeps first-seen order and leaves unrelated items alone', () => {
  const items = [
    { id: 1, keys: ['e:a'] },
    { id: 2, keys: ['x'] },
    { id: 3, keys: ['e:a', 'n:b'] },
    { id: 4, keys: ['n:b'] },
    { id: 5, keys: [] },
  ];
  const groups = groupBySharedKeys(items, (i) => i.keys).map((g) => g.map((i) => i.id));
  assert.deepEqual(groups, [[1, 3, 4], [2], [5]]);
  assert.deepEqual(
    groupBySharedKeys([], () => ['k']),
    [],
  );
});

test('owners: a no-reply e-mail in a file is the login, and merges with an @mention of it', () => {
  assert.deepEqual(mentionsIn('x 9+Carol@users.noreply.github.com y').logins, ['Carol']);
  const people = mergePeople([
    { email: '9+carol@users.noreply.github.com', source: 'CODEOWNERS:1' },
    { login: 'Carol', source: 'MAINTAINERS.md:3' },
    { name: 'Blank', source: 'MAINTAINERS.md:4' },
    { name: '   ', source: 'MAINTAINERS.md:5' },
  ]);
  assert.equal(people.length, 3);
  assert.deepEqual(people.find((p) => p.display === '@Carol')?.sources, ['CODEOWNERS:1', 'MAINTAINERS.md:3']);
});
