// Requirement 2: Working CI.
import type { Requirement } from './types.js';

export const workingCi: Requirement = {
  meta: {
    id: 2,
    key: 'working-ci',
    title: 'Working CI',
    tac: 'Projects must have a demonstrable working CI workflow for all declared architectures',
    automation: 'partial',
    measures:
      'A CI configuration exists (GitHub Actions workflows triggered on push or pull_request, GitLab CI, CircleCI, Azure Pipelines, Travis, Jenkins, Buildkite) and, with GitHub access, the latest completed runs on the default branch succeeded; offline: warn. Every operating system the project declares (Trove classifiers, wheel platforms) must appear among the CI runners, else warn.',
  },
  evaluate() {
    return { status: 'unknown', summary: 'Not measured yet.', measured: {}, evidence: [] };
  },
};
