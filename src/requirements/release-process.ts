// RELEASE file: the release methodology, cadence and criteria. RELEASING.md and
// RELEASE_PROCESS.md say the same; release notes (RELEASE_NOTES, RELEASES, CHANGELOG) do not.
import { defineRule } from './rule.js';
import { fileMessages, judgeFilePresent, type FileRule } from './community-file-present.js';
import type { RuleMeta } from './types.js';

const FILE: FileRule = {
  kind: 'release',
  fix: 'Add RELEASE.md at the root: how releases are made (methodology), how often (cadence), what a release must meet (criteria) and who makes them.',
};

const meta: RuleMeta = {
  key: 'release-process',
  automation: 'full',
  measures: 'A RELEASE file (RELEASE, RELEASING, RELEASE_PROCESS) in the root, .github/ or docs/.',
  messages: fileMessages('RELEASE file', 'documents how the project is released'),
};

export const releaseProcess = defineRule({
  meta,
  options: (z) => z.strictObject({}),
  evaluate: (evidence) => judgeFilePresent(evidence, meta, FILE),
});
