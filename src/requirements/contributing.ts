// Requirement 17: CONTRIBUTING file.
import type { Requirement } from './types.js';

export const contributing: Requirement = {
  meta: {
    id: 17,
    key: 'contributing',
    title: 'CONTRIBUTING file',
    tac: 'CONTRIBUTING.md explains how to contribute to the project. The file explains the types of contributions needed and how the development process works.',
    automation: 'full',
    measures:
      'A CONTRIBUTING file in the root, .github/ or docs/; with GitHub access also the organisation\'s .github repository.',
  },
  evaluate() {
    return { status: 'unknown', summary: 'Not measured yet.', measured: {}, evidence: [] };
  },
};
