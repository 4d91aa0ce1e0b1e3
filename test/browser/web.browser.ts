/// <reference lib="dom" />
// The web app in a real browser (Debian's chromium driven by playwright-core) over the generated
// demo: a member signs in and votes and watches the tally move (also when a ballot arrives through
// the engine, as from the CLI); staff closes the vote, records the decision and onboards the
// project, which then appears publicly and shows retired after retirement; the self-check page
// renders a report for a repository served by a git server on loopback. Every page is screenshot
// at 375 and 1440 px (test/browser/screenshots/, not committed), walked with the keyboard, and
// checked with axe-core for serious or critical violations.
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildDemo, DEMO_PASSWORD, type DemoWorld } from '../../src/demo/build.js';
import { createEngine } from '../../src/process/engine.js';
import { castVote } from '../../src/process/engine-applications.js';
import { startServer } from '../../src/server/start.js';
import { openStore } from '../../src/store/index.js';
import { FakeGitHub } from '../support/fake-github.js';
import { CI_WORKFLOW, wellKeptPyproject } from '../../src/demo/project-files.js';
import { buildRepo, cleanupTemp, tempDir } from '../support/repo.js';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let world: DemoWorld;
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let gh: FakeGitHub;
const VOTE_OPEN = '8';

before(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium; .ci/run does)`);
  world = await buildDemo({ dir: tempDir('steward-browser-'), projects: 8 });
  // the self-check's repository: a bare copy of a generated one, on a git server on loopback
  const gitRoot = tempDir('steward-git-root-');
  mkdirSync(join(gitRoot, 'demo-org'), { recursive: true });
  // a real history (60 commits by 4 people over 120 days, a project in a sub folder): a partial
  // clone then fetches blobs in a second request, which the stand-in must serve as GitHub does
  const people = ['Ana Lima', 'Bo Chen', 'Chidi Okafor', 'Dana Weiss'].map((name) => ({
    name,
    email: `${name.split(' ')[0]!.toLowerCase()}@example.org`,
  }));
  await buildRepo(
    {
      bare: true,
      commits: Array.from({ length: 60 }, (_, i) => ({
        date: new Date(Date.now() - (121 - i * 2) * 86_400_000),
        author: people[i % people.length]!,
        files:
          i === 0
            ? {
                'README.md': '# selfcheck\n\nA small PyTorch library.\n',
                'pyproject.toml': wellKeptPyproject('selfcheck'),
                '.github/workflows/ci.yml': CI_WORKFLOW,
                LICENSE: 'MIT License\n',
                'packages/vision/README.md': '# selfcheck-vision\n\nImage models for selfcheck.\n',
                'packages/vision/pyproject.toml': wellKeptPyproject('selfcheck-vision'),
              }
            : { [i % 2 ? 'src/selfcheck/core.py' : 'packages/vision/src/model.py']: `# change ${i}\nVALUE = ${i}\n` },
      })),
    },
    join(gitRoot, 'demo-org', 'selfcheck.git'),
  );
  gh = new FakeGitHub({ gitRoot });
  await gh.start();
  gh.addRepo({ owner: 'demo-org', name: 'selfcheck', stars: 420 });
  Object.assign(process.env, {
    STEWARD_GITHUB_API_URL: gh.url,
    STEWARD_CLONE_BASE_URLS: `github.com=${gh.url}/git`,
    STEWARD_PYPI_URL: `${gh.url}/pypi`,
    STEWARD_CONDA_API_URL: `${gh.url}/conda`,
    XDG_CACHE_HOME: tempDir('steward-cache-'),
  });
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: world.dataDir,
    landscapeFile: world.landscapeFile,
    logosDir: world.logosDir,
    env: { ...process.env, DATABASE_URL: '' },
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    // launch() starts each run on a new empty profile of its own (it refuses a --user-data-dir here)
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
  await gh?.stop();
  cleanupTemp();
});

