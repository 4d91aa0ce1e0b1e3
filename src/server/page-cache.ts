// Public answers made once per state of the process: every change the engine makes appends to
// the audit log, so the log's last sequence number names the state an answer was made from. An
// anonymous visitor gets the stored page while nothing has changed, and the badge and report API
// their stored body; signed-in pages (forms with the visitor's CSRF value, their role's view) are
// always rendered afresh. Bodies are kept encoded, with their ETag, so a hit is written as it is.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Kysely } from 'kysely';
import type { DB } from '../store/index.js';

const MAX_ENTRIES = 1000;

export interface CachedBody {
  status: number;
  body: Uint8Array<ArrayBuffer>;
  etag: string;
  type: string;
  /** the body gzipped, made the first time a client that takes gzip asks (large bodies only) */
  gzip?: Uint8Array<ArrayBuffer>;
}

/** Below this a body is sent as it is: compressing it would save less than its headers. */
const GZIP_FROM = 1024;

/** The body to send to a client that said `accept` (its Accept-Encoding), with its ETag. */
export function variantFor(hit: CachedBody, accept: string | undefined): { body: Uint8Array<ArrayBuffer>; etag: string; gzip: boolean } {
  if (hit.body.byteLength < GZIP_FROM || !accept || !/\bgzip\b/i.test(accept)) return { body: hit.body, etag: hit.etag, gzip: false };
  hit.gzip ??= new Uint8Array(gzipSync(hit.body, { level: 6 }));
  // a strong ETag names one representation: the gzipped one has its own
  return { body: hit.gzip, etag: `${hit.etag.slice(0, -1)}-gz"`, gzip: true };
}

const encoder = new TextEncoder();

export function cachedBody(text: string, type: string, status = 200): CachedBody {
  return { status, body: encoder.encode(text), etag: `"${createHash('sha256').update(text).digest('base64url').slice(0, 20)}"`, type };
}

export class PageCache {
  private pages = new Map<string, { version: number; value: CachedBody }>();
  private reading: Promise<number> | undefined;

  /**
   * The store's state number. Requests that arrive while it is being read share that read (at
   * 50 concurrent requests, one query instead of 50), so an answer may be as old as the read in
   * flight when the request arrived (a query's time, under a millisecond on SQLite; there the one
   * connection runs it after any write in progress has committed).
   */
  version(db: Kysely<DB>): Promise<number> {
    this.reading ??= db
      .selectFrom('audit_head')
      .select('seq')
      .where('id', '=', 1)
      .executeTakeFirst()
      .then((head) => Number(head?.seq ?? 0))
      .finally(() => (this.reading = undefined));
    return this.reading;
  }

  get(key: string, version: number): CachedBody | undefined {
    const hit = this.pages.get(key);
    return hit && hit.version === version ? hit.value : undefined;
  }

  set(key: string, version: number, value: CachedBody): void {
    if (!this.pages.has(key) && this.pages.size >= MAX_ENTRIES) this.pages.delete(this.pages.keys().next().value!);
    this.pages.set(key, { version, value });
  }
}
