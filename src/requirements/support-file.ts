// SUPPORT file: where users and developers get help, in the root, .github/ or docs/ (GitHub links
// it from the new-issue page).
import { defineRule } from './rule.js';
import { fileMessages, judgeFilePresent, type FileRule } from './community-file-present.js';
import type { RuleMeta } from './types.js';

const FILE: FileRule = {
  kind: 'support',
  fix: 'Add SUPPORT.md at the root: where to ask questions (forum, chat, discussions), where to report bugs, and what help to expect.',
};

const meta: RuleMeta = {
  key: 'support-file',
  automation: 'full',
  measures: 'A SUPPORT file in the root, .github/ or docs/.',
  messages: fileMessages('SUPPORT file', 'tells users and developers how to get help'),
};

export const supportFile = defineRule({
  meta,
  options: (z) => z.strictObject({}),
  evaluate: (evidence) => judgeFilePresent(evidence, meta, FILE),
});
