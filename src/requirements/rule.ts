// Writing a rule: its options' type inferred from its schema, its summaries from its messages.
import type { z as Zod } from 'zod';
import type { Evidence } from '../evidence/types.js';
import type { Message, OptionsSchema, Outcome, Rule, RuleContext, RuleMeta } from './types.js';

/** A rule with its options' type inferred from its schema. */
export function defineRule<S extends OptionsSchema>(rule: {
  meta: RuleMeta;
  options(z: typeof Zod): S;
  evaluate(evidence: Evidence, ctx: RuleContext<Zod.output<S>>): Outcome;
}): Rule<Zod.output<S>> {
  return rule;
}

/** `summary` and `message` of an outcome: the rule's wording for `id`, filled from `data`. */
export function say<M extends RuleMeta>(
  meta: M,
  id: keyof M['messages'] & string,
  data: Record<string, string | number> = {},
): { summary: string; message: Message } {
  const template = meta.messages[id];
  if (template === undefined) throw new Error(`rule ${meta.key}: no message ${id}`);
  const summary = template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole));
  return { summary, message: { id, data } };
}
