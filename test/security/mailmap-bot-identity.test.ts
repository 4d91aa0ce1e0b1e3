// Door: the repository's .mailmap (issue 11). A .mailmap that renames bot identities to people
// must not turn bot commits into human activity: bots are recognised on the identity the commit
// carries, before .mailmap, and the renaming is reported, not trusted.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { buildRepo, cleanupTemp, daysAgo, type Ident } from '../support/repo.js';
import { readJudgedHistory } from '../support/history.js';
import { loadDefaultPolicy } from '../../src/policy/load.js';
import { recentCommits } from '../../src/requirements/recent-commits.js';
import { activeContributors } from '../../src/requirements/active-contributors.js';
import { makeEvidence, ctx, evaluateRule } from '../support/evidence.js';

after(cleanupTemp);

const AS_OF = '2026-11-27T00:00:00Z';
const policy = loadDefaultPolicy();

test('bots renamed to people by .mailmap stay bots; requirements 12 and 13 say the .mailmap did it', async () => {
  const dependabot: Ident = { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' };
  const actions: Ident = { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' };
  const mailmap =
    'Dana Reyes <dana@example.org> <49699333+dependabot[bot]@users.noreply.github.com>\n' +
    'Eli Stone <eli@example.org> github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>\n' +
    // an ordinary mapping of a person keeps working
    'Kim Lee <kim@example.org> <kim.old@example.org>\n';
  const dir = await buildRepo({
    commits: [
      { date: daysAgo(AS_OF, 40), author: { name: 'Kim', email: 'kim.old@example.org' }, files: { '.mailmap': mailmap } },
      ...Array.from({ length: 12 }, (_, i) => ({ date: daysAgo(AS_OF, 30 - i), author: i % 2 ? dependabot : actions })),
      // a bot credited as co-author, renamed too: not a person either
      {
        date: daysAgo(AS_OF, 3),
        author: { name: 'Kim', email: 'kim.old@example.org' },
        message: 'x\n\nCo-authored-by: dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>',
      },
    ],
  });
  const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir }).toString().trim();
  const { history: h, raw } = await readJudgedHistory(dir, commit, new Date(AS_OF), policy);
  assert.equal(h.botCommits, 12);
  assert.equal(h.commits, 2);
  assert.deepEqual(
    h.contributors.map((p) => p.name),
    ['Kim Lee'],
  );
  assert.deepEqual(h.botsRenamedByMailmap, [
    { bot: 'dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>', shownAs: 'Dana Reyes <dana@example.org>', commits: 7 },
    {
      bot: 'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>',
      shownAs: 'Eli Stone <eli@example.org>',
      commits: 6,
    },
  ]);
  const ev = makeEvidence({ overrides: { history: raw } });
  const thirteen = evaluateRule(recentCommits, ev, ctx(policy, AS_OF));
  assert.match(thirteen.summary, /12 commits by bots not counted/);
  assert.match(thirteen.summary, /\.mailmap maps bot dependabot\[bot\] <[^>]+> as Dana Reyes <dana@example\.org> \(7 commits\)/);
  const twelve = evaluateRule(activeContributors, ev, ctx(policy, AS_OF));
  assert.equal(twelve.measured['contributors'], 1);
  assert.match(twelve.summary, /still counted as a bot/);
});
