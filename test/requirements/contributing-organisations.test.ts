// Contributing organisations from e-mail domains (after .mailmap), free-mail left out, GitHub companies for the rest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  companyName,
  judgeContributingOrganisations,
  organisationDomain,
  tallyOrganisations,
} from '../../src/requirements/contributing-organisations.js';
import type { Person } from '../../src/evidence/types.js';
import { makeEvidence } from '../support/evidence.js';
import { rawHistory, type MadeCommit } from '../support/history.js';
import { loadDefaultPolicy } from '../../src/policy/load.js';

const person = (name: string, emails: string[], commits = 1, login?: string): Person => ({
  name,
  emails,
  commits,
  via: 'author',
  ...(login ? { login } : {}),
});

const withPeople = (people: Person[], companies?: Record<string, string>) => {
  const e = makeEvidence();
  // each person's commits in the raw history; a login comes from a no-reply address under the same name
  const commits: MadeCommit[] = [];
  people.forEach((p, i) => {
    for (let k = 0; k < p.commits; k++)
      commits.push({ at: new Date(Date.parse(e.asOf) - (i + k + 1) * 3_600_000), author: { name: p.name, email: p.emails[0] ?? '' } });
    if (p.login)
      commits.push({
        at: new Date(Date.parse(e.asOf) - (i + 1) * 60_000),
        author: { name: p.name, email: `${p.login}@users.noreply.github.com` },
      });
  });
  e.history = rawHistory(e.asOf, commits);
  if (companies) e.online = { errors: {}, github: { stars: 0, archived: false, defaultBranch: 'main', companies } };
  return e;
};

const YEAR = { ...loadDefaultPolicy(), shared: { ...loadDefaultPolicy().shared, windowDays: 365 } };

test('organisations: the registrable domain names the organisation; country second levels are kept', () => {
  assert.equal(organisationDomain('research.ibm.com'), 'ibm.com');
  assert.equal(organisationDomain('cs.ox.ac.uk'), 'ox.ac.uk');
  assert.equal(organisationDomain('huawei.com'), 'huawei.com');
  assert.equal(organisationDomain('intel.co.jp'), 'intel.co.jp');
  assert.equal(companyName('@PyTorch'), 'pytorch');
  assert.equal(companyName('Meta Platforms, Inc.'), 'meta platforms');
  assert.equal(companyName('Self'), undefined);
});

test('organisations: free-mail and no-reply addresses place nobody; subdomains of one organisation are one', () => {
  const t = tallyOrganisations([
    person('A', ['a@us.ibm.com'], 5),
    person('B', ['b@ibm.com'], 2),
    person('C', ['c@gmail.com']),
    person('D', ['123+d@users.noreply.github.com'], 1, 'd'),
    person('E', ['e@intel.com'], 3),
  ]);
  assert.deepEqual(
    t.organisations.map((o) => [o.name, o.via, o.people.length, o.commits]),
    [
      ['ibm.com', 'email', 2, 7],
      ['intel.com', 'email', 1, 3],
    ],
  );
  assert.deepEqual(t.unattributed, ['C', 'D']);
  assert.deepEqual(t.unplacedLogins, ['d']);
});

test('organisations: a GitHub profile company places a free-mail contributor', () => {
  const t = tallyOrganisations([person('D', ['d@gmail.com'], 4, 'DevD')], { companies: { devd: '@Huawei' } });
  assert.deepEqual(
    t.organisations.map((o) => [o.name, o.via]),
    [['huawei', 'github']],
  );
  assert.deepEqual(t.unattributed, []);
  // the company an e-mail domain already names is that organisation, not a second one
  const joined = tallyOrganisations([person('H', ['h@huawei.com'], 2), person('D', ['d@gmail.com'], 4, 'devd')], {
    companies: { devd: 'Huawei Technologies' },
  });
  assert.deepEqual(
    joined.organisations.map((o) => [o.name, o.people.length, o.commits]),
    [['huawei.com', 2, 6]],
  );
});

test('organisations: pass at the minimum, review when unplaced people could reach it, fail otherwise; the method is said', () => {
  const three = [person('A', ['a@ibm.com']), person('B', ['b@intel.com']), person('C', ['c@huawei.com'])];
  const pass = judgeContributingOrganisations(withPeople(three), YEAR, 3);
  assert.equal(pass.status, 'pass');
  assert.equal(pass.message?.id, 'enough');
  assert.equal(pass.message?.data['count'], 3);
  assert.equal(pass.measured['organisations'], 3);
  assert.equal(pass.measured['windowDays'], 365);
  assert.match(String(pass.measured['method']), /e-mail domains after \.mailmap/);
  assert.match(String(pass.measured['method']), /GitHub profiles were not asked/);
  const five = judgeContributingOrganisations(withPeople(three), YEAR, 5);
  assert.equal(five.status, 'fail');
  assert.equal(five.message?.id, 'short');
  const review = judgeContributingOrganisations(withPeople([...three, person('X', ['x@gmail.com']), person('Y', ['y@qq.com'])]), YEAR, 5);
  assert.equal(review.status, 'review');
  assert.equal(review.message?.id, 'maybe');
  assert.equal(review.measured['unattributed'], 2);
  const online = judgeContributingOrganisations(withPeople([...three, person('X', ['x@gmail.com'], 1, 'xx')], { xx: 'NVIDIA' }), YEAR, 4);
  assert.equal(online.status, 'pass');
  assert.match(String(online.measured['method']), /company on the GitHub profiles/);
});

test('organisations: the evidence cites a commit of the window by its id (a date range is no commit: it was shown as "2025-12-02T0" and linked to /commit/<date>)', () => {
  const e = withPeople([person('A', ['a@ibm.com'], 3), person('B', ['b@intel.com'], 2), person('C', ['c@gmail.com'])]);
  const r = judgeContributingOrganisations(e, YEAR, 2);
  assert.equal(r.status, 'pass');
  assert.ok(r.evidence.length > 0);
  for (const ref of r.evidence.filter((x) => x.kind === 'commit')) assert.match(ref.ref, /^[0-9a-f]{40}$/);
  assert.match(r.evidence[0]!.detail ?? '', /ibm\.com: A; intel\.com: B/);
});
