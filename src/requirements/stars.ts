// Requirement 14: Stars.
import type { Requirement } from './types.js';

export const stars: Requirement = {
  meta: {
    id: 14,
    key: 'stars',
    title: 'Stars',
    tac: 'The project must have a minimum of 200 stars on github',
    automation: 'full',
    measures:
      'At least {thresholds.stars} stargazers on GitHub (or GitLab); offline: unknown.',
  },
  evaluate() {
    return { status: 'unknown', summary: 'Not measured yet.', measured: {}, evidence: [] };
  },
};
