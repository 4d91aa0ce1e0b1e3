// Requirement 5: Quick start.
import type { Requirement } from './types.js';

export const quickStart: Requirement = {
  meta: {
    id: 5,
    key: 'quick-start',
    title: 'Quick start',
    tac: 'Project should have a working and demonstrable quick start.',
    automation: 'partial',
    measures:
      'The README (or docs index) has a quick start / getting started / installation / usage heading followed by a code block with an install command (pip install, conda install, uv add, pixi add) or a runnable example.',
  },
  evaluate() {
    return { status: 'unknown', summary: 'Not measured yet.', measured: {}, evidence: [] };
  },
};
