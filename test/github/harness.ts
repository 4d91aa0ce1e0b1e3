// The GitHub App under test as it runs in `steward serve`: the real HTTP server (createApp on a
// loopback port) with the App's webhook handler, the durable job queue on a real store (SQLite, or
// a backend of test/store/backends.ts: PostgreSQL with pg-boss), the real checker cloning applicants' repositories from a git server on loopback
// (STEWARD_CLONE_BASE_URLS), and the GitHub stand-in answering the REST API and recording every
// call. Deliveries are signed with the webhook secret and shaped like GitHub's.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { sign } from '@octokit/webhooks-methods';
import { check } from '../../src/check/index.js';
import { startGithubApp, type GithubAppRuntime } from '../../src/github/app.js';
import { openJobQueue, type JobQueue } from '../../src/jobs/index.js';
import { fixedClock } from '../../src/process/calendar.js';
import { createEngine } from '../../src/process/engine.js';
import { renderApplicationBody } from '../../src/process/form/index.js';
import { createApp } from '../../src/server/app.js';
import { listen, type Listening } from '../../src/server/listen.js';
import type { Evaluator } from '../../src/process/engine.js';
import { openStore, upsertPerson, type Store } from '../../src/store/index.js';
import type { Backend } from '../store/backends.js';
import { FakeGitHub } from '../support/fake-github.js';
import { formFields } from '../support/issue-export.js';
import { CI_WORKFLOW, wellKeptPyproject } from '../../src/demo/project-files.js';
import { buildRepo, tempDir } from '../support/repo.js';

export const ECOSYSTEM = 'example-fdn/ecosystem';
export const LANDSCAPE = 'example-fdn/landscape';
export const SECRET = 'webhook-secret-for-tests';
export const APP_ID = '4242';
export const INSTALLATION = 77;

export interface Harness {
  gh: FakeGitHub;
  store: Store;
  queue: JobQueue;
  runtime: GithubAppRuntime;
  server: Listening;
  clock: ReturnType<typeof fixedClock>;
  /** POSTs a signed delivery; returns the HTTP status, the answer and how long it took */
  deliver(
    event: string,
    payload: unknown,
    opts?: { id?: string; secret?: string; signature?: string },
  ): Promise<{ status: number; body: unknown; ms: number; id: string }>;
  /** waits until the queue has done every delivery's work */
  settle(): Promise<void>;
  /** API calls the App made (installation token or JWT), by method and path */
  appCalls(): { method: string; path: string; status: number }[];
  close(): Promise<void>;
}

/** An applicant's repository that passes the check, served at <git>/acme/<name>.git. */
export async function addApplicantRepo(gh: FakeGitHub, gitRoot: string, name: string): Promise<string> {
  mkdirSync(join(gitRoot, 'acme'), { recursive: true });
  await buildRepo(
    {
      bare: true,
      commits: [
        {
          date: '2026-11-01T00:00:00Z',
          files: {
            'README.md': `# ${name}\n\n## Installation\n\n\`\`\`\npip install ${name}\n\`\`\`\n`,
            LICENSE: 'MIT License\n',
            'pyproject.toml': wellKeptPyproject(name),
            '.github/workflows/ci.yml': CI_WORKFLOW,
          },
        },
      ],
    },
    join(gitRoot, 'acme', `${name}.git`),
  );
  gh.addRepo({
    owner: 'acme',
    name,
    stars: 420,
    runs: [{ name: 'ci', workflowId: 1, branch: 'main', conclusion: 'success', updatedAt: '2026-11-20T00:00:00Z' }],
  });
  return `https://github.com/acme/${name}`;
}

export interface HarnessOptions {
  members?: number;
  now?: string;
  writeIntervalMs?: number;
  /** the store (default: SQLite in a temp folder) */
  backend?: Backend;
  /** default: the real checker, cloning from the git server on loopback */
  evaluator?: Evaluator;
  /** the scheduled pass over open votes (default 0: only when a test calls syncVotes) */
  voteSyncEveryMs?: number;
}

