// A persistent HTTP cache for conditional requests: every JSON answer is kept on disk with its
// ETag / Last-Modified, and the next request for the same URL asks "changed since?". A 304 costs
// GitHub no rate limit and PyPI no bandwidth. Also the request counters every source reports, and
// the small JSON GET client PyPI, conda and GitLab share (retries with back-off, Retry-After).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface CacheEntry {
  key: string;
  etag?: string;
  lastModified?: string;
  /** response headers worth keeping (rate limits, links) */
  headers?: Record<string, string>;
  data: unknown;
  storedAt: string;
  /** for derived answers (a GraphQL result): the validators of the requests it was checked against */
  validators?: Record<string, string>;
}

export function defaultHttpCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.startsWith('/') ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
  return join(base, 'steward', 'http');
}

/** On disk when given a directory (one JSON file per key), in memory otherwise. */
export class HttpCache {
  private readonly memory = new Map<string, CacheEntry>();
  constructor(readonly dir?: string) {
    if (dir) mkdirSync(dir, { recursive: true });
  }

  private file(key: string): string {
    const h = createHash('sha256').update(key).digest('hex');
    return join(this.dir!, h.slice(0, 2), `${h.slice(2)}.json`);
  }

  get(key: string): CacheEntry | undefined {
    const hit = this.memory.get(key);
    if (hit || !this.dir) return hit;
    try {
      const entry = JSON.parse(readFileSync(this.file(key), 'utf8')) as CacheEntry;
      // a hash collision or a hand-edited file must not answer for another URL
      if (entry?.key !== key) return undefined;
      this.memory.set(key, entry);
      return entry;
    } catch {
      return undefined;
    }
  }

  set(entry: CacheEntry): void {
    this.memory.set(entry.key, entry);
    if (!this.dir) return;
    const path = this.file(entry.key);
    try {
      mkdirSync(join(path, '..'), { recursive: true });
      const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      writeFileSync(tmp, JSON.stringify(entry));
      renameSync(tmp, path); // atomic: a concurrent reader sees the old entry or the new, never half
    } catch {
      // a read-only or full cache directory costs requests, not correctness
    }
  }
}

/** What one source cost: HTTP requests sent, answers served by the cache (304s), rate limit left. */
export class SourceCounter {
  requests = 0;
  notModified = 0;
  /** answers reused without any request (a GraphQL result whose inputs were all unchanged) */
  reused = 0;
  rateLimitRemaining?: number;
  rateLimitReset?: string;
  errors: string[] = [];
  constructor(readonly name: string) {}

  /** requests that count against a rate limit: everything but 304s */
  get billable(): number {
    return this.requests - this.notModified;
  }

  noteRateLimit(headers: { get(name: string): string | null }): void {
    const remaining = headers.get('x-ratelimit-remaining') ?? headers.get('ratelimit-remaining');
    const reset = headers.get('x-ratelimit-reset') ?? headers.get('ratelimit-reset');
    if (remaining !== null && /^\d+$/.test(remaining)) {
      const n = Number(remaining);
      this.rateLimitRemaining = this.rateLimitRemaining === undefined ? n : Math.min(this.rateLimitRemaining, n);
    }
    if (reset !== null && /^\d+$/.test(reset)) this.rateLimitReset = new Date(Number(reset) * 1000).toISOString();
  }
}

export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    message: string,
    readonly status: number,
    readonly url: string,
  ) {
    super(message);
  }
}

export interface GetJsonOptions {
  cache: HttpCache;
  counter: SourceCounter;
  headers?: Record<string, string>;
  /** the part of the cache key that says who asked (answers can differ by token) */
  identity?: string;
  retries?: number;
  /** first back-off step; doubled each retry */
  retryBaseMs?: number;
  /** longest Retry-After honoured before giving up */
  maxRetryAfterMs?: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
  /**
   * Remember a 404/410 this long and answer it again without a request (package indexes: a missing
   * package stays missing for a day at no cost). Off by default: a 404 is asked again.
   */
  notFoundTtlMs?: number;
  now?: () => number;
}

/** How long package-index 404s are remembered. */
export const NOT_FOUND_TTL_MS = 24 * 3600_000;

/** What a package index (PyPI, anaconda.org) is asked with: their shared request options. */
export interface IndexRequestOptions {
  cache: HttpCache;
  counter: SourceCounter;
  retryBaseMs?: number;
  fetch?: typeof fetch;
  /** how long a 404 is remembered (default a day; 0 asks every time) */
  notFoundTtlMs?: number;
  now?: () => number;
}

