// Landscape and periodic review on GitHub: `/onboard` opens a pull request whose landscape.yml
// diff is the minimal one (only the new entry's lines, with extra.accepted); a project failing its
// review gets one issue, edited as the failures change and closed when it is fixed; a retired
// project gets a pull request adding `project: archived` and its day as `extra.archived`, and
// nothing else.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { newProject } from '../../src/process/projects.js';
import { loadDefaultPolicy } from '../../src/policy/load.js';
import type { Project } from '../../src/process/types.js';
import { getDoc, insertDoc, updateDoc } from '../../src/store/index.js';
import { SAMPLE_ISSUES, toGhIssue } from '../support/issue-export.js';
import { addedLines, KORNIA, landscapeYml, OLD_VISION } from '../support/landscape.js';
import { cleanupTemp } from '../support/repo.js';
import { commentPayload, ECOSYSTEM, INSTALLATION, LANDSCAPE, sender, startHarness, type Harness } from './harness.js';

let h: Harness;
before(async () => {
  h = await startHarness({ members: 3 });
  h.gh.addRepo({ owner: 'example-fdn', name: 'landscape', stars: 0 });
  h.gh.api.setFile(LANDSCAPE, 'main', 'landscape.yml', LANDSCAPE_YML);
});
after(async () => {
  await h.close();
  cleanupTemp();
});

const LANDSCAPE_YML = landscapeYml([KORNIA, OLD_VISION]);

test('/onboard opens a landscape pull request whose diff is only the new entry, with extra.accepted', async () => {
  const beta = SAMPLE_ISSUES.find((s) => s.name === 'Beta')!;
  const g = toGhIssue(beta, ECOSYSTEM);
  h.gh.api.addIssue(ECOSYSTEM, { number: beta.number, title: g.title, body: g.body ?? '', user: g.user!.login, labels: beta.labels, state: 'open', created_at: beta.created, updated_at: beta.closed!, closed_at: null });
  await h.deliver('installation', { action: 'created', installation: { id: INSTALLATION }, repositories: [{ full_name: ECOSYSTEM }], sender: sender('sam-gh') });
  await h.settle();
  const r = await h.deliver('issue_comment', commentPayload(h, beta.number, 'sam-gh', '/onboard Modeling / Computer Vision'));
  assert.equal(r.status, 202);
  await h.settle();
  const [pr] = h.gh.api.pulls(LANDSCAPE);
  assert.ok(pr, 'a pull request was opened');
  assert.equal(pr!.base, 'main');
  const after = h.gh.api.file(LANDSCAPE, pr!.head, 'landscape.yml')!;
  const added = addedLines(LANDSCAPE_YML, after);
  assert.ok(added.some((l) => /^\s+name: Beta$/.test(l)), added.join('\n'));
  assert.ok(added.some((l) => /accepted: ['"]?2025-05-15/.test(l)), added.join('\n'));
  assert.ok(added.some((l) => /logo: beta\.svg/.test(l)));
  assert.ok(added.length <= 10, `${added.length} lines added`);
  assert.equal(h.gh.api.file(LANDSCAPE, 'main', 'landscape.yml'), LANDSCAPE_YML, 'main is untouched');
  assert.match(h.gh.api.comments(ECOSYSTEM, beta.number).at(-1)!.body, new RegExp(`${LANDSCAPE}#${pr!.number}`));
  // the same command again opens nothing new
  await h.deliver('issue_comment', commentPayload(h, beta.number, 'sam-gh', '/onboard Modeling / Computer Vision'));
  await h.settle();
  assert.equal(h.gh.api.pulls(LANDSCAPE).length, 1);
});

test('a failing review: one issue, edited as it changes, closed when fixed; a retirement: project: archived and extra.archived', async () => {
  const rules = loadDefaultPolicy().process;
  const p: Project = {
    ...newProject({ id: 'old-vision', name: 'Old Vision', repoUrl: 'https://github.com/acme/old-vision', contacts: [], acceptedOn: '2025-05-01', origin: 'import' }, rules, '2026-11-01'),
    landscapeId: 'modeling--computer-vision--old-vision',
    pending: { dueOn: '2026-11-01', noticeOn: '2026-11-01', deadlineOn: '2026-12-01', failures: [{ id: 12, key: 'contributors', summary: '2 contributors in 90 days (5 needed)' }], reminded: false, checkedOn: '2026-11-01' },
  };
  await insertDoc(h.store.db, 'projects', { id: p.id, status: p.status, sort: p.reviewDueOn }, p, '2026-11-01T00:00:00Z');
  const issuesBefore = h.gh.api.repo(ECOSYSTEM).issues.size;
  const first = await h.runtime.syncReviews();
  assert.deepEqual(first.opened, ['old-vision']);
  await h.runtime.syncReviews();
  assert.equal(h.gh.api.repo(ECOSYSTEM).issues.size, issuesBefore + 1, 'one issue');
  const issue = [...h.gh.api.repo(ECOSYSTEM).issues.values()].find((i) => i.title.startsWith('[Review] Old Vision'))!;
  assert.match(issue.body, /by \*\*2026-12-01\*\*/);
  assert.match(issue.body, /12\. contributors: 2 contributors in 90 days/);

  const change = async (fn: (p: Project) => Project) => {
    const cur = (await getDoc<Project>(h.store.db, 'projects', p.id))!;
    const next = fn(cur.doc);
    await updateDoc(h.store.db, 'projects', { id: next.id, status: next.status, sort: next.reviewDueOn }, next, cur.version, '2026-11-20T00:00:00Z');
  };
  await change((x) => ({ ...x, pending: { ...x.pending!, failures: [...x.pending!.failures, { id: 13, key: 'commits', summary: '12 commits in 90 days (30 needed)' }] } }));
  assert.deepEqual((await h.runtime.syncReviews()).updated, ['old-vision']);
  assert.match(issue.body, /13\. commits/);
  assert.match(issue.title, /2 requirements failing/);

  await change(({ pending: _p, ...x }) => ({ ...x, lastReviewOn: '2026-11-25', reviewDueOn: '2027-05-25' }));
  assert.deepEqual((await h.runtime.syncReviews()).closed, ['old-vision']);
  assert.equal(issue.state, 'closed');
  assert.equal(h.gh.api.repo(ECOSYSTEM).issues.size, issuesBefore + 1);

  await change((x) => ({ ...x, status: 'RETIRED', retiredOn: '2026-12-15', retiredReason: 'failing its review at the deadline' }));
  assert.deepEqual((await h.runtime.syncReviews()).retirementPrs, ['old-vision']);
  const pr = h.gh.api.pulls(LANDSCAPE).find((x) => x.title.startsWith('Retire Old Vision'))!;
  const added = addedLines(LANDSCAPE_YML, h.gh.api.file(LANDSCAPE, pr.head, 'landscape.yml')!);
  assert.deepEqual(added.map((l) => l.trim()), ['project: archived', 'extra:', "archived: '2026-12-15'"]);
  assert.match(pr.body, /extra\.archived/);
  await h.runtime.syncReviews();
  assert.equal(h.gh.api.pulls(LANDSCAPE).filter((x) => x.title.startsWith('Retire')).length, 1, 'opened once');
});
