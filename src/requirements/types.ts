// The shape every requirement module has: metadata (with the TAC's own words) and one pure
// evaluate() of Evidence × Policy × asOf.
import type { Evidence, EvidenceRef } from '../evidence/types.js';
import type { Policy } from '../policy/types.js';

export type Status = 'pass' | 'fail' | 'warn' | 'review' | 'unknown' | 'exempt';
export type Automation = 'full' | 'partial' | 'manual';

export interface RequirementMeta {
  /** the TAC number, 1–19 */
  id: number;
  /** stable kebab-case name */
  key: string;
  title: string;
  /** the TAC document's text for this requirement, verbatim */
  tac: string;
  automation: Automation;
  /** what is measured and when it passes, in words; may name `{thresholds.x}` placeholders */
  measures: string;
}

export interface Outcome {
  status: Status;
  summary: string;
  measured: Record<string, unknown>;
  evidence: EvidenceRef[];
  fix?: string;
}

export interface Result extends Outcome {
  id: number;
  key: string;
  title: string;
  automation: Automation;
  /** the early warning: this requirement passes today and, at the current pace, fails before the horizon */
  forecast?: Forecast;
}

/** When a passing activity requirement is expected to fail, and how that was worked out. */
export interface Forecast {
  /** YYYY-MM-DD */
  fails: string;
  /** what is projected: `commits per 90 days`, `contributors per 90 days`, `days between releases`, `torch releases supported` */
  measure: string;
  /** today's value and the projected value on the day it fails (trends only) */
  now?: number;
  then?: number;
  /** the end of the look-ahead: the next periodic review or six months, whichever is later (YYYY-MM-DD) */
  horizon: string;
  method: string;
  /** one sentence: `at the current pace, requirement 13 fails around 2027-02-10 (commits per 90 days: 41 → 28)` */
  text: string;
}

export interface EvalContext {
  policy: Policy;
  asOf: Date;
}

export interface Requirement {
  meta: RequirementMeta;
  evaluate(evidence: Evidence, ctx: EvalContext): Outcome;
}
