// Requirement 8: Functional testing.
import type { Requirement } from './types.js';

export const functionalTesting: Requirement = {
  meta: {
    id: 8,
    key: 'functional-testing',
    title: 'Functional testing',
    tac: 'Users should have developed tests submitted as a part of their project, and be confident that the project will work well with the latest releases of PyTorch.',
    automation: 'partial',
    measures:
      'Test sources exist (tests/, test/ or testing/ directories, test_*.py, *_test.py) and CI runs them (pytest, tox, nox, python -m unittest, make test); tests not run by CI: warn.',
  },
  evaluate() {
    return { status: 'unknown', summary: 'Not measured yet.', measured: {}, evidence: [] };
  },
};
