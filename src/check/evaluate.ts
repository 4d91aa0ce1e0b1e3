// Judges gathered Evidence against the 19 requirements under a policy and assembles the Report.
// Pure: the same evidence, policy and asOf always give the same report.
import type { Evidence } from '../evidence/types.js';
import type { Policy } from '../policy/types.js';
import { REQUIREMENTS } from '../requirements/index.js';
import type { Result } from '../requirements/types.js';
import { verdictOf, type Report } from '../report/types.js';
import { TOOL_VERSION } from '../version.js';

export function evaluate(evidence: Evidence, policy: Policy): Report {
  const asOf = new Date(evidence.asOf);
  const requirements: Result[] = REQUIREMENTS.map((req) => {
    let outcome;
    try {
      outcome = req.evaluate(evidence, { policy, asOf });
    } catch (err) {
      // a defect in one requirement must not hide the other eighteen
      outcome = {
        status: 'review' as const,
        summary: `Could not be evaluated: ${(err as Error).message}`,
        measured: {},
        evidence: [],
      };
    }
    return {
      id: req.meta.id,
      key: req.meta.key,
      title: req.meta.title,
      status: outcome.status,
      automation: req.meta.automation,
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
    policy: { id: policy.id, version: policy.version },
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
    problems: evidence.problems,
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
