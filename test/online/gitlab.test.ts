// The GitLab source over real HTTP against a small loopback stand-in for the REST API v4
// (shapes from docs.gitlab.com/api: projects, pipelines, releases, group projects with
// x-next-page): facts, a rejected token, pipeline failure, group listing across pages, 304s.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createOnlineSession, gatherOnline, listOwnerRepositories } from '../../src/evidence/online/index.js';
import { tempDir, cleanupTemp } from '../support/repo.js';
import { sendJsonWithEtag } from '../support/loopback.js';

let server: Server;
let base = '';
const log: { path: string; status: number }[] = [];
let pipelineStatus = 'success';
let failPipelines = false;

function route(path: string, search: URLSearchParams): [number, unknown, Record<string, string>?] {
  const project = {
    id: 42,
    path_with_namespace: 'grp/sub/proj',
    web_url: 'https://gitlab.com/grp/sub/proj',
    star_count: 212,
    archived: false,
    default_branch: 'main',
    last_activity_at: '2026-11-20T00:00:00Z',
    license: { key: 'apache-2.0', name: 'Apache License 2.0' },
  };
  if (path === '/api/v4/projects/grp%2Fsub%2Fproj') return [200, project];
  if (path === '/api/v4/projects/42/pipelines') {
    if (failPipelines) return [502, { message: 'bad gateway' }];
    assert.equal(search.get('ref'), 'main');
    return [
      200,
      [
        {
          id: 3,
          status: 'running',
          ref: 'main',
          sha: 'c',
          web_url: 'https://gitlab.com/grp/sub/proj/-/pipelines/3',
          updated_at: '2026-11-21T00:00:00Z',
        },
        {
          id: 2,
          status: pipelineStatus,
          ref: 'main',
          sha: 'b',
          web_url: 'https://gitlab.com/grp/sub/proj/-/pipelines/2',
          updated_at: '2026-11-20T00:00:00Z',
        },
      ],
    ];
  }
  if (path === '/api/v4/projects/42/releases')
    return [
      200,
      [
        {
          name: 'Release 2.0',
          tag_name: 'v2.0',
          released_at: '2026-09-01T00:00:00Z',
          _links: { self: 'https://gitlab.com/grp/sub/proj/-/releases/v2.0' },
        },
      ],
    ];
  if (path === '/api/v4/groups/grp/projects') {
    const page = Number(search.get('page') ?? 1);
    const all = Array.from({ length: 130 }, (_, i) => ({
      path_with_namespace: `grp/p${i}`,
      star_count: i === 7 ? 99 : 1,
      archived: i === 8,
    }));
    return [200, all.slice((page - 1) * 100, page * 100), page === 1 ? { 'x-next-page': '2' } : { 'x-next-page': '' }];
  }
  return [404, { message: '404 Project Not Found' }];
}

before(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const entry = { path: url.pathname, status: 0 };
    log.push(entry);
    if (req.headers['private-token'] === 'bad') {
      entry.status = 401;
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end('{"message":"401 Unauthorized"}');
      return;
    }
    const [status, data, headers] = route(url.pathname, url.searchParams);
    entry.status = sendJsonWithEtag(req, res, status, data, {
      weak: true,
      etagOnErrors: true,
      headers: { 'ratelimit-remaining': '1999', ...headers },
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v4`;
});
after(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  cleanupTemp();
});

const target = { host: 'gitlab' as const, slug: 'grp/sub/proj', webUrl: 'https://gitlab.com/grp/sub/proj' };
const session = (cacheDir: string | false = false, gitlabToken?: string) =>
  createOnlineSession({ tokens: [], cacheDir, baseUrls: { gitlab: base }, retryBaseMs: 1, ...(gitlabToken ? { gitlabToken } : {}) });

test('project, latest finished pipeline and release; a second run is all 304s', async () => {
  const dir = tempDir();
  log.length = 0;
  const { online, sources } = await gatherOnline(target, {}, { session: session(dir) });
  assert.deepEqual(online.errors, {});
  const g = online.gitlab!;
  assert.deepEqual([g.stars, g.archived, g.defaultBranch, g.license], [212, false, 'main', 'Apache-2.0']);
  // the running pipeline is skipped: the latest *finished* one counts
  assert.deepEqual(g.lastRun, { conclusion: 'success', at: '2026-11-20T00:00:00Z', url: 'https://gitlab.com/grp/sub/proj/-/pipelines/2' });
  assert.equal(g.latestRelease?.name, 'Release 2.0');
  const gl = sources.find((s) => s.name === 'gitlab')!;
  assert.deepEqual([gl.requests, gl.billable, gl.rateLimitRemaining], [3, 3, 1999]);
  const again = await gatherOnline(target, {}, { session: session(dir) });
  assert.deepEqual(again.online.gitlab, g);
  assert.deepEqual(again.sources.find((s) => s.name === 'gitlab')!.billable, 0);
});

test('a failed pipeline reads as failure; pipelines down leave only working-ci unknown', async () => {
  pipelineStatus = 'failed';
  const { online } = await gatherOnline(target, {}, { session: session() });
  assert.equal(online.gitlab?.lastRun?.conclusion, 'failure');
  pipelineStatus = 'success';
  failPipelines = true;
  const down = await gatherOnline(target, {}, { session: session() });
  failPipelines = false;
  assert.deepEqual(Object.keys(down.online.errors), ['gitlab/pipelines']);
  assert.equal(down.online.gitlab?.stars, 212);
});

test('a rejected GitLab token is one clear error; an unknown project says so', async () => {
  await assert.rejects(gatherOnline(target, {}, { session: session(false, 'bad') }), {
    name: 'GitLabAuthError',
    message: /GitLab rejected the token from GITLAB_TOKEN \(401\)/,
  });
  const missing = await gatherOnline({ ...target, slug: 'grp/none' }, {}, { session: session() });
  assert.match(missing.online.errors.gitlab ?? '', /grp\/none does not exist on GitLab/);
});

test('a group lists its projects across pages, archived ones left out, most starred first', async () => {
  const names = await listOwnerRepositories('gitlab', 'grp', { session: session() });
  assert.equal(names.length, 129);
  assert.equal(names[0], 'grp/p7');
  assert.ok(!names.includes('grp/p8'));
});
