// Requirement 12: Contributors.
import type { Requirement } from './types.js';

export const activeContributors: Requirement = {
  meta: {
    id: 12,
    key: 'active-contributors',
    title: 'Contributors',
    tac: 'The project should have a minimum of 5 total contributors active in the last 90 days.',
    automation: 'full',
    measures:
      'At least {thresholds.activeContributors} contributors (commit authors and Co-authored-by trailers, merged by .mailmap, e-mail, GitHub no-reply login and name; bots left out) among the commits of the last {thresholds.windowDays} days.',
  },
  evaluate() {
    return { status: 'unknown', summary: 'Not measured yet.', measured: {}, evidence: [] };
  },
};
