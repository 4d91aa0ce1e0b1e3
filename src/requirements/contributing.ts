// Requirement 17: CONTRIBUTING file, in the root, .github/ or docs/ (GitHub's places, any case), or
// the organisation's .github repository when GitHub was asked. Judged from the gathered facts
// (evidence.community.files.contributing).
import { baseOf } from '../evidence/community/files.js';
import { fileRef, onGitHub } from '../evidence/community/locate.js';
import { communityFile } from './community-file-present.js';
import { defineRule, say } from './rule.js';
import type { RuleMeta } from './types.js';

const meta = {
  key: 'contributing',
  automation: 'full',
  measures: "A CONTRIBUTING file in the root, .github/ or docs/; with GitHub access also the organisation's .github repository.",
  messages: {
    found: '{path} explains how to contribute{symlink}.{notes}',
    organisation: "The organisation's .github repository provides {path}, which GitHub shows for this repository.",
    deeper: '{path} explains contributing, but GitHub only links a CONTRIBUTING file from the root, .github/ or docs/.',
    unseen: "No usable CONTRIBUTING file in the repository{problem}; the organisation's .github repository can only be checked online.",
    broken: 'The CONTRIBUTING file cannot be used: {problem}.',
    missing: 'No CONTRIBUTING file in the root, .github/ or docs/.',
  },
} as const satisfies RuleMeta;

export const contributing = defineRule({
  meta,
  options: (z) => z.strictObject({}),
  evaluate(evidence) {
    const { found, deeper } = communityFile(evidence, 'contributing');
    const usable = found.find((f) => !f.problem);
    if (usable) {
      return {
        status: 'pass',
        ...say(meta, 'found', {
          path: usable.path,
          symlink: usable.symlinkTarget ? ` (a symlink to ${usable.symlinkTarget})` : '',
          notes: usable.notes.length ? ` (${usable.notes.join('; ')})` : '',
        }),
        measured: { path: usable.path },
        evidence: [fileRef(usable.path)],
      };
    }
    const org = evidence.online?.github?.orgFiles?.contributing;
    if (org) {
      return {
        status: 'pass',
        ...say(meta, 'organisation', { path: org }),
        measured: { path: org, source: 'organisation' },
        evidence: [{ kind: 'api', ref: org }],
      };
    }
    const broken = found[0];
    const fix =
      'Add CONTRIBUTING.md at the root (or in .github/ or docs/): the kinds of contribution wanted, how to set up a development environment, run the tests, and how changes are reviewed and merged.';
    if (deeper.length > 0 && !broken) {
      return {
        status: 'warn',
        ...say(meta, 'deeper', { path: deeper[0]! }),
        measured: { path: deeper[0], deeper },
        evidence: deeper.map((p) => fileRef(p)),
        fix: `Add CONTRIBUTING.md at the root that points to ${deeper[0]} (or move ${baseOf(deeper[0]!)} there).`,
      };
    }
    const measured = { path: null, ...(broken ? { problem: broken.problem } : {}) };
    const evidenceRefs = broken ? [fileRef(broken.path, undefined, broken.problem)] : [];
    if (!evidence.online && onGitHub(evidence)) {
      return {
        status: 'unknown',
        ...say(meta, 'unseen', { problem: broken ? ` (${broken.problem})` : '' }),
        measured,
        evidence: evidenceRefs,
        fix,
      };
    }
    return {
      status: 'fail',
      ...(broken ? say(meta, 'broken', { problem: broken.problem ?? 'unreadable' }) : say(meta, 'missing')),
      measured,
      evidence: evidenceRefs,
      fix: broken ? `Make ${broken.path} a regular file with content (a symlink out of the repository is not read). ${fix}` : fix,
    };
  },
});
