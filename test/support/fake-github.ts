// A stand-in for GitHub on loopback that answers the requests steward makes the way GitHub does
// (shapes from docs.github.com REST "Repositories", "Workflow runs", "Apps: installation access
// token" and the GraphQL reference): ETags and 304s that cost no rate limit, per-token rate-limit
// headers, 401 Bad credentials, Link pagination, GraphQL partial errors (NOT_FOUND), and faults
// on demand: 502s, 403 secondary rate limits and abuse limits with Retry-After, dropped
// connections. It can also serve real git repositories over smart HTTP (git http-backend).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createHash, createVerify } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { closeServer, listenOnLoopback, takeFault } from './loopback.js';
import { FakeIssuesApi } from './fake-github-issues.js';

export interface FakeRun {
  name: string;
  workflowId: number;
  branch: string;
  conclusion: 'success' | 'failure' | 'cancelled' | null;
  status?: 'completed' | 'in_progress';
  updatedAt: string;
}

export interface FakeRepo {
  owner: string;
  name: string;
  stars: number;
  archived?: boolean;
  defaultBranch?: string;
  license?: string;
  pushedAt?: string;
  headOid?: string;
  committedDate?: string;
  rollup?: 'SUCCESS' | 'FAILURE' | 'PENDING' | 'ERROR';
  runs?: FakeRun[];
  latestRelease?: { name: string; tagName: string; publishedAt: string };
  codeOfConduct?: { key: string; name: string };
  contributing?: boolean;
  /** files by path (used for the `.github` repository's community files) */
  files?: Record<string, string>;
  authors?: { email: string; login: string | null }[];
}

export type Fault =
  | { status: 502 | 500 | 503; path?: RegExp; times?: number }
  | { status: 403 | 429; kind: 'secondary' | 'abuse'; retryAfter: number; path?: RegExp; times?: number }
  | { status: 'reset'; path?: RegExp; times?: number };

export interface FakeGitHubOptions {
  /** valid tokens and their budgets (default limit 5000); requests without a token get `anonymousLimit` */
  tokens?: Record<string, { limit?: number; remaining?: number }>;
  anonymousLimit?: number;
  latencyMs?: number;
  /** the rate-limit window in seconds (GitHub: an hour) */
  windowS?: number;
  /** a directory of bare repositories served at /git/OWNER/NAME.git */
  gitRoot?: string;
  /**
   * Serve fetches by running `git upload-pack --stateless-rpc` itself instead of through
   * `git http-backend` (one git process fewer per request: the benchmarks' server costs less of
   * the machine they measure). Fetch only: pushes and dumb HTTP are not served.
   */
  gitDirect?: boolean;
  /** App id → PEM public key; installation tokens minted are `ghs_<installation>_<n>` */
  apps?: Record<string, { publicKey: string; installations: number[] }>;
}

interface Bucket {
  limit: number;
  remaining: number;
  reset: number;
}

export class FakeGitHub {
  readonly repos = new Map<string, FakeRepo>();
  readonly owners = new Map<string, { type: 'Organization' | 'User' }>();
  /** `org/team-slug` (lower case) → member logins; a team absent here answers 404 as a hidden one does */
  readonly teams = new Map<string, string[]>();
  /** login (lower case) → profile fields GET /users/{login} answers with; absent logins are 404 */
  readonly users = new Map<string, { company?: string | null }>();
  faults: Fault[] = [];
  /** issues, comments, reactions, contents, pulls and check runs: what the Steward App uses */
  readonly api = new FakeIssuesApi();
  /** protocol v2 capability advertisements by protocol header and object format */
  private v2Advertisements = new Map<string, Buffer>();
  /** what git http-backend wrote to stderr */
  gitErrors: string[] = [];
  /** 403s for an exhausted rate limit */
  rateLimited = 0;
  /** every request: method, path, status */
  log: { method: string; path: string; status: number; token?: string }[] = [];
  private server?: Server;
  private buckets = new Map<string, Bucket>();
  private minted = 0;
  url = '';

  constructor(readonly opts: FakeGitHubOptions = {}) {}

  addRepo(r: FakeRepo): FakeRepo {
    this.repos.set(`${r.owner}/${r.name}`.toLowerCase(), r);
    if (!this.owners.has(r.owner.toLowerCase())) this.owners.set(r.owner.toLowerCase(), { type: 'Organization' });
    return r;
  }