/** getJson options for a package index: 404s are remembered, everything else as the caller says. */
export function indexRequestOptions(opts: IndexRequestOptions): GetJsonOptions {
  return {
    cache: opts.cache,
    counter: opts.counter,
    ...(opts.retryBaseMs !== undefined ? { retryBaseMs: opts.retryBaseMs } : {}),
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
    notFoundTtlMs: opts.notFoundTtlMs ?? NOT_FOUND_TTL_MS,
    ...(opts.now ? { now: opts.now } : {}),
  };
}

export interface JsonAnswer<T> {
  status: number;
  data?: T;
  fromCache: boolean;
  etag?: string;
  headers: Record<string, string>;
}

const KEEP_HEADERS = ['link', 'x-next-page', 'x-total', 'x-total-pages'];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * GET a JSON document with a conditional request. 404 and 410 are answers (status, no data), not
 * errors; 5xx and network failures are retried with back-off; 429/503 honour Retry-After.
 */
export async function getJson<T>(url: string, opts: GetJsonOptions): Promise<JsonAnswer<T>> {
  const key = `GET ${url} ${opts.identity ?? ''}`;
  const now = opts.now ?? Date.now;
  const negKey = `${key} NOT FOUND`;
  if (opts.notFoundTtlMs) {
    const neg = opts.cache.get(negKey);
    const age = neg ? now() - Date.parse(neg.storedAt) : NaN;
    // a clock moved backwards (negative age) is not trusted: ask again
    if (neg && age >= 0 && age < opts.notFoundTtlMs && (neg.data === 404 || neg.data === 410)) {
      opts.counter.reused++;
      return { status: neg.data, fromCache: true, headers: {} };
    }
  }
  const cached = opts.cache.get(key);
  const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
  if (cached?.etag) headers['if-none-match'] = cached.etag;
  if (cached?.lastModified) headers['if-modified-since'] = cached.lastModified;
  const retries = opts.retries ?? 3;
  const base = opts.retryBaseMs ?? 500;
  const doFetch = opts.fetch ?? fetch;
  let lastProblem = '';
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (attempt > 0) await sleep(base * 2 ** (attempt - 1));
    let res: Response;
    opts.counter.requests++;
    try {
      res = await doFetch(url, { headers, redirect: 'follow', signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000) });
    } catch (err) {
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      lastProblem = `${(err as Error).name === 'TimeoutError' ? 'timed out' : (cause?.code ?? cause?.message ?? (err as Error).message)}`;
      continue;
    }
    opts.counter.noteRateLimit(res.headers);
    if (res.status === 304 && cached) {
      opts.counter.notModified++;
      await res.arrayBuffer().catch(() => undefined);
      return {
        status: 200,
        data: cached.data as T,
        fromCache: true,
        headers: cached.headers ?? {},
        ...(cached.etag ? { etag: cached.etag } : {}),
      };
    }
    if (res.status === 429 || res.status === 503 || res.status >= 500) {
      const after = retryAfterMs(res.headers.get('retry-after'));
      await res.arrayBuffer().catch(() => undefined);
      lastProblem = `HTTP ${res.status}`;
      if (after !== undefined) {
        if (after > (opts.maxRetryAfterMs ?? 60_000)) break;
        await sleep(after);
      }
      continue;
    }
    const kept: Record<string, string> = {};
    for (const h of KEEP_HEADERS) {
      const v = res.headers.get(h);
      if (v !== null) kept[h] = v;
    }
    if (res.status === 404 || res.status === 410) {
      await res.arrayBuffer().catch(() => undefined);
      if (opts.notFoundTtlMs) opts.cache.set({ key: negKey, data: res.status, storedAt: new Date(now()).toISOString() });
      return { status: res.status, fromCache: false, headers: kept };
    }
    if (!res.ok) {
      const body = await res.text().catch(() => '');
      throw new HttpError(`GET ${url}: HTTP ${res.status}${body ? `: ${body.slice(0, 200).replace(/\s+/g, ' ')}` : ''}`, res.status, url);
    }
    let data: T;
    try {
      data = (await res.json()) as T;
    } catch (err) {
      throw new HttpError(`GET ${url}: expected JSON, found a body that does not parse (${(err as Error).message})`, res.status, url);
    }
    const etag = res.headers.get('etag') ?? undefined;
    const lastModified = res.headers.get('last-modified') ?? undefined;
    if (etag || lastModified) {
      opts.cache.set({
        key,
        data,
        storedAt: new Date().toISOString(),
        headers: kept,
        ...(etag ? { etag } : {}),
        ...(lastModified ? { lastModified } : {}),
      });
    }
    return { status: res.status, data, fromCache: false, headers: kept, ...(etag ? { etag } : {}) };
  }
  throw new HttpError(`GET ${url}: failed after ${retries + 1} attempts (${lastProblem || 'no answer'})`, 0, url);
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date. */
export function retryAfterMs(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : Math.max(0, t - Date.now());
}
