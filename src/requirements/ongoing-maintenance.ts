// Requirement 10: Ongoing maintenance.
import type { Requirement } from './types.js';

export const ongoingMaintenance: Requirement = {
  meta: {
    id: 10,
    key: 'ongoing-maintenance',
    title: 'Ongoing maintenance',
    tac: 'Project maintainers must be committed to supporting and maintaining their projects for the next 12 months at a minimum. Projects must commit to updating their projects to the latest two releases of PyTorch (e.g. versions 2.6, 2.5.1).',
    automation: 'partial',
    measures:
      'Requirement 1 admits the latest {thresholds.supportedTorchReleases} torch releases, the activity window has at least one commit, and a release or tag is no older than {thresholds.releaseMonths} months; the maintenance commitment comes from the application form.',
  },
  evaluate() {
    return { status: 'unknown', summary: 'Not measured yet.', measured: {}, evidence: [] };
  },
};