  get requests(): number {
    return this.log.length;
  }
  get notModified(): number {
    return this.log.filter((l) => l.status === 304).length;
  }
  /** requests that counted against a rate limit */
  get billable(): number {
    return this.log.filter((l) => l.status !== 304 && l.status !== 401 && !l.path.startsWith('/git/')).length;
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 1000;
    this.url = await listenOnLoopback(this.server);
    this.api.baseUrl = this.url;
    return this.url;
  }

  async stop(): Promise<void> {
    await closeServer(this.server);
  }

  /** every token starts over with a full budget (a new hour, for benchmarks) */
  resetBudgets(): void {
    this.buckets.clear();
  }

  private bucket(token: string | undefined, resource: string): Bucket {
    const key = `${token ?? 'anon'}:${resource}`;
    let b = this.buckets.get(key);
    // the window has passed: GitHub refills the budget
    if (b && b.reset * 1000 <= Date.now()) b = undefined;
    if (!b) {
      const conf = token ? this.opts.tokens?.[token] : undefined;
      const limit = token ? (conf?.limit ?? 5000) : (this.opts.anonymousLimit ?? 60);
      b = { limit, remaining: conf?.remaining ?? limit, reset: Math.floor(Date.now() / 1000) + (this.opts.windowS ?? 3600) };
      this.buckets.set(key, b);
    }
    return b;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    if (this.opts.latencyMs) await new Promise((r) => setTimeout(r, this.opts.latencyMs));
    const url = new URL(req.url ?? '/', 'http://x');
    const method = req.method ?? 'GET';
    const auth = req.headers.authorization;
    const token = auth?.replace(/^(token|bearer) /i, '');
    const entry = { method, path: url.pathname + url.search, status: 0, ...(token ? { token } : {}) };
    this.log.push(entry);
    const send = (status: number, data: unknown, headers: Record<string, string> = {}) => {
      entry.status = status;
      const text = data === undefined ? '' : JSON.stringify(data);
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(text);
    };
    if (url.pathname.startsWith('/git/') && this.opts.gitRoot) return this.git(req, res, url, body, entry);

    const fault = takeFault(this.faults, url.pathname, req);
    if (fault) {
      if (fault.status === 'reset') {
        entry.status = -1;
        return;
      }
      if (fault.status === 403 || fault.status === 429) {
        const message =
          fault.kind === 'secondary'
            ? 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'
            : 'You have triggered an abuse detection mechanism. Please wait a few minutes before you try again.';
        return send(
          fault.status,
          { message, documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api' },
          { 'retry-after': String(fault.retryAfter) },
        );
      }
      return send(fault.status, { message: 'Server Error' });
    }

    // the installation-token exchange is authenticated by the App's JWT, not a token
    const mintPath = /^\/app\/installations\/(\d+)\/access_tokens$/.exec(url.pathname);
    if (mintPath && method === 'POST') return this.mint(Number(mintPath[1]), token, send);

    const known = token === undefined || this.opts.tokens?.[token] !== undefined || /^ghs_/.test(token);
    const jwtApp = token !== undefined && token.split('.').length === 3 && this.appOfJwt(token) !== undefined;
    if ((known && token !== undefined) || jwtApp) {
      const a = this.api.handle(method, url, body, jwtApp);
      if (a) return send(a.status, a.data, a.headers);
    }
    if (!known) return send(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' });
    const resource = url.pathname === '/graphql' ? 'graphql' : 'core';
    const b = this.bucket(token, resource);
    const rl = () => ({
      'x-ratelimit-limit': String(b.limit),
      'x-ratelimit-remaining': String(b.remaining),
      'x-ratelimit-reset': String(b.reset),
      'x-ratelimit-used': String(b.limit - b.remaining),
      'x-ratelimit-resource': resource,
    });
    if (b.remaining <= 0) {
      this.rateLimited++;
      const wait = String(Math.max(1, b.reset - Math.floor(Date.now() / 1000)));
      return send(
        403,
        {
          message: `API rate limit exceeded for ${token ? 'user' : '127.0.0.1'}.`,
          documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
        },
        { ...rl(), 'retry-after': wait },
      );
    }
    let status = 200;
    let data: unknown;
    let headers: Record<string, string> = {};
    if (method === 'POST' && url.pathname === '/graphql') {
      data = this.graphql(JSON.parse(body.toString('utf8') || '{}'));
    } else if (method === 'GET') {
      const r = this.rest(url);
      status = r.status;
      data = r.data;
      headers = r.headers ?? {};
    } else {
      status = 404;
      data = { message: 'Not Found' };
    }
    // GitHub: a conditional request answered 304 does not count against the rate limit
    if (method === 'GET' && status === 200) {
      const etag = `W/"${createHash('sha1').update(JSON.stringify(data)).digest('hex')}"`;
      headers.etag = etag;
      if (req.headers['if-none-match'] === etag) {
        entry.status = 304;
        res.writeHead(304, { etag, ...rl() });
        res.end();
        return;
      }
    }
    b.remaining--;
    send(status, data, { ...headers, ...rl() });
  }

  /** The App a JWT is signed by (valid signature, not expired, at most 10 minutes long), or undefined. */
  private appOfJwt(jwt: string): { publicKey: string; installations: number[] } | undefined {
    const parts = jwt.split('.');
    if (parts.length !== 3) return undefined;
    let payload: { iss?: string | number; exp?: number; iat?: number };
    try {
      payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
    } catch {
      return undefined;
    }
    const app = this.opts.apps?.[String(payload.iss)];
    const ok =
      app !== undefined &&
      createVerify('RSA-SHA256').update(`${parts[0]}.${parts[1]}`).verify(app.publicKey, Buffer.from(parts[2]!, 'base64url')) &&
      (payload.exp ?? 0) > Date.now() / 1000 &&
      (payload.exp ?? 0) - (payload.iat ?? 0) <= 600;
    return ok ? app : undefined;
  }

  private mint(installation: number, jwt: string | undefined, send: (s: number, d: unknown) => void): void {
    if ((jwt ?? '').split('.').length !== 3) return send(401, { message: 'A JSON web token could not be decoded' });
    const app = this.appOfJwt(jwt!);
    if (!app) return send(401, { message: "'Issuer' claim ('iss') must be an Integer" });
    if (!app.installations.includes(installation)) return send(404, { message: 'Not Found' });
    send(201, {
      token: `ghs_${installation}_${++this.minted}`,
      expires_at: new Date(Date.now() + 3600_000).toISOString(),
      permissions: { metadata: 'read' },
      repository_selection: 'all',
    });
  }

  private restRepo(r: FakeRepo) {
    const full = `${r.owner}/${r.name}`;
    return {
      id: 1,
      name: r.name,
      full_name: full,
      private: false,
      owner: { login: r.owner, type: this.owners.get(r.owner.toLowerCase())?.type ?? 'Organization' },
      html_url: `https://github.com/${full}`,
      fork: false,
      archived: r.archived ?? false,
      stargazers_count: r.stars,
      watchers_count: r.stars,
      default_branch: r.defaultBranch ?? 'main',
      pushed_at: r.pushedAt ?? '2026-11-01T00:00:00Z',
      license: r.license ? { key: r.license.toLowerCase(), spdx_id: r.license, name: r.license } : null,
    };
  }

  private rest(url: URL): { status: number; data: unknown; headers?: Record<string, string> } {
    const p = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const notFound = { status: 404, data: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };
    if (p[0] === 'repos' && p.length >= 3) {
      const r = this.repos.get(`${p[1]}/${p[2]}`.toLowerCase());
      if (!r) return notFound;
      if (p.length === 3) return { status: 200, data: this.restRepo(r) };
      if (p[3] === 'actions' && p[4] === 'runs') {
        const branch = url.searchParams.get('branch');
        const status = url.searchParams.get('status');
        const perPage = Number(url.searchParams.get('per_page') ?? 30);
        const runs = (r.runs ?? [])
          .filter((x) => (!branch || x.branch === branch) && (!status || (x.status ?? 'completed') === status))
          .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1));
        return {
          status: 200,
          data: {
            total_count: runs.length,
            workflow_runs: runs.slice(0, perPage).map((x, i) => ({
              id: 1000 + i,
              name: x.name,
              workflow_id: x.workflowId,
              head_branch: x.branch,
              status: x.status ?? 'completed',
              conclusion: x.conclusion,
              event: 'push',
              updated_at: x.updatedAt,
              html_url: `https://github.com/${r.owner}/${r.name}/actions/runs/${1000 + i}`,
            })),
          },
        };
      }
      return notFound;
    }
    if (p[0] === 'orgs' && p[2] === 'teams' && p[4] === 'members' && p.length === 5) {
      // GitHub: a secret team, or one the token's user can't see, is a 404 like a missing one
      const members = this.teams.get(`${p[1]}/${p[3]}`.toLowerCase());
      if (!members) return notFound;
      const perPage = Number(url.searchParams.get('per_page') ?? 30);
      const page = Number(url.searchParams.get('page') ?? 1);
      return {
        status: 200,
        data: members.slice((page - 1) * perPage, page * perPage).map((login, i) => ({ login, id: 100 + i, type: 'User' })),
      };
    }
    if (p[0] === 'users' && p.length === 2) {
      const u = this.users.get(p[1]!.toLowerCase());
      if (!u) return notFound;
      return { status: 200, data: { login: p[1], id: 5000, type: 'User', company: u.company ?? null } };
    }
    if ((p[0] === 'orgs' || p[0] === 'users') && p[2] === 'repos' && p.length === 3) {
      const owner = this.owners.get(p[1]!.toLowerCase());
      if (!owner || (p[0] === 'orgs') !== (owner.type === 'Organization')) return notFound;
      const all = [...this.repos.values()]
        .filter((r) => r.owner.toLowerCase() === p[1]!.toLowerCase())
        .sort((a, b) => a.name.localeCompare(b.name));
      const perPage = Number(url.searchParams.get('per_page') ?? 30);
      const page = Number(url.searchParams.get('page') ?? 1);
      const slice = all.slice((page - 1) * perPage, page * perPage);
      const headers: Record<string, string> = {};
      const last = Math.max(1, Math.ceil(all.length / perPage));
      if (page < last) {
        const next = new URL(url.toString());
        next.searchParams.set('page', String(page + 1));
        const lastU = new URL(url.toString());
        lastU.searchParams.set('page', String(last));
        headers.link = `<${this.url}${next.pathname}${next.search}>; rel="next", <${this.url}${lastU.pathname}${lastU.search}>; rel="last"`;
      }
      return { status: 200, data: slice.map((r) => this.restRepo(r)), headers };
    }
    return notFound;
  }

