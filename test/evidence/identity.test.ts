import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseMailmap } from '../../src/evidence/mailmap.js';
import { foldName, noreplyLogin, parseCoAuthor, PeopleBuilder } from '../../src/evidence/identity.js';
import { botMatcher } from '../../src/requirements/bots.js';

test('mailmap: the four forms, case-insensitive matching, and the name-specific entry winning', () => {
  const m = parseMailmap(
    [
      '# comment <not@an.entry>',
      'Proper Name <one@example.org>',
      '<proper@example.org> <Two@Example.org>',
      'Both Name <both@example.org> <three@example.org>',
      'Specific <specific@example.org> Old Name <four@example.org>',
      'Any <any@example.org> <four@example.org>',
      'no address here',
      'Broken <unclosed@example.org',
      '',
    ].join('\n'),
  );
  assert.equal(m.size, 5);
  assert.deepEqual(m.map({ name: 'x', email: 'ONE@example.org' }), { name: 'Proper Name', email: 'ONE@example.org' });
  assert.deepEqual(m.map({ name: 'x', email: 'two@example.org' }), { name: 'x', email: 'proper@example.org' });
  assert.deepEqual(m.map({ name: 'x', email: 'three@example.org' }), { name: 'Both Name', email: 'both@example.org' });
  assert.deepEqual(m.map({ name: 'old name', email: 'four@example.org' }), { name: 'Specific', email: 'specific@example.org' });
  assert.deepEqual(m.map({ name: 'Someone Else', email: 'four@example.org' }), { name: 'Any', email: 'any@example.org' });
  assert.deepEqual(m.map({ name: 'x', email: 'not@an.entry' }), { name: 'x', email: 'not@an.entry' });
  assert.deepEqual(m.map({ name: 'x', email: 'unclosed@example.org' }), { name: 'x', email: 'unclosed@example.org' });
});

test('mailmap: later lines for the same identity add to earlier ones', () => {
  const m = parseMailmap('Name Only <a@example.org>\n<new@example.org> <a@example.org>\n');
  assert.deepEqual(m.map({ name: 'x', email: 'a@example.org' }), { name: 'Name Only', email: 'new@example.org' });
});

test('no-reply logins, with and without the numeric id; other addresses have none', () => {
  assert.equal(noreplyLogin('12345+OctoCat@users.noreply.github.com'), 'octocat');
  assert.equal(noreplyLogin('octocat@users.noreply.github.com'), 'octocat');
  assert.equal(noreplyLogin('49699333+dependabot[bot]@users.noreply.github.com'), 'dependabot[bot]');
  assert.equal(noreplyLogin('abc+octocat@users.noreply.github.com'), 'abc+octocat');
  assert.equal(noreplyLogin('octocat@users.noreply.github.com.evil.example'), undefined);
  assert.equal(noreplyLogin('@users.noreply.github.com'), undefined);
  assert.equal(noreplyLogin('octocat@github.com'), undefined);
});

test('names fold case and whitespace', () => {
  assert.equal(foldName('  Jane \t DOE '), 'jane doe');
  assert.equal(foldName(''), '');
});

test('bots: [bot] suffix on name or login, policy names and e-mails, case-insensitive; humans are not bots', () => {
  const isBot = botMatcher({ names: ['Renovate', 'pytorchbot'], emails: ['NoReply@GitHub.com'] });
  assert.ok(isBot({ name: 'Some-App[BOT]', email: 'x@example.org' }));
  assert.ok(isBot({ name: 'Some App', email: '1+some-app[bot]@users.noreply.github.com' }));
  assert.ok(isBot({ name: 'renovate', email: 'x@example.org' }));
  assert.ok(isBot({ name: 'Anything', email: 'pytorchbot@users.noreply.github.com' }));
  assert.ok(isBot({ name: 'Web Flow', email: 'noreply@github.com' }));
  assert.ok(!isBot({ name: 'Renovate Fan', email: 'fan@example.org' }));
  assert.ok(!isBot({ name: 'Abbot', email: 'abbot@example.org' }));
  assert.ok(!isBot({ name: 'bot', email: 'b@example.org' }));
});

test('co-author values: name and e-mail, a bare name, nothing', () => {
  assert.deepEqual(parseCoAuthor(' Jane Doe <jane@example.org> '), { name: 'Jane Doe', email: 'jane@example.org' });
  assert.deepEqual(parseCoAuthor('Jane <old> Doe <jane@example.org>'), { name: 'Jane <old> Doe', email: 'jane@example.org' });
  assert.deepEqual(parseCoAuthor('Just A Name'), { name: 'Just A Name', email: '' });
  assert.equal(parseCoAuthor('  '), undefined);
  assert.equal(parseCoAuthor('<>'), undefined);
});

test('people: union-find joins chains of shared keys, and the order is deterministic', () => {
  const b = new PeopleBuilder();
  b.add({ name: 'A One', email: 'a@x.org' }, 'author');
  b.add({ name: 'Alias', email: 'A@X.org' }, 'author'); // same e-mail as A One
  b.add({ name: 'alias', email: 'z@y.org' }, 'co-author'); // same name as Alias
  b.add({ name: 'B', email: 'b@x.org' }, 'co-author');
  b.add({ name: '', email: '' }, 'author');
  const people = b.people();
  assert.deepEqual(people, [
    { name: 'A One', emails: ['a@x.org', 'z@y.org'], commits: 3, via: 'both' },
    { name: 'B', emails: ['b@x.org'], commits: 1, via: 'co-author' },
  ]);
});

test('hostile input never throws', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (text, name, email) => {
      const m = parseMailmap(text);
      const mapped = m.map({ name, email });
      assert.equal(typeof mapped.name, 'string');
      parseCoAuthor(text);
      noreplyLogin(email);
      const b = new PeopleBuilder();
      b.add(mapped, 'author');
      b.add({ name: email, email: name }, 'co-author');
      b.people();
    }),
    { numRuns: 300 },
  );
});
