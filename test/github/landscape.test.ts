// Landscape and periodic review on GitHub: `/onboard` opens a pull request whose landscape.yml
// diff is the minimal one (only the new entry's lines, with extra.accepted) and which adds the
// project's logo (a malformed one is refused); a pull request's logos are checked (missing, not
// SVG, malformed), annotated at their lines; a project failing its
// review gets one issue, edited as the failures change and closed when it is fixed; a retired
// project gets a pull request adding `project: archived` and its day as `extra.archived`, and
// nothing else.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { newProject } from '../../src/process/projects.js';
import { loadDefaultPolicy } from '../../src/policy/load.js';
import { logoSource } from '../../src/github/landscape-pr.js';
import type { Application, Project } from '../../src/process/types.js';
import { getDoc, insertDoc, updateDoc } from '../../src/store/index.js';
import { SAMPLE_ISSUES, toGhIssue } from '../support/issue-export.js';
import { addedLines, KORNIA, landscapeYml, lineOf, logoSvg, OLD_VISION } from '../support/landscape.js';
import { cleanupTemp } from '../support/repo.js';
import { commentPayload, ECOSYSTEM, INSTALLATION, LANDSCAPE, pullRequestPayload, sender, startHarness, type Harness } from './harness.js';

let h: Harness;
before(async () => {
  h = await startHarness({ members: 3 });
  h.gh.addRepo({ owner: 'example-fdn', name: 'landscape', stars: 0 });
  h.gh.api.setFile(LANDSCAPE, 'main', 'landscape.yml', LANDSCAPE_YML);
  h.gh.api.setFile(LANDSCAPE, 'main', 'hosted_logos/kornia.svg', logoSvg('Kornia'));
  h.gh.api.setFile(LANDSCAPE, 'main', 'hosted_logos/old-vision.svg', logoSvg('Old Vision'));
});
after(async () => {
  await h.close();
  cleanupTemp();
});

const LANDSCAPE_YML = landscapeYml([KORNIA, OLD_VISION]);

