// Requirement 11: Core maintainers.
import type { Requirement } from './types.js';

export const coreMaintainers: Requirement = {
  meta: {
    id: 11,
    key: 'core-maintainers',
    title: 'Core maintainers',
    tac: 'The project must have a minimum of 2 core maintainers',
    automation: 'partial',
    measures:
      'At least {thresholds.coreMaintainers} distinct people named as owners: individual @login or e-mail owners in CODEOWNERS, people in MAINTAINERS / OWNERS files; @org/team owners count only when resolved through the GitHub API. Fallback: the application\'s maintainer handles (review).',
  },
  evaluate() {
    return { status: 'unknown', summary: 'Not measured yet.', measured: {}, evidence: [] };
  },
};
