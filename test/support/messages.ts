// Asserting what a rule said by message id and data (its wording lives in meta.messages), and
// that the summary a person reads is that wording filled in, nothing added or lost.
import assert from 'node:assert/strict';
import type { Outcome, Rule } from '../../src/requirements/types.js';

/** `o` said message `id` of `rule`, with at least the `data` given, and its summary is that message filled in. */
export function assertSaid(rule: Pick<Rule, 'meta'>, o: Outcome, id: string, data: Record<string, string | number> = {}): void {
  assert.ok(o.message, `no message: ${o.summary}`);
  assert.equal(o.message.id, id, o.summary);
  for (const [k, v] of Object.entries(data)) assert.equal(o.message.data[k], v, `${id}.${k}`);
  const template = rule.meta.messages[id];
  assert.ok(template !== undefined, `${rule.meta.key} has no message ${id}`);
  const filled = template.replace(/\{(\w+)\}/g, (whole, k: string) => (k in o.message!.data ? String(o.message!.data[k]) : whole));
  assert.equal(o.summary, filled);
}
