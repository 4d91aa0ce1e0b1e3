// Requirement 7: Permissive licensing.
import type { Requirement } from './types.js';

export const permissiveLicense: Requirement = {
  meta: {
    id: 7,
    key: 'permissive-license',
    title: 'Permissive licensing',
    tac: 'Users must be able to utilize ecosystem projects without licensing concerns. e.g. BSD-3, Apache-2 and MIT licenses',
    automation: 'full',
    measures:
      'The project\'s license, identified by its text, is an SPDX id on the policy allowlist ({licenses.allow}). A modified template with added restrictions fails; an unidentified text is review.',
  },
  evaluate() {
    return { status: 'unknown', summary: 'Not measured yet.', measured: {}, evidence: [] };
  },
};
