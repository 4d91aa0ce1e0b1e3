// Requirement 19: Code of conduct.
import type { Requirement } from './types.js';

export const codeOfConduct: Requirement = {
  meta: {
    id: 19,
    key: 'code-of-conduct',
    title: 'Code of conduct',
    tac: 'CODE_OF_CONDUCT.md sets the ground rules for participants’ behavior and helps facilitate a friendly, welcoming environment. By default, projects should leverage the Linux Foundation Code of Conduct unless an alternate Code of Conduct is approved prior.',
    automation: 'full',
    measures:
      'A CODE_OF_CONDUCT file in the root, .github/ or docs/ (or the organisation\'s .github repository); which code it is (Linux Foundation, Contributor Covenant and version, other) is measured, and a code other than the Linux Foundation\'s is warn unless the policy records the TAC\'s prior approval.',
  },
  evaluate() {
    return { status: 'unknown', summary: 'Not measured yet.', measured: {}, evidence: [] };
  },
};
