// Requirement 3: Governance.
import type { Requirement } from './types.js';

export const governance: Requirement = {
  meta: {
    id: 3,
    key: 'governance',
    title: 'Governance',
    tac: 'Projects must have documented technical governance defined and implemented and it must be represented in their Github or Gitlab repository. Example:  Review the LF’s Minimum Viable Governance framework.',
    automation: 'partial',
    measures:
      'A GOVERNANCE file in the root, .github/ or docs/, a docs/**/governance* page, or a README heading containing "Governance"; its content is shown for a reviewer.',
  },
  evaluate() {
    return { status: 'unknown', summary: 'Not measured yet.', measured: {}, evidence: [] };
  },
};
