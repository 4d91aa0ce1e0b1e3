// Requirement 16: README.
import type { Requirement } from './types.js';

export const readme: Requirement = {
  meta: {
    id: 16,
    key: 'readme',
    title: 'README',
    tac: 'README.md welcomes new community members to the project and explains why the project is useful and how to get started. Should include information about release methodology, cadence, and criteria in the README.',
    automation: 'full',
    measures:
      'A README (.md, .rst, .txt or none) at the root; warn when it gives no release information (a heading or paragraph on release process, cadence or versioning, or a linked CHANGELOG / RELEASE file).',
  },
  evaluate() {
    return { status: 'unknown', summary: 'Not measured yet.', measured: {}, evidence: [] };
  },
};
