// GitHub sends no webhook for reactions: the App reads them on a timer. With a short interval,
// reactions added on the stand-in become ballots with no command said and no delivery sent; the
// timer stops on shutdown (no read after it). STEWARD_GITHUB_SYNC_SECONDS sets the interval.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { syncIntervalFromEnv } from '../../src/github/config.js';
import { getApplication } from '../../src/process/engine-applications.js';
import type { Application } from '../../src/process/types.js';
import { listDocs } from '../../src/store/index.js';
import { fakeEvaluator } from '../process/fake-report.js';
import { cleanupTemp } from '../support/repo.js';
import { commentPayload, ECOSYSTEM, openApplication, startHarness, type Harness } from './harness.js';

const EVERY_MS = 150;
let h: Harness;
before(async () => {
  h = await startHarness({ members: 3, evaluator: fakeEvaluator(), voteSyncEveryMs: EVERY_MS });
});
after(async () => {
  await h.close();
  cleanupTemp();
});

const reactionReads = () => h.gh.log.filter((l) => l.method === 'GET' && /\/issues\/comments\/\d+\/reactions/.test(l.path)).length;

async function until<T>(what: string, fn: () => Promise<T | undefined>, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

test('reactions are read on the timer, with no command; the timer stops on shutdown', async () => {
  await h.deliver('issues', openApplication(h, 1, 'Widget', 'https://github.com/acme/widget'));
  await h.settle();
  await h.deliver('issue_comment', commentPayload(h, 1, 'sam-gh', '/schedule 2026-12-10\n/vote'));
  await h.settle();
  const vote = h.gh.api.comments(ECOSYSTEM, 1).find((c) => c.body.includes('steward:vote:'))!;
  assert.ok(vote, 'the vote comment');
  const [{ id }] = (await listDocs<Application>(h.store.db, 'applications')) as [Application];
  const commentsBefore = h.gh.api.comments(ECOSYSTEM, 1).length;
  const writes = () => h.gh.log.filter((l) => l.method !== 'GET' && !/\/access_tokens$/.test(l.path)).length;
  const writesBefore = writes();

  h.gh.api.react(ECOSYSTEM, vote.id, 'm1', '+1');
  h.gh.api.react(ECOSYSTEM, vote.id, 'm2', '-1');
  const ballots = await until('the timer to record both reactions', async () => {
    const b = (await getApplication(h.runtime.ctx.engine, id)).vote!.ballots;
    return b['m1'] && b['m2'] ? b : undefined;
  });
  assert.deepEqual([ballots['m1']!.choice, ballots['m2']!.choice], ['approve', 'reject']);
  // read, not answered: no comment, no write
  assert.equal(h.gh.api.comments(ECOSYSTEM, 1).length, commentsBefore);
  assert.equal(writes(), writesBefore);

  // a change of mind is picked up on a later tick too
  h.gh.api.repo(ECOSYSTEM).comments.get(vote.id)!.reactions = h.gh.api
    .repo(ECOSYSTEM)
    .comments.get(vote.id)!
    .reactions.filter((r) => r.user !== 'm2');
  h.gh.api.react(ECOSYSTEM, vote.id, 'm2', 'eyes');
  await until('m2 abstaining', async () =>
    (await getApplication(h.runtime.ctx.engine, id)).vote!.ballots['m2']?.choice === 'abstain' ? true : undefined,
  );

  // shutdown: the timer stops; a pass already queued finishes, and nothing reads after that
  await h.runtime.stop();
  await h.settle();
  const reads = reactionReads();
  await new Promise((r) => setTimeout(r, EVERY_MS * 4));
  await h.settle();
  assert.equal(reactionReads(), reads, 'no read after the timer stopped');
});

test('STEWARD_GITHUB_SYNC_SECONDS sets the interval: hourly by default, 0 turns it off, anything else is refused', () => {
  assert.equal(syncIntervalFromEnv({}), 3_600_000);
  assert.equal(syncIntervalFromEnv({ STEWARD_GITHUB_SYNC_SECONDS: '0.15' }), 150);
  assert.equal(syncIntervalFromEnv({ STEWARD_GITHUB_SYNC_SECONDS: '0' }), 0);
  assert.throws(
    () => syncIntervalFromEnv({ STEWARD_GITHUB_SYNC_SECONDS: 'hourly' }),
    /STEWARD_GITHUB_SYNC_SECONDS: expected a number of seconds/,
  );
});
