// Self-checks: anyone may have a public repository checked. The web request only validates the
// address (the CLI's rules for URL targets: an https URL on an allowed host, no credentials, no
// port, no IP, never a local path) and the optional folder inside it, and queues a job; a worker on the durable queue runs the check
// and stores the report beside the others, where the page and the badge find it.
import { classifyTarget } from '../check/remote-target.js';
import type { JobQueue } from '../jobs/queue.js';
import { normalizeRepoUrl } from '../process/applications.js';
import type { Report } from '../report/types.js';
import { insertReport, inTransaction, type Store } from '../store/index.js';

export const SELF_CHECK_JOB = 'self-check';

export interface SelfCheckJob {
  /** the repository's https address as the classifier spelled it */
  url: string;
  /** the project's folder in the repository (a monorepo's sub/dir), repository-relative */
  path?: string;
  requestedAt: string;
}

const MAX_PATH = 200;

/**
 * The optional folder as a repository-relative path (sub/dir), or why it is refused. It names a
 * folder inside the repository being checked, never anything on this server: an absolute path
 * (/etc, C:\, ~), a backslash, `.` or `..` segments, empty segments and control characters are
 * refused rather than cleaned up.
 */
export function selfCheckPath(input: string | undefined): { path?: string } | { refused: string } {
  const p = (input ?? '').trim();
  if (p === '') return {};
  const bad = (why: string) => ({
    refused: `the path ${JSON.stringify(p.length > 60 ? `${p.slice(0, 60)}…` : p)} ${why}; give a folder inside the repository, like sub/dir`,
  });
  if (p.length > MAX_PATH) return bad(`is longer than ${MAX_PATH} characters`);
  if (/[\0-\x1f\x7f]/.test(p)) return bad('has a control character');
  if (p.includes('\\')) return bad('has a backslash');
  if (p.startsWith('/') || p.startsWith('~') || /^[A-Za-z]:/.test(p)) return bad('is absolute');
  const segments = p.replace(/\/$/, '').split('/');
  if (segments.some((x) => x === '.' || x === '..')) return bad('has a . or .. segment');
  if (segments.some((x) => x === '')) return bad('has an empty segment (//)');
  return { path: segments.join('/') };
}

/** The repository's canonical https address, or why the input is refused (no local path, ever). */
export function selfCheckTarget(input: string): { url: string } | { refused: string } {
  const c = classifyTarget(input.trim(), { existsLocally: () => false });
  if (c.kind === 'refused') return { refused: c.reason };
  if (c.kind === 'owner')
    return { refused: `${c.owner.webUrl} is an account, not a repository; give https://${c.owner.hostname}/${c.owner.owner}/NAME` };
  if (c.kind !== 'remote') return { refused: 'expected a repository URL such as https://github.com/OWNER/NAME' };
  return { url: c.spec.webUrl };
}

export type RunSelfCheck = (url: string, opts: { path?: string }) => Promise<Report>;

/** Registers the worker that runs queued self-checks and stores their reports. */
export function workSelfChecks(jobs: JobQueue, store: Store, run: RunSelfCheck, opts: { concurrency?: number } = {}): void {
  jobs.work<SelfCheckJob>(
    SELF_CHECK_JOB,
    async (job) => {
      const report = await run(job.data.url, job.data.path ? { path: job.data.path } : {});
      await inTransaction(store, (trx) =>
        insertReport(
          trx,
          { kind: 'self-check', subject: `self-check:${job.id}`, repoKey: normalizeRepoUrl(job.data.url), report },
          new Date().toISOString(),
        ),
      );
    },
    { concurrency: opts.concurrency ?? 1 },
  );
}

/** Per-visitor sliding window: at most `limit` self-checks in the last hour. */
export class VisitorLimit {
  private seen = new Map<string, number[]>();
  constructor(private readonly limit: number) {}
  /** null when allowed (and counted), else the seconds until the oldest request leaves the window */
  take(visitor: string, now: number): number | null {
    const hour = 3600_000;
    const recent = (this.seen.get(visitor) ?? []).filter((t) => now - t < hour);
    if (recent.length >= this.limit) {
      this.seen.set(visitor, recent);
      return Math.ceil((recent[0]! + hour - now) / 1000);
    }
    recent.push(now);
    this.seen.set(visitor, recent);
    // the map only keeps visitors seen within the hour
    if (this.seen.size > 10_000) for (const [k, v] of this.seen) if (v.every((t) => now - t >= hour)) this.seen.delete(k);
    return null;
  }
}
