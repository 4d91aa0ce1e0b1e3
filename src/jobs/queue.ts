// The durable job queue every driver hands slow work to (webhook work, checks, self-checks,
// periodic reviews, notice delivery). One interface, two engines: a job table in the SQLite
// store (one process owns the file, workers run in-process) and pg-boss on PostgreSQL (any
// number of `steward worker` processes share it). A job survives a crash of whoever took it:
// it is retried with back-off until its retry limit, then kept as dead for staff to retry.

export interface JobOptions {
  /** at most one job with this key is queued or running per name (a project's review, a delivery id) */
  singletonKey?: string;
  /** not before this instant */
  startAfter?: Date;
  /** attempts after the first failure before the job is dead (default 5) */
  retryLimit?: number;
}

export interface Job<T = unknown> {
  id: string;
  name: string;
  data: T;
  /** 1 on the first run */
  attempt: number;
}

export type JobState = 'queued' | 'active' | 'completed' | 'failed' | 'dead';

export interface JobRecord {
  id: string;
  name: string;
  data: unknown;
  state: JobState;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface JobQueue {
  /** the id of the job queued, or null when a job with the same singleton key is already queued or running */
  enqueue<T>(name: string, data: T, opts?: JobOptions): Promise<string | null>;
  /** registers the handler of one job name; a handler that throws fails that attempt */
  work<T>(name: string, handler: (job: Job<T>) => Promise<void>, opts?: { concurrency?: number }): void;
  start(): Promise<void>;
  /** stops taking jobs; waits for the jobs in hand to finish (or releases them when `graceful` is false) */
  stop(opts?: { graceful?: boolean }): Promise<void>;
  /** resolves when no job of these names (default: any) is queued or active: for tests and one-shot runs */
  drain(names?: string[]): Promise<void>;
  get(id: string): Promise<JobRecord | undefined>;
  /** jobs that exhausted their retries, newest first */
  dead(): Promise<JobRecord[]>;
  /** puts a dead job back in the queue for one more attempt (its attempt count is kept) */
  retry(id: string): Promise<void>;
}