test('/onboard opens a landscape pull request: the new entry only, with extra.accepted, and the logo added from the project', async () => {
  const beta = SAMPLE_ISSUES.find((s) => s.name === 'Beta')!;
  const g = toGhIssue(beta, ECOSYSTEM);
  h.gh.api.addIssue(ECOSYSTEM, {
    number: beta.number,
    title: g.title,
    body: g.body ?? '',
    user: g.user!.login,
    labels: beta.labels,
    state: 'open',
    created_at: beta.created,
    updated_at: beta.closed!,
    closed_at: null,
  });
  await h.deliver('installation', {
    action: 'created',
    installation: { id: INSTALLATION },
    repositories: [{ full_name: ECOSYSTEM }],
    sender: sender('sam-gh'),
  });
  await h.settle();
  // the project's logo, in its own repository: first malformed, which is refused with why
  h.gh.api.setFile('beta-org/beta', 'main', 'docs/logo.svg', '<svg xmlns="http://www.w3.org/2000/svg">\n<g>\n</svg>\n');
  const link = 'https://github.com/beta-org/beta/blob/main/docs/logo.svg';
  await h.deliver('issue_comment', commentPayload(h, beta.number, 'sam-gh', `/onboard Modeling / Computer Vision logo ${link}`));
  await h.settle();
  assert.match(
    h.gh.api.comments(ECOSYSTEM, beta.number).at(-1)!.body,
    /not carried out: the logo at https:\/\/github\.com\/beta-org\/beta\/blob\/main\/docs\/logo\.svg cannot go into the landscape: is not well-formed XML: <\/svg> where <\/g> was expected .* \(line 3 of logo\.svg\)/,
  );
  assert.equal(h.gh.api.pulls(LANDSCAPE).length, 0, 'no pull request with a bad logo');
  const svg = logoSvg('Beta');
  h.gh.api.setFile('beta-org/beta', 'main', 'docs/logo.svg', svg);
  // opening the pull request fails past the client's retries: the queue's retry goes on from the branch it made
  h.gh.faults.push({ status: 502, path: /\/repos\/example-fdn\/landscape\/pulls$/, times: 5 });
  const r = await h.deliver('issue_comment', commentPayload(h, beta.number, 'sam-gh', `/onboard Modeling / Computer Vision logo ${link}`));
  assert.equal(r.status, 202);
  await h.settle();
  assert.deepEqual(await h.queue.dead(), []);
  assert.deepEqual(
    h.gh.log.filter((l) => l.method === 'POST' && l.path.endsWith('/landscape/pulls')).map((l) => l.status),
    [502, 502, 502, 502, 502, 201],
  );
  assert.equal(h.gh.api.pulls(LANDSCAPE).length, 1, 'one pull request');
  const [pr] = h.gh.api.pulls(LANDSCAPE);
  assert.ok(pr, 'a pull request was opened');
  assert.equal(pr!.base, 'main');
  const after = h.gh.api.file(LANDSCAPE, pr!.head, 'landscape.yml')!;
  const added = addedLines(LANDSCAPE_YML, after);
  assert.ok(
    added.some((l) => /^\s+name: Beta$/.test(l)),
    added.join('\n'),
  );
  assert.ok(
    added.some((l) => /accepted: ['"]?2025-05-15/.test(l)),
    added.join('\n'),
  );
  assert.ok(added.some((l) => /logo: beta\.svg/.test(l)));
  assert.ok(added.length <= 10, `${added.length} lines added`);
  assert.equal(h.gh.api.file(LANDSCAPE, pr!.head, 'hosted_logos/beta.svg'), svg, 'the logo, byte for byte');
  assert.match(
    pr!.body,
    /The logo `hosted_logos\/beta\.svg` is added from https:\/\/github\.com\/beta-org\/beta\/blob\/main\/docs\/logo\.svg/,
  );
  assert.equal(h.gh.api.file(LANDSCAPE, 'main', 'landscape.yml'), LANDSCAPE_YML, 'main is untouched');
  assert.equal(h.gh.api.file(LANDSCAPE, 'main', 'hosted_logos/beta.svg'), undefined);
  assert.match(h.gh.api.comments(ECOSYSTEM, beta.number).at(-1)!.body, new RegExp(`${LANDSCAPE}#${pr!.number}`));
  // the pull request's own check run passes: the entry and its logo are valid
  await h.deliver('pull_request', pullRequestPayload(h, pr!.head, pr!.number));
  await h.settle();
  const run = (h.gh.api.checkRuns(LANDSCAPE) as { head_sha: string; conclusion: string; output: unknown }[]).find(
    (x) => x.head_sha === h.gh.api.headSha(LANDSCAPE, pr!.head),
  )!;
  assert.equal(run.conclusion, 'success', JSON.stringify(run.output));
  // the same command again opens nothing new
  await h.deliver('issue_comment', commentPayload(h, beta.number, 'sam-gh', '/onboard Modeling / Computer Vision'));
  await h.settle();
  assert.equal(h.gh.api.pulls(LANDSCAPE).length, 1);
});

test("where the logo is: a github.com link, a path in the project's repository, a file already in the logos folder", () => {
  const app = { repoUrl: 'https://github.com/acme/widget' } as Application;
  assert.deepEqual(logoSource('https://raw.githubusercontent.com/acme/widget/v1/art/logo.svg', app, 'hosted_logos'), {
    kind: 'repo',
    owner: 'acme',
    repo: 'widget',
    ref: 'v1',
    path: 'art/logo.svg',
    shown: 'https://raw.githubusercontent.com/acme/widget/v1/art/logo.svg',
  });
  assert.deepEqual(logoSource('the SVG is docs/widget.svg.', app, 'hosted_logos'), {
    kind: 'repo',
    owner: 'acme',
    repo: 'widget',
    path: 'docs/widget.svg',
    shown: 'docs/widget.svg in https://github.com/acme/widget',
  });
  assert.deepEqual(logoSource('hosted_logos/widget.svg', app, 'hosted_logos'), { kind: 'landscape', name: 'widget.svg' });
  assert.equal(logoSource('sent by email', app, 'hosted_logos'), undefined);
  assert.throws(() => logoSource('https://cdn.example/logo.svg', app, 'hosted_logos'), /not a file on GitHub/);
  assert.throws(() => logoSource('../../etc/x.svg', app, 'hosted_logos'), /leaves the repository/);
});

test("a pull request's logos are checked: a missing file, a file that is not SVG, a malformed SVG fail at their lines", async () => {
  const item = (name: string, logo: string) => ({
    name,
    homepage_url: `https://${logo.split('.')[0]}.example`,
    repo_url: `https://github.com/acme/${logo.split('.')[0]}`,
    logo,
  });
  const text = landscapeYml([
    KORNIA,
    OLD_VISION,
    item('Absent', 'absent.svg'),
    item('Imposter', 'imposter.svg'),
    item('Broken', 'broken.svg'),
    item('Raster', 'raster.png'),
    item('Fine', 'fine.svg'),
    item('Huge', 'huge.svg'),
  ]);
  h.gh.api.setFile(LANDSCAPE, 'logos', 'landscape.yml', text);
  h.gh.api.setFile(LANDSCAPE, 'logos', 'hosted_logos/imposter.svg', '{"not": "an svg"}\n');
  h.gh.api.setFile(
    LANDSCAPE,
    'logos',
    'hosted_logos/broken.svg',
    '<svg xmlns="http://www.w3.org/2000/svg">\n  <rect width=10 height="10"/>\n</svg>\n',
  );
  h.gh.api.setFile(LANDSCAPE, 'logos', 'hosted_logos/raster.png', 'PNG');
  h.gh.api.setFile(LANDSCAPE, 'logos', 'hosted_logos/fine.svg', logoSvg('Fine'));
  const huge = `<svg>${' '.repeat(2 * 1024 * 1024)}</svg>`;
  h.gh.api.setFile(LANDSCAPE, 'logos', 'hosted_logos/huge.svg', huge);
  const before = h.gh.log.length;
  await h.deliver('pull_request', pullRequestPayload(h, 'logos', 21));
  await h.settle();
  const run = (
    h.gh.api.checkRuns(LANDSCAPE) as {
      head_sha: string;
      conclusion: string;
      output: { annotations: { path: string; start_line: number; annotation_level: string; message: string }[] };
    }[]
  ).find((x) => x.head_sha === h.gh.api.headSha(LANDSCAPE, 'logos'))!;
  assert.equal(run.conclusion, 'failure');
  const at = (level: string) =>
    run.output.annotations.filter((a) => a.annotation_level === level).map((a) => `${a.path}:${a.start_line} ${a.message}`);
  const logoLine = (name: string) => lineOf(text, new RegExp(`logo: ${name.replace('.', '\\.')}$`));
  assert.deepEqual(at('failure'), [
    `landscape.yml:${logoLine('absent.svg')} logo file absent.svg not found in hosted_logos/`,
    `landscape.yml:${logoLine('imposter.svg')} logo imposter.svg: not an SVG document (no <svg> element)`,
    `landscape.yml:${logoLine('imposter.svg')} logo imposter.svg: is not well-formed XML: text before the root element (line 1 of imposter.svg)`,
    `landscape.yml:${logoLine('broken.svg')} logo broken.svg: is not well-formed XML: the tag is malformed (an attribute without a quoted value, a < inside a value, or no closing >) (line 2 of broken.svg)`,
    `landscape.yml:${logoLine('huge.svg')} logo huge.svg is ${huge.length} bytes; an SVG logo over 2097152 bytes is not checked or served`,
    'hosted_logos/broken.svg:2 logo broken.svg: is not well-formed XML: the tag is malformed (an attribute without a quoted value, a < inside a value, or no closing >) (line 2 of broken.svg)',
    'hosted_logos/imposter.svg:1 logo imposter.svg: is not well-formed XML: text before the root element (line 1 of imposter.svg)',
  ]);
  assert.deepEqual(at('warning'), [
    `landscape.yml:${logoLine('raster.png')} logo raster.png is PNG, not SVG: landscape2 and the onboarding checklist expect an SVG`,
  ]);
  // the logos folder listed at the head and the base; of the SVGs the pull request adds, the three of a readable size are read
  const reads = h.gh.log.slice(before).filter((l) => l.method === 'GET' && l.token);
  assert.equal(reads.filter((l) => /\/contents\/hosted_logos\?/.test(l.path)).length, 2);
  assert.equal(reads.filter((l) => /\/git\/blobs\//.test(l.path)).length, 3);
});

test("a logos folder past the contents API's 1 000 entries is listed whole through the trees API", async () => {
  const item = { name: 'Zeta', homepage_url: 'https://zeta.example', repo_url: 'https://github.com/acme/zeta', logo: 'zz-zeta.svg' };
  const text = landscapeYml([KORNIA, item]);
  h.gh.api.setFile(LANDSCAPE, 'many-logos', 'landscape.yml', text);
  // 1 200 logos: zz-zeta.svg sorts last, beyond what one contents listing returns
  for (let i = 0; i < 1200; i++)
    h.gh.api.setFile(LANDSCAPE, 'many-logos', `hosted_logos/logo-${String(i).padStart(4, '0')}.svg`, logoSvg(`L${i}`));
  h.gh.api.setFile(LANDSCAPE, 'many-logos', 'hosted_logos/kornia.svg', logoSvg('Kornia'));
  h.gh.api.setFile(LANDSCAPE, 'many-logos', 'hosted_logos/zz-zeta.svg', logoSvg('Zeta'));
  const before = h.gh.log.length;
  await h.deliver('pull_request', pullRequestPayload(h, 'many-logos', 22));
  await h.settle();
  const run = (h.gh.api.checkRuns(LANDSCAPE) as { head_sha: string; conclusion: string; output: unknown }[]).find(
    (x) => x.head_sha === h.gh.api.headSha(LANDSCAPE, 'many-logos'),
  )!;
  assert.equal(run.conclusion, 'success', JSON.stringify(run.output));
  const reads = h.gh.log.slice(before).filter((l) => l.method === 'GET');
  assert.ok(
    reads.some((l) => /\/git\/trees\//.test(l.path)),
    'the trees API was asked for the folder',
  );
});

test('a failing review: one issue, edited as it changes, closed when fixed; a retirement: project: archived and extra.archived', async () => {
  const rules = loadDefaultPolicy().process;
  const p: Project = {
    ...newProject(
      {
        id: 'old-vision',
        name: 'Old Vision',
        repoUrl: 'https://github.com/acme/old-vision',
        contacts: [],
        acceptedOn: '2025-05-01',
        origin: 'import',
      },
      rules,
      '2026-11-01',
    ),
    landscapeId: 'modeling--computer-vision--old-vision',
    pending: {
      dueOn: '2026-11-01',
      noticeOn: '2026-11-01',
      deadlineOn: '2026-12-01',
      failures: [{ id: 12, key: 'contributors', summary: '2 contributors in 90 days (5 needed)' }],
      reminded: false,
      checkedOn: '2026-11-01',
    },
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
    await updateDoc(
      h.store.db,
      'projects',
      { id: next.id, status: next.status, sort: next.reviewDueOn },
      next,
      cur.version,
      '2026-11-20T00:00:00Z',
    );
  };
  await change((x) => ({
    ...x,
    pending: {
      ...x.pending!,
      failures: [...x.pending!.failures, { id: 13, key: 'commits', summary: '12 commits in 90 days (30 needed)' }],
    },
  }));
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
  assert.deepEqual(
    added.map((l) => l.trim()),
    ['project: archived', 'extra:', "archived: '2026-12-15'"],
  );
  assert.match(pr.body, /extra\.archived/);
  await h.runtime.syncReviews();
  assert.equal(h.gh.api.pulls(LANDSCAPE).filter((x) => x.title.startsWith('Retire')).length, 1, 'opened once');
});
