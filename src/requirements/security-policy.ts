// SECURITY file: how to report a vulnerability, in the root, .github/ or docs/, or the security
// policy GitHub serves for the repository (its own or the organisation's), when GitHub was asked.
import { defineRule } from './rule.js';
import { fileMessages, judgeFilePresent, type FileRule } from './community-file-present.js';
import type { RuleMeta } from './types.js';

const FILE: FileRule = {
  kind: 'security',
  fix: 'Add SECURITY.md at the root: where to report a vulnerability privately (an address or GitHub private vulnerability reporting), what to include, and how reports are handled.',
  fromGitHub: (e) => e.online?.github?.files?.security,
};

const meta: RuleMeta = {
  key: 'security-policy',
  automation: 'full',
  measures: 'A SECURITY file in the root, .github/ or docs/; with GitHub access also the security policy GitHub shows for the repository.',
  messages: fileMessages('SECURITY file', 'tells users how to report security issues and vulnerabilities'),
};

export const securityPolicy = defineRule({
  meta,
  options: (z) => z.strictObject({}),
  evaluate: (evidence) => judgeFilePresent(evidence, meta, FILE),
});
