// Requirement 18: CODEOWNERS.
import type { Requirement } from './types.js';

export const codeowners: Requirement = {
  meta: {
    id: 18,
    key: 'codeowners',
    title: 'CODEOWNERS',
    tac: 'CODEOWNERS that define individuals or teams responsible for code in a repository; document current project owners and Retired committers.',
    automation: 'full',
    measures:
      'A CODEOWNERS file in the root, .github/ or docs/ with at least one rule; warn when no retired or emeritus owners are documented.',
  },
  evaluate() {
    return { status: 'unknown', summary: 'Not measured yet.', measured: {}, evidence: [] };
  },
};
