import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseMaintainers } from '../../../src/evidence/community/maintainers.js';
import { mentionsIn, mergePeople } from '../../../src/evidence/community/people.js';

const logins = (refs: { login?: string; email?: string; name?: string }[]) => refs.map((r) => r.login ?? r.email ?? r.name);

test('Markdown list with handles, names and e-mails; emeritus section kept apart', () => {
  const m = parseMaintainers(
    'MAINTAINERS.md',
    [
      '# Maintainers',
      '',
      'This file lists the people who maintain the project.',
      '',
      '- Alice Example (@alice)',
      '- [Bob Builder](https://github.com/bob-b)',
      '- Carol <carol@example.org>',
      '- Dan Nohandle',
      '',
      '## Emeritus',
      '',
      '- Erin (@erin)',
    ].join('\n'),
  );
  assert.deepEqual(logins(m.people), ['alice', 'bob-b', 'carol@example.org', 'Dan Nohandle']);
  assert.equal(m.people[0]!.name, 'Alice Example');
  assert.equal(m.people[0]!.source, 'MAINTAINERS.md:5');
  assert.deepEqual(logins(m.emeritus), ['erin']);
});

test('Markdown table: header and delimiter rows skipped, name column used', () => {
  const m = parseMaintainers(
    'MAINTAINERS.md',
    '| Name | GitHub | Affiliation |\n|---|:---:|---|\n| Alice A | @alice | Meta |\n| Bob B | [bob](https://github.com/bob) | NVIDIA |\n| Team | @org/core | - |\n',
  );
  assert.deepEqual(logins(m.people), ['alice', 'bob']);
  assert.deepEqual(
    m.people.map((p) => p.name),
    ['Alice A', 'Bob B'],
  );
  assert.deepEqual(
    m.teams.map((t) => t.id),
    ['org/core'],
  );
});

test('plain and kernel-style lines need a handle or e-mail; prose lines name nobody', () => {
  const m = parseMaintainers(
    'MAINTAINERS',
    'Project maintainers are listed below.\nM: Alice Example <alice@example.org>\nBob Example <bob@example.org>\nJust some words\n',
  );
  assert.deepEqual(logins(m.people), ['alice@example.org', 'bob@example.org']);
});

test('Kubernetes OWNERS YAML: approvers count, reviewers do not, emeritus_approvers are retired', () => {
  const m = parseMaintainers('OWNERS', 'approvers:\n  - alice\n  - bob # lead\nreviewers:\n  - carol\nemeritus_approvers:\n  - dan\n');
  assert.deepEqual(logins(m.people), ['alice', 'bob']);
  assert.deepEqual(logins(m.emeritus), ['dan']);
});

test('RST headings switch sections; a whole EMERITUS file is retired people', () => {
  const m = parseMaintainers(
    'MAINTAINERS.rst',
    'Maintainers\n===========\n\n* @alice\n\nEmeritus maintainers\n====================\n\n* @old\n',
  );
  assert.deepEqual(logins(m.people), ['alice']);
  assert.deepEqual(logins(m.emeritus), ['old']);
  const e = parseMaintainers('EMERITUS.md', '- @x\n- @y\n', true);
  assert.deepEqual(logins(e.emeritus), ['x', 'y']);
  assert.deepEqual(e.people, []);
});

test('mentions: logins, teams, e-mails and no-reply addresses; e-mails are not logins', () => {
  const m = mentionsIn('@alice, @org/team, bob@example.org, 123+carol@users.noreply.github.com https://github.com/dan');
  assert.deepEqual(m.logins, ['carol', 'alice', 'dan']);
  assert.deepEqual(m.teams, ['org/team']);
  assert.deepEqual(m.emails, ['bob@example.org']);
});

test('merging: a login, an e-mail or a name shared makes one person', () => {
  const people = mergePeople([
    { login: 'Alice', source: 'a:1' },
    { login: 'alice', email: 'alice@x.org', source: 'b:1' },
    { email: 'ALICE@x.org', name: 'Alice Example', source: 'c:1' },
    { name: 'alice   example', source: 'd:1' },
    { name: 'Bob', source: 'e:1' },
  ]);
  assert.deepEqual(
    people.map((p) => p.display),
    ['@Alice', 'Bob'],
  );
  assert.deepEqual(people[0]!.sources, ['a:1', 'b:1', 'c:1', 'd:1']);
});

test('never throws on arbitrary text', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 300 }), (s) => {
      parseMaintainers('MAINTAINERS.md', s);
      parseMaintainers('OWNERS', 'approvers:\n' + s);
    }),
    { numRuns: 200 },
  );
});