  private tree(r: FakeRepo, dir: string) {
    const prefix = dir === '' ? '' : `${dir}/`;
    const inside = Object.keys(r.files ?? {})
      .filter((f) => f.startsWith(prefix))
      .map((f) => f.slice(prefix.length));
    if (dir !== '' && inside.length === 0) return null; // GitHub: no such path, the object is null
    const blobs = new Set(inside.filter((f) => !f.includes('/')));
    const trees = new Set(inside.filter((f) => f.includes('/')).map((f) => f.split('/')[0]!));
    return { entries: [...[...blobs].map((name) => ({ name, type: 'blob' })), ...[...trees].map((name) => ({ name, type: 'tree' }))] };
  }

  private graphql(req: { query?: string; variables?: Record<string, unknown> }): unknown {
    const op = /query\s+(\w+)/.exec(req.query ?? '')?.[1];
    const v = req.variables ?? {};
    const r = this.repos.get(`${v.owner}/${v.name}`.toLowerCase());
    const errors: unknown[] = [];
    if (!r)
      errors.push({
        type: 'NOT_FOUND',
        path: ['repository'],
        locations: [{ line: 3, column: 3 }],
        message: `Could not resolve to a Repository with the name '${v.owner}/${v.name}'.`,
      });
    const history = (after?: string) => {
      const all = r?.authors ?? [];
      const start = after ? Number(after) : 0;
      const nodes = all.slice(start, start + 100).map((a) => ({ author: { email: a.email, user: a.login ? { login: a.login } : null } }));
      const end = start + nodes.length;
      return { pageInfo: { hasNextPage: end < all.length, endCursor: end < all.length ? String(end) : null }, nodes };
    };
    if (op === 'StewardAuthors') {
      return {
        data: { repository: r ? { defaultBranchRef: { target: { history: history(v.after as string | undefined) } } } : null },
        ...(errors.length ? { errors } : {}),
      };
    }
    if (op !== 'StewardRepo') return { errors: [{ message: `unknown operation ${op}` }] };
    const community = this.repos.get(`${v.owner}/.github`.toLowerCase());
    if (!community)
      errors.push({
        type: 'NOT_FOUND',
        path: ['community'],
        locations: [{ line: 36, column: 3 }],
        message: `Could not resolve to a Repository with the name '${v.owner}/.github'.`,
      });
    const blob = (c: FakeRepo, path: string) => (c.files?.[path] !== undefined ? { text: c.files[path] } : null);
    const url = r ? `https://github.com/${r.owner}/${r.name}` : '';
    return {
      data: {
        rateLimit: { cost: 1, remaining: 4999, limit: 5000, resetAt: new Date(Date.now() + 3600_000).toISOString() },
        repository: r
          ? {
              nameWithOwner: `${r.owner}/${r.name}`,
              url,
              stargazerCount: r.stars,
              isArchived: r.archived ?? false,
              pushedAt: r.pushedAt ?? '2026-11-01T00:00:00Z',
              licenseInfo: r.license ? { spdxId: r.license, key: r.license.toLowerCase(), name: r.license } : null,
              codeOfConduct: r.codeOfConduct ? { ...r.codeOfConduct, url: `${url}/blob/main/CODE_OF_CONDUCT.md` } : null,
              contributingGuidelines: r.contributing ? { url: `${url}/blob/main/CONTRIBUTING.md` } : null,
              isSecurityPolicyEnabled: false,
              securityPolicyUrl: null,
              defaultBranchRef: {
                name: r.defaultBranch ?? 'main',
                target: {
                  oid: r.headOid ?? 'a'.repeat(40),
                  committedDate: r.committedDate ?? '2026-11-01T00:00:00Z',
                  statusCheckRollup: r.rollup ? { state: r.rollup } : null,
                  checkSuites: {
                    nodes: (r.runs ?? []).slice(0, 1).map((x) => ({
                      status: 'COMPLETED',
                      conclusion: (x.conclusion ?? 'neutral').toUpperCase(),
                      app: { slug: 'github-actions' },
                      workflowRun: { url: `${url}/actions/runs/1`, workflow: { name: x.name } },
                    })),
                  },
                  ...(v.withAuthors ? { history: history() } : {}),
                },
              },
              latestRelease: r.latestRelease ? { ...r.latestRelease, url: `${url}/releases/tag/${r.latestRelease.tagName}` } : null,
              releases: {
                nodes: r.latestRelease
                  ? [{ ...r.latestRelease, isPrerelease: false, isDraft: false, url: `${url}/releases/tag/${r.latestRelease.tagName}` }]
                  : [],
              },
            }
          : null,
        community: community
          ? {
              url: `https://github.com/${community.owner}/.github`,
              codeOfConduct: community.codeOfConduct ? { ...community.codeOfConduct, url: null } : null,
              root: this.tree(community, ''),
              dotGithub: this.tree(community, '.github'),
              docs: this.tree(community, 'docs'),
              cocRoot: blob(community, 'CODE_OF_CONDUCT.md'),
              cocDotGithub: blob(community, '.github/CODE_OF_CONDUCT.md'),
              cocDocs: blob(community, 'docs/CODE_OF_CONDUCT.md'),
            }
          : null,
      },
      ...(errors.length ? { errors } : {}),
    };
  }

