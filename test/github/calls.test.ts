// What the App costs in GitHub API calls, measured on the stand-in: per application (opened →
// report comment and label), per vote (open, reactions read, close, decision), per onboarding
// pull request (entry and logo) and per landscape check run, and what the checker itself asks of
// GitHub. Bounds keep a regression from going unnoticed.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { KORNIA, landscapeYml, logoSvg } from '../support/landscape.js';
import { cleanupTemp } from '../support/repo.js';
import {
  addApplicantRepo,
  commentPayload,
  ECOSYSTEM,
  LANDSCAPE,
  openApplication,
  pullRequestPayload,
  startHarness,
  type Harness,
} from './harness.js';

let h: Harness;
before(async () => {
  h = await startHarness({ members: 9 });
});
after(async () => {
  await h.close();
  cleanupTemp();
});

/** Calls made while `fn` runs: the App's (token or JWT; minting tokens apart) and the checker's (anonymous). */
async function measure(fn: () => Promise<void>) {
  const from = h.gh.log.length;
  await fn();
  await h.settle();
  const log = h.gh.log.slice(from).filter((l) => !l.path.startsWith('/git/'));
  const isApp = (t?: string) => t !== undefined && (/^ghs_/.test(t) || t.split('.').length === 3);
  const app = log.filter((l) => isApp(l.token) && !/\/access_tokens$/.test(l.path));
  return {
    app: app.length,
    writes: app.filter((l) => l.method !== 'GET').length,
    tokens: log.filter((l) => /\/access_tokens$/.test(l.path)).length,
    checker: log.filter((l) => !isApp(l.token)).length,
    detail: app.map((l) => `${l.method} ${l.path.replace(/\?.*/, '')}`),
  };
}

test('calls per application and per vote', async (t) => {
  const say = (n: number, login: string, text: string) =>
    h.deliver('issue_comment', commentPayload(h, n, login, text)).then(() => undefined);
  const filed = await measure(
    async () =>
      void (await h.deliver('issues', openApplication(h, 1, 'Widget', await addApplicantRepo(h.gh, h.gh.opts.gitRoot!, 'widget')))),
  );
  t.diagnostic(`application opened: ${JSON.stringify(filed)}`);
  const scheduled = await measure(() => say(1, 'sam-gh', '/schedule 2026-12-10'));
  t.diagnostic(`scheduled (re-check, label): ${JSON.stringify(scheduled)}`);
  const opened = await measure(() => say(1, 'sam-gh', '/vote'));
  t.diagnostic(`vote opened: ${JSON.stringify(opened)}`);
  const vote = h.gh.api.comments(ECOSYSTEM, 1).find((c) => c.body.includes('steward:vote:1'))!;
  for (let n = 1; n <= 9; n++) h.gh.api.react(ECOSYSTEM, vote.id, `m${n}`, n <= 5 ? '+1' : '-1');
  const status = await measure(() => say(1, 'm1', '/vote-status'));
  t.diagnostic(`vote status: ${JSON.stringify(status)}`);
  const closed = await measure(() => say(1, 'sam-gh', '/close-vote'));
  t.diagnostic(`vote closed: ${JSON.stringify(closed)}`);
  const decided = await measure(() => say(1, 'sam-gh', '/accept'));
  t.diagnostic(`decision: ${JSON.stringify(decided)}`);
  // an application: its report comment and, when the form did not put it on, its label
  assert.ok(filed.app <= 3, filed.detail.join('\n'));
  assert.equal(filed.writes, 1);
  // a vote from opening to decision, with 9 members' reactions
  const perVote = opened.app + status.app + closed.app + decided.app;
  t.diagnostic(
    `per vote (open, status, close, decide): ${perVote} calls, ${opened.writes + status.writes + closed.writes + decided.writes} writes`,
  );
  assert.ok(perVote <= 16, `${perVote} calls`);

  // onboarding: the landscape pull request with the entry and the logo, then its check run
  h.gh.addRepo({ owner: 'example-fdn', name: 'landscape', stars: 0 });
  h.gh.api.setFile(LANDSCAPE, 'main', 'landscape.yml', landscapeYml([KORNIA]));
  h.gh.api.setFile(LANDSCAPE, 'main', 'hosted_logos/kornia.svg', logoSvg('Kornia'));
  h.gh.api.setFile('acme/widget', 'main', 'docs/logo.svg', logoSvg('Widget'));
  const onboarded = await measure(() => say(1, 'sam-gh', '/onboard Modeling / Computer Vision logo docs/logo.svg'));
  t.diagnostic(`onboarding pull request (entry and logo): ${JSON.stringify(onboarded)}`);
  const pr = h.gh.api.pulls(LANDSCAPE)[0]!;
  assert.ok(pr, 'the pull request');
  const checked = await measure(async () => void (await h.deliver('pull_request', pullRequestPayload(h, pr.head, pr.number))));
  t.diagnostic(`landscape check run (one new logo): ${JSON.stringify(checked)}`);
  assert.ok(onboarded.app <= 12, onboarded.detail.join('\n'));
  assert.ok(checked.app <= 5, checked.detail.join('\n'));
});
