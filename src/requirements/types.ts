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
}

export interface EvalContext {
  policy: Policy;
  asOf: Date;
}

export interface Requirement {
  meta: RequirementMeta;
  evaluate(evidence: Evidence, ctx: EvalContext): Outcome;
}