  /** Smart HTTP fetches answered by `git upload-pack` directly: what http-backend does for them, less its process. */
  private uploadPack(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer, entry: { status: number }): void {
    const m = /^\/git\/([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+\.git)\/(info\/refs|git-upload-pack)$/.exec(url.pathname);
    const dir = m ? join(this.opts.gitRoot!, m[1]!) : '';
    const advertise = m?.[2] === 'info/refs';
    if (
      !m ||
      m[1]!.includes('..') ||
      !existsSync(dir) ||
      (advertise ? url.searchParams.get('service') !== 'git-upload-pack' : req.method !== 'POST')
    ) {
      entry.status = 404;
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found\n');
      return;
    }
    const protocol = String(req.headers['git-protocol'] ?? '');
    // Protocol v2's capability advertisement names no ref: the same bytes for every repository of
    // one object format. Answered from memory after the first, as a real host's costs are not ours.
    const v2Key = advertise && /version=2/.test(protocol) ? `${protocol}\0${objectFormat(dir)}` : '';
    const known = v2Key ? this.v2Advertisements.get(v2Key) : undefined;
    if (known) {
      entry.status = 200;
      res.writeHead(200, { 'content-type': 'application/x-git-upload-pack-advertisement', 'cache-control': 'no-cache' });
      res.end(known);
      return;
    }
    const child = spawn(
      'git',
      [
        '-c',
        'uploadpack.allowFilter=true',
        '-c',
        'uploadpack.allowAnySHA1InWant=true',
        'upload-pack',
        '--stateless-rpc',
        ...(advertise ? ['--http-backend-info-refs'] : []),
        dir,
      ],
      {
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', GIT_CONFIG_NOSYSTEM: '1', ...(protocol ? { GIT_PROTOCOL: protocol } : {}) },
      },
    );
    const out: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdin.on('error', () => undefined);
    child.on('close', (code) => {
      if (stderr) this.gitErrors.push(stderr.trim());
      if (code !== 0) {
        entry.status = 500;
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('upload-pack failed\n');
        return;
      }
      entry.status = 200;
      // protocol v0 advertisements start with the service line; v2 capabilities do not
      const head = advertise && !/version=2/.test(protocol) ? Buffer.from('001e# service=git-upload-pack\n0000') : Buffer.alloc(0);
      if (v2Key) this.v2Advertisements.set(v2Key, Buffer.concat(out));
      res.writeHead(200, {
        'content-type': advertise ? 'application/x-git-upload-pack-advertisement' : 'application/x-git-upload-pack-result',
        'cache-control': 'no-cache',
      });
      res.end(Buffer.concat([head, ...out]));
    });
    child.stdin.end(advertise ? undefined : body);
  }

  /** Smart HTTP through `git http-backend` (CGI), with partial clone allowed as on GitHub. */
  private git(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer, entry: { status: number }): void {
    // git gzips large request bodies (a fetch of many wanted blobs), as a real server accepts
    if (req.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
    if (this.opts.gitDirect) return this.uploadPack(req, res, url, body, entry);
    const child = spawn('git', ['-c', 'uploadpack.allowFilter=true', '-c', 'uploadpack.allowAnySHA1InWant=true', 'http-backend'], {
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        GIT_PROJECT_ROOT: this.opts.gitRoot!,
        GIT_HTTP_EXPORT_ALL: '1',
        GIT_CONFIG_NOSYSTEM: '1',
        REQUEST_METHOD: req.method ?? 'GET',
        PATH_INFO: url.pathname.slice('/git'.length),
        QUERY_STRING: url.search.slice(1),
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        CONTENT_LENGTH: String(body.length),
        GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
        REMOTE_ADDR: '127.0.0.1',
      },
    });
    const out: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    // http-backend may answer (an error) without reading the body
    child.stdin.on('error', () => undefined);
    child.on('close', () => {
      if (stderr) this.gitErrors.push(stderr.trim());
      const all = Buffer.concat(out);
      const split = all.indexOf('\r\n\r\n');
      const headText = all.subarray(0, split).toString('latin1');
      const headers: Record<string, string> = {};
      let status = 200;
      for (const line of headText.split('\r\n')) {
        const i = line.indexOf(':');
        if (i < 0) continue;
        const k = line.slice(0, i).trim();
        const val = line.slice(i + 1).trim();
        if (k.toLowerCase() === 'status') status = Number(val.split(' ')[0]);
        else headers[k] = val;
      }
      entry.status = status;
      res.writeHead(status, headers);
      res.end(all.subarray(split + 4));
    });
    // a backend that answers without reading the whole request closes its stdin: not an error
    child.stdin.on('error', () => undefined);
    child.stdin.end(body);
  }
}

/** A bare repository's object format (`sha1` unless its config says otherwise). */
function objectFormat(gitDir: string): string {
  try {
    return /^\s*objectformat\s*=\s*(\S+)/im.exec(readFileSync(join(gitDir, 'config'), 'utf8'))?.[1]?.toLowerCase() ?? 'sha1';
  } catch {
    return 'sha1';
  }
}
