// What both queue engines share: how long to wait between attempts and the knobs tests turn.

/** attempts after the first failure before a job is dead, when the job does not say */
export const DEFAULT_RETRY_LIMIT = 5;

export interface QueueTuning {
  /** how often an idle worker looks for due jobs (ms) */
  pollMs?: number;
  /** how long a claim holds a job without renewal before another worker may take it (ms) */
  leaseMs?: number;
  /** the first retry's delay; each later one doubles it (ms) */
  retryDelayMs?: number;
  /** the longest delay between attempts (ms) */
  maxRetryDelayMs?: number;
  /** failures of the queue's own machinery (not of a job), which it survives */
  onError?: (what: string, err: unknown) => void;
  now?: () => Date;
}

/** The delay before the retry that follows failed attempt `attempt` (1-based): exponential, capped. */
export function backoffMs(attempt: number, tuning: Pick<QueueTuning, 'retryDelayMs' | 'maxRetryDelayMs'> = {}): number {
  const base = tuning.retryDelayMs ?? 2_000;
  const cap = tuning.maxRetryDelayMs ?? 3_600_000;
  return Math.min(cap, base * 2 ** Math.max(0, attempt - 1));
}
