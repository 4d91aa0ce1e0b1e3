// The App's main scenarios on both stores: the delivery table, the job queue (SQLite's jobs table;
// pg-boss on PostgreSQL), the thread records and the engine's documents must behave the same.
// One harness per store, one scenario per family: backfill of 20 issues writing nothing; a new
// application → one report comment and the New label, the same delivery again handled once;
// reactions from 5 of 9 members → passed, 4 of 8 → not passed, with the written decisions.
// The checker is the synthetic one (the real one is store-independent and covered by the other
// files of this folder on SQLite). PostgreSQL is skipped, saying why, only when unreachable.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { getApplication } from '../../src/process/engine-applications.js';
import type { Application } from '../../src/process/types.js';
import { listDocs, upsertPerson } from '../../src/store/index.js';
import { fakeEvaluator } from '../process/fake-report.js';
import { BACKENDS } from '../store/backends.js';
import { EXPECTED_STATUS, SAMPLE_ISSUES, sampleComments, toGhIssue } from '../support/issue-export.js';
import { cleanupTemp } from '../support/repo.js';
import { commentPayload, ECOSYSTEM, INSTALLATION, LANDSCAPE, openApplication, sender, startHarness, type Harness } from './harness.js';

for (const backend of BACKENDS) {
  test(`${backend.name}: the App's main scenarios`, async (t) => {
    const skip = await backend.skip();
    if (skip) return t.skip(skip);
    const h: Harness = await startHarness({ members: 9, backend, evaluator: fakeEvaluator() });
    const bodies = (n: number) => h.gh.api.comments(ECOSYSTEM, n).map((c) => c.body);
    const say = async (n: number, login: string, text: string) => {
      assert.equal((await h.deliver('issue_comment', commentPayload(h, n, login, text))).status, 202);
      await h.settle();
    };
    try {
      await t.test('backfill of 20 existing issues: 20 applications in their states, nothing written', async () => {
        for (const s of SAMPLE_ISSUES) {
          const g = toGhIssue(s, ECOSYSTEM);
          h.gh.api.addIssue(ECOSYSTEM, {
            number: s.number,
            title: g.title,
            body: g.body ?? '',
            user: g.user!.login,
            labels: s.labels,
            state: s.state,
            created_at: s.created,
            updated_at: g.updated_at,
            closed_at: s.closed ?? null,
          });
        }
        for (const c of sampleComments(ECOSYSTEM))
          h.gh.api.addComment(ECOSYSTEM, Number(c.issue_url.split('/').at(-1)), c.user!.login, c.body ?? '');
        const before = h.appCalls().length;
        const r = await h.deliver('installation', {
          action: 'created',
          installation: { id: INSTALLATION, account: { login: 'example-fdn' } },
          repositories: [{ full_name: ECOSYSTEM }, { full_name: LANDSCAPE }],
          sender: sender('sam-gh'),
        });
        assert.equal(r.status, 202);
        await h.settle();
        const apps = await listDocs<Application>(h.store.db, 'applications');
        assert.equal(apps.length, 20);
        for (const a of apps) assert.equal(a.status, EXPECTED_STATUS[a.issue!.number], `issue #${a.issue!.number}`);
        assert.deepEqual(
          h
            .appCalls()
            .slice(before)
            .filter((c) => c.method !== 'GET' && !/\/access_tokens$/.test(c.path)),
          [],
          'backfill wrote to GitHub',
        );
      });

      await t.test('a new application: one report comment and the New label; the same delivery again is handled once', async () => {
        const payload = openApplication(h, 101, 'Widget', 'https://github.com/acme/widget');
        const first = await h.deliver('issues', payload, { id: `twice-${backend.name}` });
        const again = await h.deliver('issues', payload, { id: `twice-${backend.name}` });
        assert.equal(first.status, 202);
        assert.ok(first.ms < 1000, `answered in ${first.ms} ms`);
        assert.deepEqual([again.status, again.body], [200, { duplicate: `twice-${backend.name}` }]);
        await h.settle();
        assert.equal((await h.deliver('issues', payload, { id: `twice-${backend.name}` })).status, 200, 'still a duplicate once done');
        await h.settle();
        const comments = bodies(101);
        assert.equal(comments.length, 1);
        assert.match(comments[0]!, /Steward's report for application \d+ \(Widget\)/);
        assert.equal(comments[0]!.split('\n').filter((l) => /^\| \d+ \|/.test(l)).length, 19, 'the 19 rows');
        assert.deepEqual(h.gh.api.repo(ECOSYSTEM).issues.get(101)!.labels, ['New']);
        assert.equal((await listDocs<Application>(h.store.db, 'applications')).filter((a) => a.issue?.number === 101).length, 1);
      });

      const voteOn = async (n: number, approve: string[], others: Record<string, '+1' | '-1' | 'eyes'>) => {
        await say(n, 'sam-gh', '/schedule 2026-12-10\n/vote');
        const vote = h.gh.api.comments(ECOSYSTEM, n).find((c) => c.body.includes(`steward:vote:`))!;
        assert.ok(vote, 'the vote comment');
        for (const m of approve) h.gh.api.react(ECOSYSTEM, vote.id, m, '+1');
        for (const [m, kind] of Object.entries(others)) h.gh.api.react(ECOSYSTEM, vote.id, m, kind);
        await say(n, 'sam-gh', '/close-vote');
        return bodies(n).find((b) => b.includes('steward:vote-result'))!;
      };
      const appOf = async (n: number) =>
        getApplication(
          h.runtime.ctx.engine,
          (await listDocs<Application>(h.store.db, 'applications')).find((a) => a.issue?.number === n)!.id,
        );

      await t.test('5 of 9 members approve by reaction: passed, accepted with the written decision', async () => {
        const result = await voteOn(101, ['m1', 'm2', 'm3', 'm4', 'm5'], { m6: '-1', stranger: '+1' });
        assert.match(result, /PASSED/);
        assert.doesNotMatch(result, /NOT PASSED/);
        await say(101, 'sam-gh', '/accept');
        assert.match(
          bodies(101).find((b) => b.includes('steward:decision'))!,
          /Tally: 5 approve, 1 reject, 0 abstain, 3 not voted, of 9 members; 5 approvals were needed/,
        );
        assert.equal((await appOf(101)).status, 'ONBOARDING');
        assert.deepEqual(h.gh.api.repo(ECOSYSTEM).issues.get(101)!.labels, ['Accepted']);
      });

      await t.test('4 of 8 members approve: not passed, declined, the issue closed', async () => {
        await upsertPerson(h.store.db, { id: 'm9', role: 'member', email: 'm9@wg.example', wg: false, tac: false }, '2026-12-01T00:00:00Z');
        await h.deliver('issues', openApplication(h, 102, 'Gadget', 'https://github.com/acme/gadget'));
        await h.settle();
        const result = await voteOn(102, ['m1', 'm2', 'm3', 'm4'], { m5: 'eyes' });
        assert.match(result, /NOT PASSED/);
        await say(102, 'sam-gh', '/decline Too few contributors for now.');
        assert.match(
          bodies(102).find((b) => b.includes('steward:decision'))!,
          /Gadget is declined/,
        );
        assert.equal((await appOf(102)).status, 'DECLINED');
        assert.equal(h.gh.api.repo(ECOSYSTEM).issues.get(102)!.state, 'closed');
        assert.deepEqual(await h.queue.dead(), []);
      });
    } finally {
      await h.close();
    }
  });
}

after(() => cleanupTemp());
