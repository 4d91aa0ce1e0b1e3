// Requirement 3: Governance. Whether governance is documented is measured (a GOVERNANCE file, a
// docs governance page, a README "Governance" section); whether it is defined and implemented is
// for a reviewer, so its opening is quoted as evidence. Judged from the gathered facts
// (evidence.community.files.governance, evidence.community.governance).
import { baseOf } from '../evidence/community/files.js';
import { fileRef } from '../evidence/community/locate.js';
import { communityFile } from './community-file-present.js';
import { defineRule, say } from './rule.js';
import type { RuleMeta } from './types.js';

const meta = {
  key: 'governance',
  automation: 'partial',
  measures:
    'A GOVERNANCE file in the root, .github/ or docs/, a docs/**/governance* page, or a README heading containing "Governance"; its content is shown for a reviewer.',
  messages: {
    documented: 'Governance is documented in {path}. A reviewer must confirm it defines how decisions are made and who makes them.',
    readmeSection:
      'Governance is described under the "{heading}" heading of {path} (line {line}). A reviewer must confirm it defines how decisions are made and who makes them.',
    broken: 'The governance file cannot be used: {problem}.',
    missing:
      'No governance documentation: no GOVERNANCE file in the root, .github/ or docs/, no docs governance page, no README "Governance" section.',
  },
} as const satisfies RuleMeta;

export const governance = defineRule({
  meta,
  options: (z) => z.strictObject({}),
  evaluate(evidence) {
    const { found } = communityFile(evidence, 'governance');
    const usable = found.find((f) => !f.problem);
    const written = usable ?? evidence.community.governance.pages[0];
    if (written) {
      const ex = written.excerpt;
      return {
        status: 'pass',
        ...say(meta, 'documented', { path: written.path }),
        measured: { path: written.path, ...(ex ? { excerpt: ex } : {}) },
        evidence: [fileRef(written.path, 1, ex)],
      };
    }
    const section = evidence.community.governance.readmeSection;
    if (section) {
      const ex = section.excerpt;
      return {
        status: 'pass',
        ...say(meta, 'readmeSection', { heading: section.heading, path: section.path, line: section.line }),
        measured: { path: `${section.path}#${section.heading}`, ...(ex ? { excerpt: ex } : {}) },
        evidence: [fileRef(section.path, section.line, ex)],
      };
    }
    const broken = found[0];
    return {
      status: 'fail',
      ...(broken ? say(meta, 'broken', { problem: broken.problem ?? 'unreadable' }) : say(meta, 'missing')),
      measured: { path: null, ...(broken ? { problem: broken.problem } : {}) },
      evidence: broken ? [fileRef(broken.path, undefined, broken.problem)] : [],
      fix: `Add GOVERNANCE.md at the root describing who the maintainers are, how they are added and removed, and how decisions are made (the LF's Minimum Viable Governance is a template: https://github.com/github/MVG).${broken ? ` ${baseOf(broken.path)} must be a regular file with content.` : ''}`,
    };
  },
});
