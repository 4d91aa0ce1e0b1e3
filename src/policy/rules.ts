// A policy's rules as people read them: the policy's number, title and words beside the rule's
// own account of what it measures, with the policy's values filled in.
import type { Policy, PolicyRule } from './types.js';
import { RULES_BY_KEY } from '../requirements/index.js';
import type { Automation } from '../requirements/types.js';

export interface RuleDescription {
  number: number;
  key: string;
  title: string;
  /** the policy's official text */
  text: string;
  automation: Automation;
  /** what is measured, with the policy's values */
  measures: string;
  stage?: string;
  options: Record<string, unknown>;
}

/** The entry of the rule `key` in the policy, if it applies it. */
export function ruleEntry(policy: Policy, key: string): PolicyRule | undefined {
  return policy.rules.find((r) => r.key === key);
}

/** A number option of the rule `key` (undefined when the policy does not apply the rule). */
export function numberOption(policy: Policy, key: string, option: string): number | undefined {
  const v = ruleEntry(policy, key)?.options[option];
  return typeof v === 'number' ? v : undefined;
}

/**
 * Fills `{options.x}` (the rule's options), `{rule.key}` (the number the policy gives a rule) and
 * `{section.x}` (`{shared.windowDays}`, `{licenses.allow}`, `{process.fixWithinDays}`) from the policy.
 */
export function fillPlaceholders(text: string, policy: Policy, options: Record<string, unknown> = {}): string {
  return text.replace(/\{([a-zA-Z]+)\.([a-zA-Z-]+)\}/g, (whole, group: string, key: string) => {
    if (group === 'rule') return String(ruleEntry(policy, key)?.number ?? whole);
    const section = group === 'options' ? options : (policy as unknown as Record<string, Record<string, unknown> | undefined>)[group];
    const value = section?.[key];
    if (Array.isArray(value)) return value.join(', ');
    return value === undefined ? whole : String(value);
  });
}

export function describeRules(policy: Policy): RuleDescription[] {
  return policy.rules.map((r) => {
    const meta = RULES_BY_KEY.get(r.key);
    return {
      number: r.number,
      key: r.key,
      title: r.title,
      text: r.text,
      automation: meta?.meta.automation ?? 'manual',
      measures: meta ? fillPlaceholders(meta.meta.measures, policy, r.options) : '',
      ...(r.stage !== undefined ? { stage: r.stage } : {}),
      options: r.options,
    };
  });
}
