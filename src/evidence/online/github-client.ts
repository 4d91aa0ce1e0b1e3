// The GitHub client: octokit (retry + throttling plugins) behind one request hook of ours that
// adds conditional requests from the persistent cache, picks a token from the pool, waits out
// abuse limits, moves to another token when one runs dry, and counts what every request cost.
// octokit is imported here only, and only when online work happens, so `steward check` starts fast.
import type { Octokit as OctokitType } from 'octokit';
import { HttpCache, SourceCounter } from './http-cache.js';
import { TokenPool, type AppInstallation } from './tokens.js';
import { InputError } from '../../util/errors.js';
import { createSign } from 'node:crypto';

export interface GitHubClientOptions {
  /** REST base URL (default https://api.github.com); GHES: https://HOST/api/v3 */
  baseUrl?: string;
  pool: TokenPool;
  cache: HttpCache;
  counter?: SourceCounter;
  /** first retry step for 5xx and network failures, and the unit of Retry-After (default 1000 ms) */
  retryBaseMs?: number;
  retries?: number;
  /** longest wait for a rate limit to reset or a secondary limit to pass (default 60 s) */
  maxWaitS?: number;
  /** requests in flight at once (default 8; GitHub asks for no more than 100) */
  concurrency?: number;
  fetch?: typeof fetch;
}

export interface GitHubClient {
  octokit: OctokitType;
  counter: SourceCounter;
  pool: TokenPool;
  cache: HttpCache;
  baseUrl: string;
  /** GET with a conditional request; `fromCache` when GitHub answered 304 */
  get<T>(route: string, params?: Record<string, unknown>): Promise<{ data: T; fromCache: boolean; etag?: string }>;
  graphql<T>(query: string, variables: Record<string, unknown>): Promise<{ data: T | null; errors: GraphqlError[] }>;
}

export interface GraphqlError {
  type?: string;
  path?: (string | number)[];
  message: string;
}

