// Pages over the process's own computations: waivers on the application and project pages
// (recorded and revoked by staff through a form, the report rows exempt with the reason), the
// inbox as `steward inbox` computes it, the public log of decisions, and the self-check's path.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { importLandscape } from '../../src/process/engine-import.js';
import { inbox } from '../../src/process/inbox.js';
import { STAFF } from '../process/helpers.js';
import { createSession } from '../../src/server/auth/records.js';
import type { JobQueue } from '../../src/jobs/queue.js';
import { SELF_CHECK_JOB, selfCheckPath } from '../../src/server/self-check.js';
import { evaluateWorkingCi } from '../../src/requirements/working-ci.js';
import { insertReport } from '../../src/store/index.js';
import { fakeReport } from '../process/fake-report.js';
import { makeEvidence } from '../support/evidence.js';
import { as, CSRF, formBody, seeded } from './seed.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
const row = (html: string, id: number) => text(new RegExp(`<tr id="req-${id}">([\\s\\S]*?)</tr>`).exec(html)?.[1] ?? '');

test('waivers: shown on the project and application pages, recorded and revoked by staff through the form; report rows exempt with the reason while in force', async () => {
  const s = await seeded();
  try {
    // the seeded W1 on lumen, publicly
    const pub = await (await s.app.request('/projects/lumen')).text();
    assert.match(text(pub), /18\. CODEOWNERS The maintainers are listed in MAINTAINERS\.md.* by the working group in S1 .*in force/);
    assert.match(row(pub, 18), /exempt: The maintainers are listed in MAINTAINERS\.md/);
    assert.doesNotMatch(pub, /Record a waiver/);
    const api = (await (await s.app.request('/api/projects/lumen/report')).json()) as {
      requirements: { id: number; status: string }[];
      waivers: { id: string; state: string }[];
    };
    assert.equal(api.requirements.find((r) => r.id === 18)!.status, 'exempt');
    assert.deepEqual(
      api.waivers.map((w) => [w.id, w.state]),
      [['W1', 'in force']],
    );

    const staff = await as(s, 'staff');
    const before = row(await (await s.app.request('/applications/10', { headers: staff })).text(), 6);
    assert.doesNotMatch(before, /exempt/);
    const rec = await s.app.request('/applications/10/waivers', {
      method: 'POST',
      headers: { ...staff, ...FORM },
      body: formBody({
        requirement: '6',
        reason: 'docs move to the new site next month',
        decidedBy: 'the working group',
        decidedIn: 'S2',
        until: '',
      }),
    });
    assert.equal(rec.status, 303);
    const page = await (await s.app.request('/applications/10', { headers: staff })).text();
    assert.match(
      row(page, 6),
      /exempt: docs move to the new site next month \(waiver W3, decided by the working group in S2, until the first periodic review\)/,
    );
    assert.match(text(page), /6\. Documentation docs move to the new site next month .* the first periodic review in force/);
    // a refusal of the engine is the page's answer, with its reason
    const bad = await s.app.request('/applications/10/waivers', {
      method: 'POST',
      headers: { ...staff, ...FORM },
      body: formBody({ requirement: '42', reason: 'x', decidedBy: 'wg', decidedIn: 'S2' }),
    });
    assert.equal(bad.status, 400);
    assert.match(text(await bad.text()), /expected a requirement number 1–19/);

    const rev = await s.app.request('/waivers/W3/revoke', {
      method: 'POST',
      headers: { ...staff, ...FORM },
      body: formBody({ reason: 'the docs are up', subject: 'application:10' }),
    });
    assert.equal(rev.status, 303);
    assert.equal(rev.headers.get('location'), '/applications/10#waivers-h');
    const after = await (await s.app.request('/applications/10', { headers: staff })).text();
    assert.doesNotMatch(row(after, 6), /exempt/);
    assert.match(text(after), /revoked by sam on \d{4}-\d\d-\d\d: the docs are up/);

    // the applicant sees the waivers of their own application, without the staff forms
    const ann = await (await s.app.request('/applications/8', { headers: await as(s, 'applicant') })).text();
    assert.match(text(ann), /14\. Stars A niche field/);
    assert.doesNotMatch(ann, /Record a waiver|Revoke/);
  } finally {
    await s.close();
  }
});

