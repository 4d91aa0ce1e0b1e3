// Requirement 17: CONTRIBUTING file, in the root, .github/ or docs/ (GitHub's places, any case), or
// the organisation's .github repository when GitHub was asked.
import { findUnder, baseOf } from '../evidence/community/files.js';
import { fileRef, locate, onGitHub } from '../evidence/community/locate.js';
import { defineRule } from './rule.js';

const NAME = /^contributing([._-][^/]*)?$/i;

export const contributing = defineRule({
  meta: {
    key: 'contributing',
    automation: 'full',
    measures: "A CONTRIBUTING file in the root, .github/ or docs/; with GitHub access also the organisation's .github repository.",
    messages: {},
  },
  options: (z) => z.strictObject({}),
  evaluate(evidence) {
    const found = locate(evidence, (b) => NAME.test(b));
    const usable = found.find((f) => !f.problem);
    if (usable) {
      const notes = usable.notes.length ? ` (${usable.notes.join('; ')})` : '';
      return {
        status: 'pass',
        summary: `${usable.path} explains how to contribute${usable.symlinkTarget ? ` (a symlink to ${usable.symlinkTarget})` : ''}.${notes}`,
        measured: { path: usable.path },
        evidence: [fileRef(usable.path)],
      };
    }
    const org = evidence.online?.github?.orgFiles?.contributing;
    if (org) {
      return {
        status: 'pass',
        summary: `The organisation's .github repository provides ${org}, which GitHub shows for this repository.`,
        measured: { path: org, source: 'organisation' },
        evidence: [{ kind: 'api', ref: org }],
      };
    }
    const broken = found[0];
    const deeper = ['docs', 'doc']
      .flatMap((d) => findUnder(evidence.tree, d, (b) => NAME.test(b)))
      .map((e) => e.path)
      .filter((p) => !found.some((f) => f.path === p));
    const fix =
      'Add CONTRIBUTING.md at the root (or in .github/ or docs/): the kinds of contribution wanted, how to set up a development environment, run the tests, and how changes are reviewed and merged.';
    if (deeper.length > 0 && !broken) {
      return {
        status: 'warn',
        summary: `${deeper[0]} explains contributing, but GitHub only links a CONTRIBUTING file from the root, .github/ or docs/.`,
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
        summary: `No usable CONTRIBUTING file in the repository${broken ? ` (${broken.problem})` : ''}; the organisation's .github repository can only be checked online.`,
        measured,
        evidence: evidenceRefs,
        fix,
      };
    }
    return {
      status: 'fail',
      summary: broken ? `The CONTRIBUTING file cannot be used: ${broken.problem}.` : 'No CONTRIBUTING file in the root, .github/ or docs/.',
      measured,
      evidence: evidenceRefs,
      fix: broken ? `Make ${broken.path} a regular file with content (a symlink out of the repository is not read). ${fix}` : fix,
    };
  },
});
