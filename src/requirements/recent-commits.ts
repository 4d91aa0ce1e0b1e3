// Requirement 13: Commits.
import type { Requirement } from './types.js';

export const recentCommits: Requirement = {
  meta: {
    id: 13,
    key: 'recent-commits',
    title: 'Commits',
    tac: 'The project must have 30 commits in the last 90 days.',
    automation: 'full',
    measures:
      'At least {thresholds.recentCommits} non-merge commits not authored by a bot whose committer time is in the last {thresholds.windowDays} days (asOf − {thresholds.windowDays} days < t ≤ asOf), over all commits reachable from the evaluated revision.',
  },
  evaluate() {
    return { status: 'unknown', summary: 'Not measured yet.', measured: {}, evidence: [] };
  },
};
