// Requirement 4: User experience.
import type { Requirement } from './types.js';

export const userExperience: Requirement = {
  meta: {
    id: 4,
    key: 'user-experience',
    title: 'User experience',
    tac: 'The value proposition should be made clear for the project and documented in the README of the project repository.',
    automation: 'partial',
    measures:
      'The README opens with a prose description of at least {thresholds.readmeMinWords} words before the first code block or install heading; the opening paragraph is quoted for a reviewer.',
  },
  evaluate() {
    return { status: 'unknown', summary: 'Not measured yet.', measured: {}, evidence: [] };
  },
};
