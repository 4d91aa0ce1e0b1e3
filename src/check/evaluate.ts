// Judges gathered Evidence by the rules a policy lists (in its order, numbered and titled as it
// says) and assembles the Report. Pure: the same evidence, policy and asOf always give the same report.
import type { Evidence } from '../evidence/types.js';
import type { Policy } from '../policy/types.js';
import { RULES_BY_KEY } from '../requirements/index.js';
import type { Outcome, Result } from '../requirements/types.js';
import { verdictOf, type Report } from '../report/types.js';
import { TOOL_VERSION } from '../version.js';
import { problemsUnderWindow } from '../requirements/activity-window.js';

export function evaluate(evidence: Evidence, policy: Policy): Report {
  const asOf = new Date(evidence.asOf);
  const numbers = new Map(policy.rules.map((r) => [r.key, r.number]));
  const numberOf = (key: string) => numbers.get(key);
  const exemptions = new Map(policy.exemptions.map((e) => [e.rule, e.reason]));
  const requirements: Result[] = policy.rules.map((entry) => {
    const rule = RULES_BY_KEY.get(entry.key);
    let outcome: Outcome;
    try {
      if (!rule)
        throw new Error(`policy ${policy.id} ${policy.version} names rule ${entry.key}, which this version of steward does not have`);
      outcome = rule.evaluate(evidence, { options: entry.options, policy, asOf, numberOf });
    } catch (err) {
      // a defect in one requirement must not hide the others
      outcome = {
        status: 'review' as const,
        summary: `Could not be evaluated: ${(err as Error).message}`,
        measured: {},
        evidence: [],
      };
    }
    const reason = exemptions.get(entry.key);
    if (reason !== undefined) outcome = exempted(outcome, reason, policy);
    return {
      id: entry.number,
      key: entry.key,
      title: entry.title,
      status: outcome.status,
      automation: rule?.meta.automation ?? 'manual',
      summary: outcome.summary,
      measured: sortKeys(outcome.measured) as Record<string, unknown>,
      evidence: outcome.evidence,
      ...(outcome.fix !== undefined ? { fix: outcome.fix } : {}),
    };
  });
  const repo = evidence.repo;
  return {
    schema: 'steward.report/v1',
    tool: { name: 'steward', version: TOOL_VERSION },
    policy: { id: policy.id, version: policy.version, ...(policy.stage !== undefined ? { stage: policy.stage } : {}) },
    target: {
      input: repo.input,
      repo: repo.slug ?? repo.root,
      rev: repo.rev,
      commit: repo.commit,
      asOf: evidence.asOf,
      ...(repo.webUrl ? { webUrl: repo.webUrl } : {}),
      ...(repo.path ? { path: repo.path, inherited: repo.inherited ?? [] } : {}),
    },
    sources: evidence.sources,
    verdict: verdictOf(requirements),
    requirements,
    problems: problemsUnderWindow(evidence, policy.shared.windowDays),
  };
}

/** The policy exempts this rule: the measured status is kept beside the reason, as a waiver keeps it. */
function exempted(o: Outcome, reason: string, policy: Policy): Outcome {
  return {
    ...o,
    status: 'exempt',
    summary: `exempt: ${reason} (policy ${policy.id} ${policy.version}); measured: ${o.summary}`,
    measured: { ...o.measured, waivedStatus: o.status },
  };
}

/** Recursively orders object keys so serialised output never depends on insertion order. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = sortKeys(v);
    }
    return out;
  }
  return value;
}