test('the inbox page lists what src/process/inbox.ts computes for the signed-in person, linked to where it is done', async () => {
  const s = await seeded();
  try {
    // olga has not voted on application 8; sam has the staff's work; ann a question to answer
    for (const [who, role] of [
      ['olga', 'member'],
      ['sam', 'staff'],
      ['ann', 'applicant'],
    ] as const) {
      const headers = { cookie: `steward_session=${await createSession(s.store.db, who, new Date())}` };
      const html = await (await s.app.request('/inbox', { headers })).text();
      const items = await inbox(s.ctx.engine, { id: who, role });
      assert.ok(items.length > 0, `${who} has something waiting in the seed`);
      for (const i of items) assert.ok(text(html).includes(i.text), `${who}'s inbox page lacks: ${i.text}`);
    }
    const staffPage = await (await s.app.request('/inbox', { headers: await as(s, 'staff') })).text();
    assert.match(staffPage, /<a href="\/applications\/10">open the vote on application 10/);
  } finally {
    await s.close();
  }
});

test('self-check folder: a repository-relative path is queued with the URL; absolute paths, .. and backslashes are refused with the reason', async () => {
  assert.deepEqual(selfCheckPath(''), {});
  assert.deepEqual(selfCheckPath(' packages/vision/ '), { path: 'packages/vision' });
  for (const [p, why] of [
    ['/etc/passwd', /is absolute/],
    ['~/secrets', /is absolute/],
    ['C:/Windows', /is absolute/],
    ['C:\\Windows', /is absolute|backslash/],
    ['sub\\..\\..', /backslash/],
    ['../../etc', /\. or \.\. segment/],
    ['a/./b', /\. or \.\. segment/],
    ['a//b', /empty segment/],
    ['a\nb', /control character/],
    ['x'.repeat(201), /longer than 200/],
  ] as const) {
    const r = selfCheckPath(p);
    assert.ok('refused' in r, `${JSON.stringify(p)} should be refused`);
    assert.match(r.refused, why);
  }
  const queued: { data: unknown; opts: unknown }[] = [];
  const jobs = {
    enqueue: async (_name: string, data: unknown, opts: unknown) => (queued.push({ data, opts }), `job-${queued.length}`),
    get: async () => undefined,
  } as unknown as JobQueue;
  const s = await seeded({ jobs });
  try {
    const post = (fields: Record<string, string>) =>
      s.app.request('/self-check', { method: 'POST', headers: { cookie: `steward_csrf=${CSRF}`, ...FORM }, body: formBody(fields) });
    const refused = await post({ repo: 'https://github.com/demo-org/lumen', path: '../../etc' });
    assert.equal(refused.status, 400);
    const page = text(await refused.text());
    assert.match(page, /That folder is refused: the path "\.\.\/\.\.\/etc" has a \. or \.\. segment/);
    assert.match(page, /value="\.\.\/\.\.\/etc"|Folder in the repository/);
    assert.equal((await post({ repo: 'https://github.com/demo-org/lumen', path: '/etc' })).status, 400);
    assert.equal(queued.length, 0);
    const ok = await post({ repo: 'https://github.com/demo-org/lumen', path: 'packages/vision' });
    assert.equal(ok.status, 303);
    assert.equal(ok.headers.get('location'), '/self-check/job-1');
    assert.deepEqual(
      { ...(queued[0]!.data as object), requestedAt: 'x' },
      { url: 'https://github.com/demo-org/lumen', path: 'packages/vision', requestedAt: 'x' },
    );
    assert.deepEqual(queued[0]!.opts, { singletonKey: 'https://github.com/demo-org/lumen packages/vision', retryLimit: 1 });
  } finally {
    await s.close();
  }
});

test("a self-check's report says what its visitor can do where the checker's fix is advice on how to run it (the CLI's --offline)", async () => {
  // the real rule over a workflow that runs on push, the runs not readable (GitHub refused): its fix is the CLI's
  const evidence = makeEvidence();
  evidence.ci.workflows = [
    { file: '.github/workflows/ci.yml', system: 'github-actions', triggers: ['push'], runners: ['ubuntu-latest'], os: ['linux'] },
  ];
  evidence.online = { errors: { github: 'rate limited (test)' } };
  const { message: _message, ...ci } = evaluateWorkingCi(evidence);
  assert.match(ci.fix ?? '', /without --offline/, "the report keeps the CLI's words");
  const { report } = fakeReport({ commits: 40, asOf: new Date('2026-11-27T00:00:00Z'), repo: 'https://github.com/demo-org/lumen' });
  report.requirements = report.requirements.map((q) => (q.key === 'working-ci' ? { ...q, ...ci } : q));
  const jobs = {
    get: async (id: string) =>
      id === 'job-7'
        ? { id, name: SELF_CHECK_JOB, state: 'completed', data: { url: 'https://github.com/demo-org/lumen', requestedAt: 'x' } }
        : undefined,
  } as unknown as JobQueue;
  const s = await seeded({ jobs });
  try {
    await insertReport(
      s.store.db,
      { kind: 'self-check', subject: 'self-check:job-7', repoKey: 'github.com/demo-org/lumen', report },
      new Date().toISOString(),
    );
    const res = await s.app.request('/self-check/job-7');
    assert.equal(res.status, 200);
    const html = await res.text();
    const ciRow = row(html, report.requirements.find((q) => q.key === 'working-ci')!.id);
    assert.match(ciRow, /run status unknown \(rate limited \(test\)\)/);
    assert.doesNotMatch(html, /--offline|Run the check with GitHub access/);
    assert.match(ciRow, /Fix: .*check again later/);
  } finally {
    await s.close();
  }
});

