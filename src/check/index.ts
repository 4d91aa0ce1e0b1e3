// `steward check`: resolve a target, gather its evidence once, judge it, return the report.
import type { Evidence } from '../evidence/types.js';
import type { Policy } from '../policy/types.js';
import type { Report } from '../report/types.js';
import { loadDefaultPolicy } from '../policy/load.js';
import { resolveLocalTarget, type ResolvedTarget } from './target.js';
import { gatherEvidence } from './gather.js';
import { evaluate } from './evaluate.js';
import { InputError } from '../util/errors.js';

export interface CheckOptions {
  rev?: string;
  /** the instant the evaluation is for (default now) */
  asOf?: Date;
  policy?: Policy;
  offline?: boolean;
  torchReleasesFile?: string;
}

export interface CheckResult {
  report: Report;
  evidence: Evidence;
}

export async function resolveTarget(input: string, opts: CheckOptions = {}): Promise<ResolvedTarget> {
  return resolveLocalTarget(input, opts.rev ?? 'HEAD');
}

export async function checkResolved(target: ResolvedTarget, opts: CheckOptions = {}): Promise<CheckResult> {
  const policy = opts.policy ?? loadDefaultPolicy();
  const asOf = opts.asOf ?? new Date();
  const evidence = await gatherEvidence(target, {
    asOf,
    policy,
    ...(opts.torchReleasesFile ? { torchReleasesFile: opts.torchReleasesFile } : {}),
  });
  return { report: evaluate(evidence, policy), evidence };
}

export async function check(input: string, opts: CheckOptions = {}): Promise<CheckResult> {
  return checkResolved(await resolveTarget(input, opts), opts);
}

/** Parses `--as-of`: an ISO date (midnight UTC) or instant; anything else is an input error. */
export function parseAsOf(text: string): Date {
  const trimmed = text.trim();
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(trimmed);
  const d = new Date(dateOnly ? `${trimmed}T00:00:00Z` : trimmed);
  if (!/^\d{4}-\d{2}-\d{2}/.test(trimmed) || Number.isNaN(d.getTime())) {
    throw new InputError(`--as-of ${JSON.stringify(text)}: expected an ISO 8601 date or instant, e.g. 2026-11-27 or 2026-11-27T12:00:00Z`);
  }
  return d;
}

export { evaluate } from './evaluate.js';
export { gatherEvidence } from './gather.js';
export type { ResolvedTarget } from './target.js';
