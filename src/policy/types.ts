// What a policy holds: the rules it applies (numbered and worded as it says, with their options),
// and the lists and numbers the rules, the evidence and the process share. A policy is data
// (data/policies/*.yml); the types come from its schema (schema.ts), so they cannot drift from it.
import type { PolicyFile, PolicyRuleEntry, PolicyStage } from './schema.js';

/** A rule as the policy applies it: its options merged over the chosen stages and checked by the rule's own schema. */
export type PolicyRule = PolicyRuleEntry;
export type { PolicyStage };

/**
 * A policy resolved for one stage: `rules` is the flat list that stage applies, in the policy's
 * order; `stage` is set only when the policy has stages.
 */
export type Policy = PolicyFile & { stage?: string };

export type ProcessRules = Policy['process'];
export type ApprovedCode = Policy['codeOfConduct']['approved'][number];
export type Exemption = Policy['exemptions'][number];