test('the public log of decisions: acceptances, joining, waivers on projects and retirements, and nothing of the working group’s own (declines, ballots, questions, e-mails, waivers on applications)', async () => {
  const s = await seeded();
  try {
    const staff = await as(s, 'staff');
    assert.equal(
      (
        await s.app.request('/staff/retire', {
          method: 'POST',
          headers: { ...staff, ...FORM },
          body: formBody({ project: 'lumen', reason: 'archived upstream' }),
        })
      ).status,
      303,
    );
    const { decisions } = (await (await s.app.request('/api/decisions')).json()) as {
      decisions: { kind: string; project: string | null; text: string }[];
    };
    const kinds = decisions.map((d) => d.kind);
    for (const k of ['retired', 'waiver', 'joined', 'accepted']) assert.ok(kinds.includes(k), `the log has a ${k} entry`);
    assert.match(decisions[0]!.text, /^lumen retired: archived upstream$/);
    assert.ok(
      decisions.some((d) =>
        /^Lumen accepted: Meets the requirements; strong contributor base\. \(4 of 5 members approved; 3 needed\)$/.test(d.text),
      ),
    );
    const html = await (await s.app.request('/decisions')).text();
    const all = JSON.stringify(decisions) + text(html);
    for (const secret of [
      'Marlin',
      'Nimbus',
      'Too few active contributors',
      'Which PyTorch releases',
      'A niche field',
      '@',
      'mia',
      'noah',
      'sam',
      'vote.cast',
      'ballots',
    ]) {
      assert.ok(!all.includes(secret), `the public log shows ${JSON.stringify(secret)}`);
    }
    // the whole audit log stays the working group's
    assert.equal((await s.app.request('/audit', { headers: await as(s, 'applicant') })).status, 403);
  } finally {
    await s.close();
  }
});

