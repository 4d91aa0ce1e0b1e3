// Requirement 15: LICENSE file.
import type { Requirement } from './types.js';

export const licenseFile: Requirement = {
  meta: {
    id: 15,
    key: 'license-file',
    title: 'LICENSE file',
    tac: 'LICENSE.md at the root of the repository specifying the terms and conditions for using, distributing, and modifying the software. In addition, you should provide information on the license of any third-party code included in the project.',
    automation: 'full',
    measures:
      'A license file at the root: LICENSE, LICENCE or COPYING, bare or with .md, .txt or .rst, or a LICENSES/ folder (REUSE). A name other than exactly LICENSE.md still passes, and the summary says so.',
  },
  evaluate() {
    return { status: 'unknown', summary: 'Not measured yet.', measured: {}, evidence: [] };
  },
};
