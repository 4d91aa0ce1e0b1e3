// Real-shaped reports without a repository: requirement 13 (commits) is judged by the real
// requirement over synthetic evidence with the given commit count; the other eighteen pass.
// Lets process tests drive reviews ("28 commits → 13 fails") in milliseconds.
import { RULES_BY_KEY } from '../../src/requirements/index.js';
import { loadDefaultPolicy } from '../../src/policy/load.js';
import { verdictOf, type Report } from '../../src/report/types.js';
import type { Result } from '../../src/requirements/types.js';
import type { Evaluator } from '../../src/process/engine.js';
import { makeEvidence, evaluateRule } from '../support/evidence.js';
import { dailyCommits, rawHistory } from '../support/history.js';

export function fakeReport(opts: { commits: number; asOf: Date; repo?: string; commit?: string }): { report: Report; evidence: unknown } {
  const policy = loadDefaultPolicy();
  const asOf = opts.asOf.toISOString();
  const evidence = makeEvidence({ asOf });
  evidence.history = rawHistory(asOf, dailyCommits(asOf, opts.commits));
  const requirements: Result[] = policy.rules.map((m) => {
    const rule = RULES_BY_KEY.get(m.key)!;
    const { message: _message, ...outcome } =
      m.key === 'recent-commits'
        ? evaluateRule(rule, evidence, { policy, asOf: opts.asOf })
        : { status: 'pass' as const, summary: `${m.title}: met (synthetic)`, measured: {}, evidence: [], message: undefined };
    return { id: m.number, key: m.key, title: m.title, automation: rule.meta.automation, ...outcome };
  });
  const report: Report = {
    schema: 'steward.report/v1',
    tool: { name: 'steward', version: '0.1.0' },
    policy: { id: policy.id, version: policy.version },
    target: {
      input: opts.repo ?? 'https://github.com/example/project',
      repo: opts.repo ?? 'example/project',
      rev: 'HEAD',
      commit: opts.commit ?? 'c'.repeat(40),
      asOf,
    },
    sources: [{ name: 'synthetic' }],
    verdict: verdictOf(requirements),
    requirements,
    problems: [],
  };
  return { report, evidence: { history: evidence.history } };
}

/** An evaluator whose commit count per project is looked up (default 40, passing) and can change. */
export function fakeEvaluator(commits: Map<string, number> = new Map(), calls: string[] = []): Evaluator {
  return async (target, asOf) => {
    calls.push(target.id);
    const key = commits.has(target.repoUrl) ? target.repoUrl : target.id;
    return fakeReport({ commits: commits.get(key) ?? 40, asOf, repo: target.repoUrl });
  };
}
