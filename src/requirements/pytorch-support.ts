// Requirement 1: PyTorch support.
import type { Requirement } from './types.js';

export const pytorchSupport: Requirement = {
  meta: {
    id: 1,
    key: 'pytorch-support',
    title: 'PyTorch support',
    tac: 'Project must demonstrate benefit to the pytorch community and be validated with the latest versions of PyTorch.',
    automation: 'partial',
    measures:
      '`torch` is a declared dependency (pyproject dependencies, optional-dependencies, dependency-groups, Poetry; setup.cfg install_requires; literal lists in setup.py; requirements*.txt; environment*.yml; conda meta.yaml) and its specifier admits the latest {thresholds.supportedTorchReleases} feature releases of torch as of the evaluation date. Fails when the specifier excludes the latest release; review when torch is not declared at all.',
  },
  evaluate() {
    return { status: 'unknown', summary: 'Not measured yet.', measured: {}, evidence: [] };
  },
};
