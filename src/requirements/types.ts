// The shape every rule module has, as ESLint shapes its rules: metadata (a stable key, what is
// measured, the wording of its messages), a zod schema for the options a policy gives it, and one
// pure evaluate() of Evidence × its options × asOf. The number, title and official text of a rule
// are the policy's (data/policies/*.yml), not the rule's.
import type { z as Zod } from 'zod';
import type { Evidence, EvidenceRef } from '../evidence/types.js';
import type { Policy } from '../policy/types.js';

export type Status = 'pass' | 'fail' | 'warn' | 'review' | 'unknown' | 'exempt';
export type Automation = 'full' | 'partial' | 'manual';

export interface RuleMeta {
  /** stable kebab-case name a policy lists the rule by */
  key: string;
  automation: Automation;
  /** what is measured and when it passes, in words; may name `{options.x}`, `{shared.x}` or `{licenses.allow}` */
  measures: string;
  /** the wording of each outcome, by message id; `{name}` is filled from the message's data */
  messages: Readonly<Record<string, string>>;
}

/** What a rule said, without the wording: tests and machines read this, people read `summary`. */
export interface Message {
  id: string;
  data: Record<string, string | number>;
}

export interface Outcome {
  status: Status;
  summary: string;
  /** the id (in the rule's meta.messages) and data `summary` was rendered from */
  message?: Message;
  measured: Record<string, unknown>;
  evidence: EvidenceRef[];
  fix?: string;
}

export interface Result extends Omit<Outcome, 'message'> {
  /** the number the policy gives the rule */
  id: number;
  key: string;
  /** the policy's title for it */
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

export interface RuleContext<O> {
  /** the rule's options, as the policy gives them at the chosen stage, checked by its schema */
  options: O;
  /** the policy-wide lists and numbers (licenses, bots, code of conduct, shared) */
  policy: Policy;
  asOf: Date;
  /** the number the policy gives a rule (for "see requirement 7"); undefined when it does not list it */
  numberOf(key: string): number | undefined;
}

/** The schema of a rule's options: an object, so a stage can raise some of them (`.partial()`). */
export type OptionsSchema = Zod.ZodObject;

export interface Rule<O = Record<string, unknown>> {
  meta: RuleMeta;
  /** the options' schema, built from zod when a policy file is read (never on the prepared default path) */
  options(z: typeof Zod): OptionsSchema;
  evaluate(evidence: Evidence, ctx: RuleContext<O>): Outcome;
}