async function signIn(user: string): Promise<Page> {
  const ctx = await browser.newContext({ bypassCSP: true, viewport: { width: 1440, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(`${server.url}/login`);
  // by keyboard: the form must work without a mouse
  await page.locator('#user').focus();
  await page.keyboard.type(user);
  await page.keyboard.press('Tab');
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/inbox$/);
  return page;
}

const approvals = (page: Page) => page.locator('[data-k=approvals]').textContent();

test('a member signs in, votes, and sees the tally change, also when a ballot arrives through the engine', async () => {
  const page = await signIn('olga');
  await page.goto(`${server.url}/applications/${VOTE_OPEN}`);
  assert.equal(await approvals(page), '1');
  await page.getByLabel('approve').check();
  await page.getByRole('button', { name: 'Cast ballot' }).click();
  await page.waitForURL(new RegExp(`/applications/${VOTE_OPEN}$`));
  assert.equal(await approvals(page), '2');
  assert.match((await page.locator('[data-k=pending]').textContent()) ?? '', /^pete, quinn$/);
  // pete votes through the engine (what `steward vote cast` does), into the same ballot store
  const store = await openStore({ dataDir: world.dataDir });
  try {
    await castVote(createEngine({ store }), { id: 'pete', role: 'member' }, VOTE_OPEN, 'approve');
  } finally {
    await store.close();
  }
  await page.waitForFunction(() => document.querySelector('[data-k=approvals]')?.textContent === '3', undefined, { timeout: 15_000 });
  assert.equal(await page.locator('[data-k=pending]').textContent(), 'quinn');
  await page.context().close();
});

test('staff closes the vote, records the decision and onboards: the project appears publicly, and shows retired after retirement', async () => {
  const page = await signIn('sam');
  await page.goto(`${server.url}/applications/${VOTE_OPEN}`);
  await page.getByRole('button', { name: 'Close the vote' }).click();
  await page.waitForURL(new RegExp(`/applications/${VOTE_OPEN}$`));
  assert.match((await page.locator('#vote-h').textContent()) ?? '', /closed/);
  await page.getByLabel('Reason').fill('Three of five approved; meets the requirements.');
  await page.getByRole('button', { name: 'Record the decision' }).click();
  await page.waitForURL(new RegExp(`/applications/${VOTE_OPEN}$`));
  assert.match(await page.locator('main').innerText(), /accepted on/);
  await page.getByRole('button', { name: 'Start onboarding' }).click();
  await page.waitForURL(new RegExp(`/applications/${VOTE_OPEN}$`));
  const anon = await (await browser.newContext({ bypassCSP: true })).newPage();
  await anon.goto(`${server.url}/?q=rook`);
  assert.match(await anon.locator('main').innerText(), /0 projects/, 'not public before onboarding completes');
  for (let i = 0; i < 6; i++) {
    await page.getByRole('button', { name: 'Mark done' }).first().click();
    await page.waitForURL(new RegExp(`/applications/${VOTE_OPEN}$`));
  }
  await page.getByRole('link', { name: 'rook', exact: true }).click();
  await anon.goto(`${server.url}/?q=rook`);
  assert.match(await anon.locator('main').innerText(), /1 project\b/);
  await anon.getByRole('link', { name: 'Rook' }).click();
  assert.match(await anon.locator('main').innerText(), /active/);
  await page.goto(`${server.url}/staff`);
  await page.getByLabel('Project', { exact: true }).selectOption('rook');
  await page.getByLabel('Reason', { exact: true }).fill('The maintainers archived it.');
  await page.getByRole('button', { name: 'Retire' }).click();
  await page.waitForURL(/\/projects\/rook$/);
  await anon.goto(`${server.url}/projects/rook`);
  assert.match(await anon.locator('main').innerText(), /retired[\s\S]*The maintainers archived it/);
  await anon.goto(`${server.url}/?q=rook&status=retired`);
  assert.match(await anon.locator('main').innerText(), /1 project\b/);
  await anon.context().close();
  await page.context().close();
});

test('staff records a waiver through the form: the report row shows exempt with the reason, and revoking it ends that', async () => {
  const page = await signIn('sam');
  await page.goto(`${server.url}/applications/10`);
  await page.getByLabel('Requirement', { exact: true }).selectOption('6');
  await page.getByLabel('Why it is waived').fill('The docs move to a new site this month.');
  await page.getByLabel('Decided in (session or vote)').fill('S2');
  // the form posts back to the same page: wait for the new one to load
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Record', exact: true }).click()]);
  assert.match(await page.locator('#req-6').innerText(), /exempt[\s\S]*The docs move to a new site this month/);
  await page.getByLabel('Why revoke W3').fill('The new site is up.');
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Revoke' }).click()]);
  assert.match(page.url(), /\/applications\/10#waivers-h$/);
  assert.doesNotMatch(await page.locator('#req-6').innerText(), /exempt/);
  assert.match(await page.locator('section[aria-labelledby=waivers-h]').innerText(), /revoked by sam[\s\S]*The new site is up/);
  await page.context().close();
});

let selfCheckPath = '';

test('the self-check page renders a report for a repository served by a git server on loopback', async () => {
  const page = await (await browser.newContext({ bypassCSP: true })).newPage();
  await page.goto(`${server.url}/self-check`);
  await page.getByLabel('Repository URL').fill('https://github.com/demo-org/selfcheck');
  await page.getByLabel(/Folder in the repository/).fill('packages/vision');
  await page.getByRole('button', { name: 'Check' }).click();
  await page.waitForURL(/\/self-check\/[^/]+$/);
  selfCheckPath = new URL(page.url()).pathname;
  // the page reloads itself when the queued check is done
  await page.waitForSelector('section[aria-label=Report]', { timeout: 90_000 }).catch(async (err) => {
    const state = await (await fetch(`${server.url}/api${selfCheckPath.replace('/self-check/', '/self-checks/')}`)).text();
    throw new Error(`${(err as Error).message}; the self-check is ${state.slice(0, 600)}`);
  });
  const text = await page.locator('main').innerText();
  assert.match(text, /Verdict/);
  // the folder asked for is the one checked, over the whole history the clone fetched
  assert.match(text, /folder packages\/vision/);
  const api = (await (await fetch(`${server.url}/api${selfCheckPath.replace('/self-check/', '/self-checks/')}`)).json()) as {
    path: string;
    report: { requirements: { id: number; measured?: unknown; summary?: string }[] };
  };
  assert.equal(api.path, 'packages/vision');
  assert.match(JSON.stringify(api.report), /selfcheck-vision/);
  // 44 of the 60 commits fall in the 90-day window, by all four people: the history came whole
  const summaries = api.report.requirements.map((r) => r.summary ?? '').join('\n');
  assert.match(summaries, /44 commits in the 90 days/);
  assert.match(summaries, /4 contributors in the 90 days/);
  assert.match(text, /19\s+Code of Conduct|Code of Conduct/);
  assert.equal(await page.locator('section[aria-label=Report] tbody tr').count(), 19);
  await page.goto(`${server.url}/self-check`);
  await page.getByLabel('Repository URL').fill('/etc/passwd');
  await page.getByLabel('Repository URL').evaluate((el) => el.setAttribute('type', 'text'));
  await page.getByRole('button', { name: 'Check' }).click();
  assert.match(await page.locator('main').innerText(), /refused/);
  await page.context().close();
});

test('every page at 375 and 1440 px: screenshots, keyboard navigation, and no serious or critical axe-core violation', async () => {
  const pages: { role: string | null; path: string }[] = [
    { role: null, path: '/' },
    { role: null, path: '/projects/rook' },
    { role: null, path: `/projects/${world.items[0]!.name.toLowerCase()}` },
    { role: null, path: '/self-check' },
    { role: null, path: selfCheckPath || '/self-check' },
    { role: null, path: '/login' },
    { role: null, path: '/decisions' },
    { role: 'sam', path: '/projects/lumen' },
    { role: 'ann', path: '/inbox' },
    { role: 'ann', path: '/applications/9' },
    { role: 'mia', path: '/applications/8' },
    { role: 'sam', path: '/inbox' },
    { role: 'sam', path: '/account' },
    { role: 'sam', path: '/queue' },
    { role: 'sam', path: '/applications/11' },
    { role: 'sam', path: '/applications/1' },
    { role: 'sam', path: '/sessions' },
    { role: 'sam', path: '/sessions/S2' },
    { role: 'sam', path: '/reviews' },
    { role: 'sam', path: '/audit' },
    { role: 'sam', path: '/staff' },
  ];
  const problems: string[] = [];
  const contexts = new Map<string | null, Page>();
  for (const p of pages) {
    let page = contexts.get(p.role);
    if (!page) {
      page = p.role ? await signIn(p.role) : await (await browser.newContext({ bypassCSP: true })).newPage();
      contexts.set(p.role, page);
    }
    for (const width of [375, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      const res = await page.goto(`${server.url}${p.path}`);
      if (res?.status() !== 200) problems.push(`${p.path} as ${p.role ?? 'anonymous'}: HTTP ${res?.status()}`);
      const name = `${p.role ?? 'public'}${p.path.replace(/[^a-z0-9]+/gi, '-')}-${width}.png`.replace(/-+/g, '-');
      await page.screenshot({ path: join(SHOTS, name), fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 1) problems.push(`${p.path} at ${width}px: the page is ${overflow}px wider than the window`);
    }
    // keyboard: Tab from the top stops first at the skip link, then reaches every link, button and field
    const reachable = await page.evaluate(() => {
      const all = [
        ...(document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary') as unknown as HTMLElement[]),
      ].filter((e) => e.offsetParent !== null);
      all.forEach((e, i) => e.setAttribute('data-tab-i', String(i)));
      return all.length;
    });
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => document.activeElement?.textContent?.trim());
    if (first !== 'Skip to content') problems.push(`${p.path}: the first Tab stop is ${JSON.stringify(first)}, expected the skip link`);
    const limit = Math.min(reachable, 60);
    const seen = new Set<string>();
    // radio buttons of one group are one Tab stop (arrow keys move within it)
    const groups = await page.evaluate(
      () =>
        document.querySelectorAll('input[type=radio]').length -
        new Set([...(document.querySelectorAll('input[type=radio]') as unknown as HTMLInputElement[])].map((r) => r.name)).size,
    );
    // a date field is several Tab stops (day, month, year), so a few extra presses
    for (let i = 0; i < limit + 10; i++) {
      const at = await page.evaluate(() => document.activeElement?.getAttribute('data-tab-i') ?? '');
      if (at !== '' && Number(at) < limit) seen.add(at);
      await page.keyboard.press('Tab');
    }
    if (seen.size < limit - groups) problems.push(`${p.path}: Tab reached ${seen.size} of the first ${limit} focusable elements`);
    await page.addScriptTag({ content: AXE });
    const violations = (await page.evaluate(async () => {
      const r = await (
        window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }
      ).axe.run();
      return r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        at: v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', '),
      }));
    })) as { id: string; impact: string; at: string }[];
    for (const v of violations)
      if (v.impact === 'serious' || v.impact === 'critical')
        problems.push(`${p.path} as ${p.role ?? 'anonymous'}: axe ${v.impact} ${v.id} at ${v.at}`);
  }
  for (const page of contexts.values()) await page.context().close();
  assert.deepEqual(problems, []);
});
