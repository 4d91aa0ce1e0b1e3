// The shared judgement of "this community file is present": a usable file in GitHub's places
// (root, .github/, docs/), else one GitHub supplies (the organisation's .github repository or the
// repository's settings, when GitHub was asked), else a file deeper in the docs (warn: GitHub does
// not link it), else fail. Each rule using it names the file and gets its own wording.
import { baseOf } from '../evidence/community/files.js';
import { fileRef, onGitHub } from '../evidence/community/locate.js';
import type { CommunityFileFacts, Evidence } from '../evidence/types.js';
import type { Outcome, RuleMeta } from './types.js';
import { say } from './rule.js';

export interface FileRule {
  /** the community file's id (src/evidence/community/kinds/), whose gathered facts are judged */
  kind: string;
  /** how to add one */
  fix: string;
  /** a file GitHub itself serves for the repository when the repository has none (read online) */
  fromGitHub?: (evidence: Evidence) => string | undefined;
}

/** The messages a file-present rule says, worded for its file: `SECURITY file`, `tells how to report …`. */
export function fileMessages(what: string, does: string): Record<string, string> {
  return {
    found: `{path} ${does}{extra}.`,
    github: `GitHub serves {path} for this repository (from the organisation's .github repository or its settings).`,
    deeper: `{path} is a ${what}, but GitHub only links one from the root, .github/ or docs/.`,
    unseen: `No usable ${what} in the repository{problem}; one GitHub serves from the organisation can only be seen online.`,
    broken: `The ${what} cannot be used: {problem}.`,
    missing: `No ${what} in the root, .github/ or docs/.`,
  };
}

/** The gathered facts of a registered community file. */
export function communityFile(evidence: Evidence, kind: string): CommunityFileFacts {
  const facts = evidence.community.files[kind];
  if (!facts) throw new Error(`no community file ${kind} is registered (src/evidence/community/kinds/)`);
  return facts;
}

export function judgeFilePresent(evidence: Evidence, meta: RuleMeta, rule: FileRule): Outcome {
  const { found, deeper } = communityFile(evidence, rule.kind);
  const usable = found.find((f) => !f.problem);
  if (usable) {
    const extra = [
      usable.symlinkTarget ? ` (a symlink to ${usable.symlinkTarget})` : '',
      usable.notes.length ? ` (${usable.notes.join('; ')})` : '',
    ].join('');
    return {
      status: 'pass',
      ...say(meta, 'found', { path: usable.path, extra }),
      measured: { path: usable.path },
      evidence: [fileRef(usable.path)],
    };
  }
  const served = rule.fromGitHub?.(evidence);
  if (served) {
    return {
      status: 'pass',
      ...say(meta, 'github', { path: served }),
      measured: { path: served, source: 'github' },
      evidence: [{ kind: 'api', ref: served }],
    };
  }
  const broken = found[0];
  if (deeper.length > 0 && !broken) {
    return {
      status: 'warn',
      ...say(meta, 'deeper', { path: deeper[0]! }),
      measured: { path: deeper[0], deeper },
      evidence: deeper.map((p) => fileRef(p)),
      fix: `Add one at the root that points to ${deeper[0]} (or move ${baseOf(deeper[0]!)} there).`,
    };
  }
  const measured = { path: null, ...(broken ? { problem: broken.problem } : {}) };
  const refs = broken ? [fileRef(broken.path, undefined, broken.problem)] : [];
  if (rule.fromGitHub && !evidence.online?.github && onGitHub(evidence) && (!evidence.online || evidence.online.offline)) {
    return {
      status: 'unknown',
      ...say(meta, 'unseen', { problem: broken ? ` (${broken.problem})` : '' }),
      measured,
      evidence: refs,
      fix: rule.fix,
    };
  }
  if (broken) {
    return {
      status: 'fail',
      ...say(meta, 'broken', { problem: broken.problem ?? 'unreadable' }),
      measured,
      evidence: refs,
      fix: `Make ${broken.path} a regular file with content (a symlink out of the repository is not read). ${rule.fix}`,
    };
  }
  return { status: 'fail', ...say(meta, 'missing'), measured, evidence: refs, fix: rule.fix };
}
