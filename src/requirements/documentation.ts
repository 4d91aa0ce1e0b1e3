// Requirement 6: Documentation.
import type { Requirement } from './types.js';

export const documentation: Requirement = {
  meta: {
    id: 6,
    key: 'documentation',
    title: 'Documentation',
    tac: 'Projects must have clear and comprehensive documentation.',
    automation: 'partial',
    measures:
      'A documentation source (docs/ or doc/ with at least {thresholds.docsMinFiles} files, mkdocs.yml, Sphinx conf.py, .readthedocs.yml) or a documentation URL (readthedocs.io, github.io, a docs. host, or a Documentation project URL).',
  },
  evaluate() {
    return { status: 'unknown', summary: 'Not measured yet.', measured: {}, evidence: [] };
  },
};
