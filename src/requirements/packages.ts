// Requirement 9: Packages.
import type { Requirement } from './types.js';

export const packages: Requirement = {
  meta: {
    id: 9,
    key: 'packages',
    title: 'Packages',
    tac: 'Projects need to have support for binary installation options (pip/Conda).',
    automation: 'partial',
    measures:
      'The distribution exists on PyPI with a wheel in a release, or on conda-forge; online only. Offline: unknown, with any publishing workflow as evidence.',
  },
  evaluate() {
    return { status: 'unknown', summary: 'Not measured yet.', measured: {}, evidence: [] };
  },
};
