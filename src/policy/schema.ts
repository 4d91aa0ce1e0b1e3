// The policy file's shape, as a zod schema. Built on first use from a lazily loaded zod: the
// default check reads the build's prepared policy and never pays for loading the library.
import { createRequire } from 'node:module';
import type { z as Zod } from 'zod';
import { approvalVoteRule, majorityRule } from '../process/policy-votes.js';

type Z = typeof Zod;
let lib: Z | undefined;

/** zod, loaded on first use (a cold start of `steward check` with the prepared policy never needs it). */
export function zod(): Z {
  lib ??= (createRequire(import.meta.url)('zod') as { z: Z }).z;
  return lib;
}

const KEY = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The file's schema. `key` of a rule is checked against the rules the checker has by the loader. */
export function policyFileSchema(z: Z) {
  const text = z.string().trim().min(1, 'a non-empty string');
  // YAML reads `version: 1.0` as a number; a version is a name
  const name = z.union([text, z.number().transform(String)]);
  const count = z.number().int().min(0);
  const options = z.record(z.string(), z.unknown());
  const regex = text.refine(
    (p) => {
      try {
        new RegExp(p, 'i');
        return true;
      } catch {
        return false;
      }
    },
    { message: 'a regular expression' },
  );
  const rule = z.strictObject({
    /** the checker's rule this entry applies (src/requirements) */
    key: z.string().regex(KEY, 'a kebab-case rule key'),
    /** the number the policy gives it */
    number: z.number().int().min(1),
    title: text,
    /** the policy's own words for it, verbatim */
    text: text,
    options: options.default({}),
    /** the stage from which it applies (a policy with stages); none: every stage */
    stage: z.string().regex(KEY).optional(),
  });
  const stage = z.strictObject({
    id: z.string().regex(KEY, 'a kebab-case stage id'),
    title: text,
    /** options a stage raises, by rule key: merged over the rule's options and earlier stages' */
    options: z.record(z.string(), options).default({}),
    /** the policy's own words for a rule at this stage, where they differ from earlier stages' (a raised number) */
    text: z.record(z.string(), text).default({}),
  });
  const approved = z
    .strictObject({ kind: text.optional(), repo: text.optional(), reason: text, approvedOn: name })
    .refine((a) => a.kind !== undefined || a.repo !== undefined, { message: 'a kind or a repo' });
  return z.strictObject({
    id: z.string().regex(KEY, 'a kebab-case policy id'),
    version: name,
    title: text,
    source: text,
    effective: name,
    /** numbers more than one rule (and the evidence's gathering) must agree on */
    shared: z.strictObject({
      /** the activity window in days (12, 13, the forecast and the history's count) */
      windowDays: count.min(1),
      /** the latest N torch feature releases a project must admit (1 and 10) */
      supportedTorchReleases: count.min(1),
    }),
    stages: z.array(stage).optional(),
    rules: z.array(rule).min(1, 'at least one rule'),
    exemptions: z.array(z.strictObject({ rule: z.string().regex(KEY, 'a rule key'), reason: text })).default([]),
    licenses: z.strictObject({ allow: z.array(text) }),
    codeOfConduct: z.strictObject({ default: text, approved: z.array(approved).default([]) }),
    bots: z.strictObject({ names: z.array(text), emails: z.array(text).default([]), patterns: z.array(regex).default([]) }),
    process: z.strictObject({
      resubmitAfterMonths: count,
      reviewEveryMonths: count,
      fixWithinDays: count,
      /** approvals over the roster the vote opened with: `more-than-half-of-roster`, `2/3-of-roster`, `>2/3-of-roster` */
      approvalRule: z
        .string()
        .refine((r) => approvalVoteRule(r) !== undefined, { message: 'more-than-half-of-roster or N/D-of-roster (e.g. 2/3-of-roster)' })
        .default('more-than-half-of-roster'),
      sessionSize: count,
      /** how a project failing its review is archived; absent: automatically when the fix period ends */
      archive: z
        .discriminatedUnion('by', [
          z.strictObject({ by: z.literal('fix-period') }),
          z.strictObject({
            by: z.literal('vote'),
            /** who votes, each by the majority */
            bodies: z.array(text).min(1, 'at least one voting body'),
            majority: text.refine((m) => majorityRule(m) !== undefined, { message: 'more-than-half, N/D or >N/D (e.g. 2/3)' }),
          }),
        ])
        .optional(),
    }),
  });
}

/** A policy file as written, validated. */
export type PolicyFile = Zod.output<ReturnType<typeof policyFileSchema>>;
export type PolicyRuleEntry = PolicyFile['rules'][number];
export type PolicyStage = PolicyFile['stages'] extends (infer S)[] | undefined ? S : never;
