// The report contract (steward.report/v1): what `steward check --format json` prints and what the
// process engine stores beside the evidence.
import type { SourceUse, EvidenceProblem } from '../evidence/types.js';
import type { Result } from '../requirements/types.js';

export type Verdict = 'pass' | 'fail' | 'review';

export interface Report {
  schema: 'steward.report/v1';
  tool: { name: 'steward'; version: string };
  /** `stage`: only when the policy has stages (additive to v1) */
  policy: { id: string; version: string; stage?: string };
  /**
   * `path` (additive to v1): the folder the project lives in; the report's file paths are relative
   * to it, except `inherited`, the repository's shared files (CI, CODEOWNERS, …) read from its root
   */
  target: { input: string; repo: string; rev: string; commit: string; asOf: string; webUrl?: string; path?: string; inherited?: string[] };
  sources: SourceUse[];
  verdict: Verdict;
  requirements: Result[];
  problems: EvidenceProblem[];
}

/** `fail` if any result fails, else `review` if any is review or unknown, else `pass`. */
export function verdictOf(results: Pick<Result, 'status'>[]): Verdict {
  if (results.some((r) => r.status === 'fail')) return 'fail';
  if (results.some((r) => r.status === 'review' || r.status === 'unknown')) return 'review';
  return 'pass';
}

export const EXIT_CODES: Record<Verdict, number> = { pass: 0, fail: 1, review: 3 };
