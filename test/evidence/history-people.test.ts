// People in the history (issue 9, class 5): identities linked only through a Co-authored-by
// trailer on the other identity's commit are one person; automation accounts not named …[bot] are
// bots by what they are (the policy's names and patterns); GitHub's noreply identity decides only
// as author or co-author, never as the committer of a web-UI squash merge.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { buildRepo, cleanupTemp, daysAgo, type Ident } from '../support/repo.js';
import { readJudgedHistory } from '../support/history.js';
import { botMatcher } from '../../src/requirements/bots.js';
import { loadDefaultPolicy } from '../../src/policy/load.js';

after(cleanupTemp);

const AS_OF = '2026-11-27T00:00:00Z';
const policy = loadDefaultPolicy();
const head = (dir: string) => execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir }).toString().trim();

test('two identities linked only by a Co-authored-by trailer on a commit the other identity authored are one person', async () => {
  const work: Ident = { name: 'Mira Kovac', email: 'mira@lab.example' };
  const home: Ident = { name: 'mkovac', email: 'mk1990@mail.example' };
  const dir = await buildRepo({
    commits: [
      { date: daysAgo(AS_OF, 20), author: home },
      { date: daysAgo(AS_OF, 19), author: home },
      // the only link: the work identity's commit credits the home address under the work name
      { date: daysAgo(AS_OF, 10), author: work, message: 'fix\n\nCo-authored-by: Mira Kovac <mk1990@mail.example>' },
      { date: daysAgo(AS_OF, 5), author: { name: 'Other Person', email: 'other@example.org' } },
    ],
  });
  const { history: h } = await readJudgedHistory(dir, head(dir), new Date(AS_OF), policy);
  assert.equal(h.commits, 4);
  assert.deepEqual(
    h.contributors.map((p) => [p.name, p.emails, p.commits, p.via]),
    [
      ['mkovac', ['mira@lab.example', 'mk1990@mail.example'], 3, 'author'],
      ['Other Person', ['other@example.org'], 1, 'author'],
    ],
  );
});

test('automation accounts not named …[bot] are bots; a translator on Weblate and the author of a squash merge are people', async () => {
  const bots: Ident[] = [
    { name: 'Facebook GitHub Bot', email: 'facebook-github-bot@fb.example' },
    { name: 'PyTorch Bot', email: 'pytorchbot@pytorch.example' },
    { name: 'generatedunixname537391475639613', email: 'generatedunixname537391475639613@fb.com' },
    { name: 'widgets-translation-machine', email: 'widgets-translation-machine@example.org' },
    { name: 'Hosted Weblate', email: 'hosted@weblate.org' },
    { name: 'GitHub', email: 'noreply@github.com' },
  ];
  const squashCommitter: Ident = { name: 'GitHub', email: 'noreply@github.com' };
  const dir = await buildRepo({
    commits: [
      ...bots.map((author, i) => ({ date: daysAgo(AS_OF, 30 - i), author })),
      // a translator whose e-mail Weblate hides: a person
      { date: daysAgo(AS_OF, 9), author: { name: 'Ana Lima', email: 'ana@users.noreply.hosted.weblate.org' } },
      // web-UI squash merges: a person's commit, committed by GitHub
      { date: daysAgo(AS_OF, 8), author: { name: 'Sam Ortiz', email: 'sam@example.org' }, committer: squashCommitter },
      { date: daysAgo(AS_OF, 7), author: { name: 'Sam Ortiz', email: 'sam@example.org' }, committer: squashCommitter },
      // GitHub as a co-author is automation, not a second person
      {
        date: daysAgo(AS_OF, 6),
        author: { name: 'Lee Park', email: 'lee@example.org' },
        message: 'docs\n\nCo-authored-by: GitHub <noreply@github.com>',
      },
    ],
  });
  const { history: h } = await readJudgedHistory(dir, head(dir), new Date(AS_OF), policy);
  assert.equal(h.botCommits, bots.length);
  assert.equal(h.commits, 4);
  assert.deepEqual(h.contributors.map((p) => p.name).sort(), ['Ana Lima', 'Lee Park', 'Sam Ortiz']);
});

test('the bot list is policy data: names with any separators, e-mails and patterns, each tested; people are not caught', () => {
  const isBot = botMatcher(policy.bots);
  assert.ok(policy.bots.patterns.length > 0);
  for (const b of [
    { name: 'facebook-github-bot', email: '6422482+facebook-github-bot@users.noreply.github.com' },
    { name: 'Facebook Community Bot', email: 'x@fb.example' },
    { name: 'pytorchbot', email: 'a@b.example' },
    { name: 'Someone', email: 'generatedunixname42@fb.com' },
    { name: 'docs-machine', email: 'docs-machine@example.org' },
    { name: 'Weblate', email: 'noreply@weblate.org' },
    { name: 'Weblate (bot)', email: 'x@example.org' },
  ]) {
    assert.ok(isBot(b), JSON.stringify(b));
  }
  for (const p of [
    { name: 'Abbot Costello', email: 'abbot@example.org' },
    { name: 'Talbot Machine', email: 'talbot@example.org' },
    { name: 'Ana Lima', email: 'ana@users.noreply.hosted.weblate.org' },
    { name: 'Botond Nagy', email: 'bot.nagy@example.org' },
  ]) {
    assert.ok(!isBot(p), JSON.stringify(p));
  }
  // only the policy decides: without its patterns a pattern-only bot is a person
  assert.ok(!botMatcher({ names: [], emails: [] })({ name: 'Someone', email: 'generatedunixname42@fb.com' }));
});