/** GitHub refused the credential: one clear error for the whole check, never one per requirement. */
export class GitHubAuthError extends InputError {
  override name = 'GitHubAuthError';
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function header(headers: Record<string, unknown> | undefined, name: string): string | undefined {
  const v = headers?.[name];
  return v === undefined || v === null ? undefined : String(v);
}

export async function createGitHubClient(opts: GitHubClientOptions): Promise<GitHubClient> {
  const { Octokit } = await import('octokit');
  const baseUrl = (opts.baseUrl ?? 'https://api.github.com').replace(/\/+$/, '');
  const counter = opts.counter ?? new SourceCounter('github');
  const base = opts.retryBaseMs ?? 1000;
  const maxWaitS = opts.maxWaitS ?? 60;
  const pool = opts.pool;
  const realFetch = opts.fetch ?? fetch;
  // counts what is really sent, retries included, and reads every answer's rate-limit headers
  const countingFetch: typeof fetch = async (input, init) => {
    counter.requests++;
    const res = await realFetch(input, init);
    if (res.status === 304) counter.notModified++;
    counter.noteRateLimit(res.headers);
    const auth = new Headers(init?.headers).get('authorization') ?? undefined;
    const rem = res.headers.get('x-ratelimit-remaining');
    const reset = res.headers.get('x-ratelimit-reset');
    pool.note(auth?.replace(/^(token|bearer) /i, ''), rem === null ? undefined : Number(rem), reset === null ? undefined : Number(reset));
    return res;
  };
  // the throttling plugin spaces GraphQL queries a second apart as if they were mutations; GitHub's
  // documented limit for queries is 2,000 points a minute, so a small concurrency cap is enough
  let inFlight = 0;
  const waiting: (() => void)[] = [];
  const cap = opts.concurrency ?? 8;
  const limited = async <T>(fn: () => Promise<T>): Promise<T> => {
    while (inFlight >= cap) await new Promise<void>((r) => waiting.push(r));
    inFlight++;
    try {
      return await fn();
    } finally {
      inFlight--;
      waiting.shift()?.();
    }
  };
  const passThrough = {
    key: () => ({ schedule: (_o: unknown, fn: (...a: unknown[]) => unknown, ...args: unknown[]) => Promise.resolve(fn(...args)) }),
  };
  const octokit = new Octokit({
    baseUrl,
    userAgent: 'steward (PyTorch Ecosystem checks)',
    request: { fetch: countingFetch },
    retry: { retryAfterBaseValue: base, retries: opts.retries ?? 3 },
    throttle: {
      retryAfterBaseValue: base,
      write: passThrough,
      fallbackSecondaryRateRetryAfter: 60,
      onSecondaryRateLimit: (retryAfter: number, _o: unknown, _k: unknown, retryCount: number) => retryCount < 3 && retryAfter <= maxWaitS,
      onRateLimit: (retryAfter: number, options: { headers?: Record<string, string> }, _k: unknown, retryCount: number) => {
        const used = options.headers?.authorization?.replace(/^(token|bearer) /i, '');
        const reset = Math.floor(Date.now() / 1000) + retryAfter;
        // another token can take over at once: let the error through to our hook, which switches
        if (pool.exhaust(used, reset)) return false;
        return retryCount < 1 && retryAfter <= maxWaitS;
      },
    },
  });
  // an App installation token: a ten-minute JWT signed with the App's key buys an hour-long token
  pool.minter ??= async (app: AppInstallation) => {
    const res = await octokit.request('POST /app/installations/{installation_id}/access_tokens', {
      installation_id: app.installationId,
      headers: { authorization: `bearer ${appJwt(app)}` },
    });
    const data = res.data as { token: string; expires_at: string };
    return { token: data.token, expiresAt: data.expires_at };
  };

  octokit.hook.wrap('request', async (request, options) => {
    const opt = options as typeof options & { headers: Record<string, string> };
    // minting an App token carries its own JWT and must not draw on the pool it fills
    if (/^bearer /i.test(opt.headers.authorization ?? '')) return request(opt);
    const isGet = opt.method === 'GET';
    const key = isGet ? `GET ${octokit.request.endpoint(opt as never).url} ${pool.size > 0 ? 'auth' : 'anon'}` : undefined;
    const cached = key ? opts.cache.get(key) : undefined;
    if (cached?.etag) opt.headers['if-none-match'] = cached.etag;
    else if (cached?.lastModified) opt.headers['if-modified-since'] = cached.lastModified;
    let abuseWaits = 0;
    let switched = 0;
    for (;;) {
      let cred: Awaited<ReturnType<TokenPool['take']>>;
      try {
        cred = await pool.take();
      } catch (err) {
        const e = err as { status?: number; message?: string };
        if (e.status === 401 || e.status === 404) {
          throw new GitHubAuthError(
            `GitHub refused to issue an installation token for ${pool.originOf(undefined, true)} (${e.status} ${(e.message ?? '').replace(/ - https?:\/\/\S+$/, '')}) at ${baseUrl}; check the App id, its private key and the installation id`,
          );
        }
        throw err;
      }
      if (cred) opt.headers.authorization = `token ${cred.token}`;
      else if (pool.size > 0)
        throw new Error(
          `every GitHub token (${pool.size}) has run out of rate limit; they reset at ${counter.rateLimitReset ?? 'an unknown time'}`,
        );
      try {
        const res = await limited(async () => request(opt));
        const etag = header(res.headers as Record<string, unknown>, 'etag');
        const lastModified = header(res.headers as Record<string, unknown>, 'last-modified');
        if (key && (etag || lastModified)) {
          opts.cache.set({
            key,
            data: res.data,
            storedAt: new Date().toISOString(),
            ...(etag ? { etag } : {}),
            ...(lastModified ? { lastModified } : {}),
          });
        }
        return res;
      } catch (err) {
        const e = err as { status?: number; message?: string; response?: { headers?: Record<string, unknown>; data?: unknown } };
        if (e.status === 304 && cached) {
          return { status: 304, url: '', headers: { ...(cached.etag ? { etag: cached.etag } : {}) }, data: cached.data } as never;
        }
        if (e.status === 401) {
          throw new GitHubAuthError(
            `GitHub rejected the token from ${cred?.origin ?? 'no token'} (401 ${(e.message ?? 'Bad credentials').replace(/ - https?:\/\/\S+$/, '')}) at ${baseUrl}; ` +
              'replace it (GITHUB_TOKEN, GH_TOKEN or --token), or run with --offline',
          );
        }
        const h = e.response?.headers;
        const remaining = header(h, 'x-ratelimit-remaining');
        if ((e.status === 403 || e.status === 429) && remaining === '0' && switched < pool.size) {
          switched++;
          pool.exhaust(cred?.token, Number(header(h, 'x-ratelimit-reset') ?? 0));
          if (await pool.take()) continue;
        }
        // GitHub's older "abuse detection" answer: a 403 with Retry-After the plugins do not retry
        const after = Number(header(h, 'retry-after'));
        if (
          (e.status === 403 || e.status === 429) &&
          /abuse/i.test(e.message ?? '') &&
          Number.isFinite(after) &&
          after <= maxWaitS &&
          abuseWaits < 2
        ) {
          abuseWaits++;
          await sleep(after * base);
          continue;
        }
        throw err;
      }
    }
  });

  const client: GitHubClient = {
    octokit,
    counter,
    pool,
    cache: opts.cache,
    baseUrl,
    async get<T>(route: string, params: Record<string, unknown> = {}) {
      const res = await octokit.request(route, params);
      return {
        data: res.data as T,
        fromCache: (res.status as number) === 304,
        ...(header(res.headers as Record<string, unknown>, 'etag')
          ? { etag: header(res.headers as Record<string, unknown>, 'etag')! }
          : {}),
      };
    },
    async graphql<T>(query: string, variables: Record<string, unknown>) {
      // through request, not octokit.graphql: a missing `.github` repository is a partial answer, not a failure
      const res = await octokit.request('POST /graphql', { query, variables });
      const body = res.data as { data?: T | null; errors?: GraphqlError[] };
      return { data: body.data ?? null, errors: body.errors ?? [] };
    },
  };
  return client;
}

function b64url(data: string | Buffer): string {
  return Buffer.from(data).toString('base64url');
}

/** The JWT GitHub asks an App to sign (RS256, issued a minute early against clock drift, 9 minutes valid). */
export function appJwt(app: AppInstallation, nowS = Math.floor(Date.now() / 1000)): string {
  const head = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
  const body = b64url(JSON.stringify({ iat: nowS - 60, exp: nowS + 540, iss: app.appId }));
  let sig: Buffer;
  try {
    sig = createSign('RSA-SHA256').update(`${head}.${body}`).sign(app.privateKey);
  } catch (err) {
    throw new InputError(`the private key of GitHub App ${app.appId} cannot sign (${(err as Error).message}); expected a PEM RSA key`);
  }
  return `${head}.${body}.${b64url(sig)}`;
}
