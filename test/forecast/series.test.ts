// The early warning's commits come from the history records the evidence keeps (no git process
// of its own): the last `days` before the evaluation date, merges and the policy's bots left out,
// each author as the person .mailmap makes them; a span longer than the horizon is refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commitSeries } from '../../src/forecast/series.js';
import { loadDefaultPolicy } from '../../src/policy/load.js';
import { rawHistory } from '../support/history.js';

const AS_OF = '2026-11-27T00:00:00Z';
const DAY = 86_400_000;
const at = (days: number) => new Date(Date.parse(AS_OF) - days * DAY);
const policy = loadDefaultPolicy();

test('the series: commits of the span by people, oldest first, each author as .mailmap resolves them', () => {
  const ann = { name: 'Ann', email: '12+ann@users.noreply.github.com' };
  const old = { name: 'Ann', email: 'ann@old.example' };
  const bob = { name: 'Bob', email: 'Bob@Example.org' };
  const train = { name: 'Release Train', email: 'train@example.org' };
  const h = rawHistory(AS_OF, [
    { at: at(10), author: ann },
    { at: at(20), author: old },
    { at: at(30), author: bob, coAuthors: [ann] },
    { at: at(40), author: { name: 'dependabot[bot]', email: 'x@example.org' } },
    { at: at(50), author: train },
    { at: at(380), author: bob },
  ]);
  // .mailmap: the old address is Ann's no-reply one
  const oldIndex = h.identities.findIndex(([, e]) => e === old.email);
  const annIndex = h.identities.findIndex(([, e]) => e === ann.email);
  h.identities[oldIndex] = [old.name, old.email, annIndex];

  const year = commitSeries(h, policy.bots, 365);
  assert.ok('commits' in year);
  assert.deepEqual(
    year.commits.map((c) => [(Date.parse(AS_OF) - c.t) / DAY, c.who]),
    [
      [50, 'email:train@example.org'],
      [30, 'email:bob@example.org'],
      [20, 'login:ann'],
      [10, 'login:ann'],
    ],
  );
  // the same records under a bot list that names the account
  const amended = commitSeries(h, { ...policy.bots, names: [...policy.bots.names, 'release train'] }, 365);
  assert.ok('commits' in amended);
  assert.equal(amended.commits.length, 3);
  // the whole horizon
  const all = commitSeries(h, policy.bots, 400);
  assert.ok('commits' in all);
  assert.equal(all.commits.length, 5);
});

test('a span longer than the horizon is refused with the reason', () => {
  const refused = commitSeries(rawHistory(AS_OF), policy.bots, 401);
  assert.deepEqual(refused, { refused: 'the early warning reads 401 days of history; the evidence keeps 400 (to 2026-11-27)' });
});