export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const gitRoot = tempDir('steward-git-');
  const gh = new FakeGitHub({ gitRoot, apps: { [APP_ID]: { publicKey, installations: [INSTALLATION] } } });
  await gh.start();
  gh.api.installations.set(ECOSYSTEM, INSTALLATION);
  gh.api.installations.set(LANDSCAPE, INSTALLATION);
  process.env.STEWARD_CLONE_BASE_URLS = `github.com=${gh.url}/git`;
  process.env.STEWARD_GITHUB_API_URL = gh.url;
  process.env.XDG_CACHE_HOME = tempDir('steward-cache-');
  // package indexes answer from loopback too (404: not published), never from the internet
  process.env.STEWARD_PYPI_URL = gh.url;
  process.env.STEWARD_CONDA_API_URL = gh.url;
  const store: Store & { dispose?: () => Promise<void> } = opts.backend
    ? await opts.backend.open()
    : await openStore({ dataDir: tempDir('steward-app-') });
  const at = '2026-11-01T00:00:00.000Z';
  await upsertPerson(store.db, { id: 'sam', role: 'staff', email: 'sam@fdn.example', wg: false, tac: false, githubLogin: 'sam-gh' }, at);
  for (let n = 1; n <= (opts.members ?? 9); n++)
    await upsertPerson(store.db, { id: `m${n}`, role: 'member', email: `m${n}@wg.example`, wg: true, tac: false }, at);
  const clock = fixedClock(opts.now ?? '2026-12-01T10:00:00.000Z');
  const log = process.env.STEWARD_TEST_LOG ? (line: string) => process.stderr.write(`${line}\n`) : undefined;
  const queue = await openJobQueue(store, {
    pollMs: 20,
    retryDelayMs: 50,
    maxRetryDelayMs: 200,
    ...(log ? { onError: (w: string, e: unknown) => log(`queue ${w}: ${(e as Error).stack}`) } : {}),
  });
  const runtime = startGithubApp({
    config: { appId: APP_ID, privateKey, webhookSecret: SECRET, ecosystemRepo: ECOSYSTEM, landscapeRepo: LANDSCAPE, apiUrl: gh.url },
    store,
    queue,
    clock,
    evaluator: opts.evaluator ?? ((target, asOf) => check(target.repoUrl, { asOf })),
    tuning: { retryUnitMs: 5, writeIntervalMs: opts.writeIntervalMs ?? 0, notifyIntervalMs: opts.writeIntervalMs ?? 0 },
    voteSyncEveryMs: opts.voteSyncEveryMs ?? 0,
    reminderDays: 3,
    ...(log ? { log } : {}),
  });
  await queue.start();
  const server = await listen(createApp({ store, engine: createEngine({ store }), githubWebhook: runtime.handler }), {
    port: 0,
    host: '127.0.0.1',
  });
  return {
    gh,
    store,
    queue,
    runtime,
    server,
    clock,
    async deliver(event, payload, o = {}) {
      const body = JSON.stringify(payload);
      const id = o.id ?? randomUUID();
      const signature = o.signature ?? (await sign(o.secret ?? SECRET, body));
      const started = performance.now();
      const res = await fetch(`${server.url}/github/webhooks`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-github-event': event,
          'x-github-delivery': id,
          'x-hub-signature-256': signature,
          'user-agent': 'GitHub-Hookshot/test',
        },
        body,
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null, ms: performance.now() - started, id };
    },
    settle: () => queue.drain(),
    appCalls: () =>
      gh.log
        .filter((l) => !l.path.startsWith('/git/') && l.token !== undefined && (/^ghs_/.test(l.token) || l.token.split('.').length === 3))
        .map(({ method, path, status }) => ({ method, path, status })),
    async close() {
      await server.close();
      await runtime.stop();
      await queue.stop({ graceful: true });
      await (store.dispose ? store.dispose() : store.close());
      await gh.stop();
    },
  };
}

const sender = (login: string) => ({ login, id: login.length * 1000, type: 'User' });
const repository = (full: string) => ({
  id: 1,
  full_name: full,
  name: full.split('/')[1],
  owner: { login: full.split('/')[0], type: 'Organization' },
  private: false,
  html_url: `https://github.com/${full}`,
});

/** `issues` payload for an issue of the stand-in, as GitHub sends it after the change. */
export function issuesPayload(h: Harness, action: string, number: number, senderLogin: string, extra: Record<string, unknown> = {}) {
  const issue = h.gh.api.repo(ECOSYSTEM).issues.get(number)!;
  return {
    action,
    issue: h.gh.api.restIssue(ECOSYSTEM, issue),
    repository: repository(ECOSYSTEM),
    sender: sender(senderLogin),
    installation: { id: INSTALLATION },
    ...extra,
  };
}

export function commentPayload(h: Harness, number: number, login: string, body: string) {
  const c = h.gh.api.addComment(ECOSYSTEM, number, login, body);
  const issue = h.gh.api.repo(ECOSYSTEM).issues.get(number)!;
  return {
    action: 'created',
    issue: h.gh.api.restIssue(ECOSYSTEM, issue),
    comment: h.gh.api.restComment(ECOSYSTEM, c),
    repository: repository(ECOSYSTEM),
    sender: sender(login),
    installation: { id: INSTALLATION },
  };
}

export function openApplication(
  h: Harness,
  number: number,
  name: string,
  repoUrl: string,
  author = `${name.toLowerCase()}-dev`,
  body?: string,
) {
  h.gh.api.addIssue(ECOSYSTEM, {
    number,
    title: `[Ecosystem] ${name}`,
    user: author,
    body: body ?? renderApplicationBody(formFields(name, repoUrl)),
    labels: ['New'],
  });
  return issuesPayload(h, 'opened', number, author);
}

/** `pull_request` payload for a branch of the landscape repository of the stand-in. */
export function pullRequestPayload(h: Harness, branch: string, n: number, action = 'opened') {
  return {
    action,
    number: n,
    pull_request: {
      number: n,
      head: { ref: branch, sha: h.gh.api.headSha(LANDSCAPE, branch), repo: { full_name: LANDSCAPE } },
      base: { ref: 'main', sha: h.gh.api.headSha(LANDSCAPE, 'main'), repo: { full_name: LANDSCAPE } },
    },
    repository: repository(LANDSCAPE),
    sender: sender('contributor'),
    installation: { id: INSTALLATION },
  };
}

export { repository, sender };