test('the projects page lists the landscape categories in order and the projects not yet on it last, as its filter does', async () => {
  const item = (name: string, category: string, line: number) => ({
    id: `${category.toLowerCase()}--x--${name}`,
    name,
    category,
    subcategory: 'X',
    homepage_url: '',
    repo_url: `https://github.com/example/${name}`,
    logo: 'x.svg',
    extra: { accepted: '2026-01-01' },
    line,
  });
  const probe = await seeded();
  const base = probe.ctx.landscape!;
  await probe.close();
  // the site's landscape holds Training (after "Not yet on the landscape" in the alphabet); the
  // project "orphan" is known to the process but not to that landscape
  const training = item('trainer', 'Training', 2);
  const s = await seeded({ landscape: { ...base, items: [...base.items, training] } });
  try {
    await importLandscape(s.ctx.engine, STAFF, {
      file: 'landscape.yml',
      format: 'landscape',
      categories: [],
      problems: [],
      items: [training, item('orphan', 'Elsewhere', 3)],
    });
    const html = await (await s.app.request('/?status=all')).text();
    const sections = [...html.matchAll(/<h2 id="cat-[^"]*">([^<]+)<\/h2>/g)].map((m) => m[1]);
    const options = [...html.matchAll(/<option value="([^"]+)"[^>]*>[^<]*<\/option>/g)]
      .map((m) => m[1])
      .filter((v) => !['active', 'retired', 'all'].includes(v!));
    assert.deepEqual(sections, ['Modeling', 'Training', 'Not yet on the landscape']);
    assert.deepEqual(options, sections);
  } finally {
    await s.close();
  }
});

test('the review chart of a project reviewed on one day names that day once, under its point', async () => {
  const { HistoryChart } = await import('../../src/server/views/chart.js');
  const point = (asOf: string, commits: number) =>
    ({ reportId: 1, asOf, kind: 'review', verdict: 'pass', commits, contributors: 5 }) as never;
  const svg = (html: string) => /<svg[\s\S]*<\/svg>/.exec(html)![0];
  const one = svg(String(HistoryChart({ points: [point('2026-12-01T10:00:00Z', 64)] })));
  assert.equal(one.match(/>2026-12-01</g)?.length, 1, one);
  const cx = /<circle cx="([\d.]+)"/.exec(one)![1];
  assert.match(one, new RegExp(`<text x="${cx}" [^>]*text-anchor="middle"[^>]*>2026-12-01<`));
  assert.match(one, /<desc[^>]*>On 2026-12-01: commits 64, contributors 5\.</);
  const two = svg(String(HistoryChart({ points: [point('2026-06-01T10:00:00Z', 40), point('2026-12-01T10:00:00Z', 64)] })));
  assert.equal(two.match(/>2026-06-01</g)?.length, 1);
  assert.equal(two.match(/>2026-12-01</g)?.length, 1);
  assert.match(two, /<desc[^>]*>From 2026-06-01 to 2026-12-01: commits 40 to 64, contributors 5 to 5\.</);
});

test("an application's form answers are shown under the form's own questions, in the form's order", async () => {
  const s = await seeded();
  try {
    const html = await (await s.app.request('/applications/10', { headers: await as(s, 'staff') })).text();
    const section = /<h2>Form answers<\/h2>([\s\S]*?)<h2>/.exec(html)![1]!;
    const terms = [...section.matchAll(/<dt>([^<]+)<\/dt>/g)].map((m) => m[1]!.replace(/&#39;/g, "'"));
    assert.ok(terms.length >= 3, section);
    // the applicant answered questions, not field names such as maintenanceCommitment
    assert.ok(terms.includes('Project description'), terms.join(' | '));
    assert.ok(terms.includes('How long do you expect to maintain the project?'), terms.join(' | '));
    assert.ok(!terms.some((t) => /^[a-z]+[A-Z]/.test(t)), terms.join(' | '));
    const { FIELDS } = await import('../../src/process/form/fields.js');
    const order = FIELDS.map((f) => f.label);
    assert.deepEqual(
      terms,
      [...terms].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
    );
  } finally {
    await s.close();
  }
});

test('a page shows an applicant-typed name with its escapes and bidi override made visible, not obeyed', async () => {
  const s = await seeded();
  try {
    const { submitApplication } = await import('../../src/process/engine-applications.js');
    const evil = 'Mallory\u001b[2J \u202Egnp.exe\u2066x';
    const a = await submitApplication(
      s.ctx.engine,
      { id: 'mallory', role: 'applicant' },
      { projectName: evil, repoUrl: 'https://github.com/mallory/gnp', contacts: ['m@example.org'] },
    );
    const html = await (await s.app.request(`/applications/${a.id}`, { headers: await as(s, 'staff') })).text();
    assert.match(html, /Mallory\\u\{1b\}\[2J \\u\{202e\}gnp\.exe\\u\{2066\}x/);
    assert.doesNotMatch(html, /[\u001b\u202a-\u202e\u2066-\u2069]/);
  } finally {
    await s.close();
  }
});

test('an onboarded application whose project was retired says so beside its own status; list answers read as lists; a project not yet reviewed says so', async () => {
  const s = await seeded();
  try {
    const { listApplications } = await import('../../src/process/engine-applications.js');
    const { retireProject } = await import('../../src/process/engine-review.js');
    const apps = await listApplications(s.ctx.engine);
    const onboarded = apps.find((a) => a.projectId);
    assert.ok(onboarded, 'the scenario onboards an application');
    const head = async () => {
      const html = await (await s.app.request(`/applications/${onboarded.id}`, { headers: await as(s, 'staff') })).text();
      return text(/<main[\s\S]*?<\/p>/.exec(html)![0]);
    };
    assert.doesNotMatch(await head(), /project retired/);
    await retireProject(s.ctx.engine, STAFF, onboarded.projectId!, 'The maintainers archived it');
    assert.match(await head(), /· project retired/);

    const { answerText } = await import('../../src/server/views/answer-text.js');
    assert.equal(answerText(['@ada', '@bo']), '@ada, @bo');
    assert.equal(answerText({ pypi: 'widgets', conda: ['conda-forge/widgets'] }), 'pypi: widgets; conda: conda-forge/widgets');
    assert.equal(answerText('as typed'), 'as typed');

    const project = await (await s.app.request(`/projects/${onboarded.projectId}`)).text();
    assert.match(text(project), /Last review (\d{4}-\d{2}-\d{2}|none since acceptance yet)/);
    assert.doesNotMatch(text(project), /Last review —/);
  } finally {
    await s.close();
  }
});
