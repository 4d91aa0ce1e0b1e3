// Requirement 19: Code of conduct. Found in GitHub's places (or the organisation's .github
// repository), and identified: the Linux Foundation's is the default; any other code needs the
// TAC's prior approval, which the policy records by kind or by repository.
import type { Evidence, EvidenceRef } from '../evidence/types.js';
import type { Policy } from '../policy/types.js';
import type { CocIdentity } from '../evidence/community/code-of-conduct.js';
import { fileRef, onGitHub } from '../evidence/community/locate.js';
import { communityFile } from './community-file-present.js';
import type { Outcome, RuleMeta } from './types.js';
import { defineRule, say } from './rule.js';

const meta = {
  key: 'code-of-conduct',
  automation: 'full',
  measures:
    "A CODE_OF_CONDUCT file in the root, .github/ or docs/ (or the organisation's .github repository); which code it is (Linux Foundation, Contributor Covenant and version, other) is measured, and a code other than the Linux Foundation's is warn unless the policy records the TAC's prior approval.",
  messages: {
    empty: '{path} is empty.{notes}',
    adopted: '{path} adopts {code}{recognised}.{notes}',
    link: "{path} only points to {link}; a reviewer must confirm which code that is (the Linux Foundation's is the default).{notes}",
    approved: '{path} adopts {code}{recognised}, an alternate code the TAC approved on {approvedOn} ({reason}).{notes}',
    unapproved:
      "{path} adopts {code}{recognised}, not the Linux Foundation Code of Conduct: an alternate code needs the TAC's prior approval, and the policy records none.{notes}",
    unseen: "No usable code of conduct in the repository{problem}; the organisation's .github repository can only be checked online.",
    broken: 'The code of conduct cannot be read: {problem}.',
    missing: 'No CODE_OF_CONDUCT file in the root, .github/ or docs/.',
  },
} as const satisfies RuleMeta;

const KIND_NAMES: Record<string, string> = {
  'linux-foundation': 'the Linux Foundation (LF Projects) Code of Conduct',
  'contributor-covenant': 'the Contributor Covenant',
  'python-software-foundation': 'the Python Software Foundation Code of Conduct',
  numfocus: 'the NumFOCUS Code of Conduct',
  'citizen-code-of-conduct': 'the Citizen Code of Conduct',
  other: 'a code the checker does not recognise',
};

function describe(kind: string, version?: string): string {
  return (KIND_NAMES[kind] ?? kind) + (version ? ` ${version}` : '');
}

/** The policy's record of the TAC approving this code, by kind (optionally kind@version) or by repository. */
function approval(policy: Policy, evidence: Evidence, kind: string, version?: string) {
  const slug = evidence.repo.slug?.toLowerCase();
  return policy.codeOfConduct.approved.find(
    (a) =>
      (a.kind !== undefined && (a.kind === kind || (version !== undefined && a.kind === `${kind}@${version}`))) ||
      (a.repo !== undefined && slug !== undefined && a.repo.toLowerCase() === slug),
  );
}

function judge(
  evidence: Evidence,
  policy: Policy,
  path: string,
  id: CocIdentity,
  refs: EvidenceRef[],
  source: string,
  notes = '',
): Outcome {
  const measured: Record<string, unknown> = { path, kind: id.kind, source };
  if (id.version) measured['version'] = id.version;
  if (id.matched) measured['matched'] = id.matched;
  if (id.alsoMentions.length) measured['alsoMentions'] = id.alsoMentions;
  const defaultKind = policy.codeOfConduct.default;
  const recognised = id.line !== undefined && id.matched ? ` (recognised by "${id.matched}", line ${id.line})` : '';
  if (id.kind === 'empty') {
    return {
      status: 'fail',
      ...say(meta, 'empty', { path, notes }),
      measured,
      evidence: refs,
      fix: `Put the Linux Foundation Code of Conduct in ${path} (or link to https://lfprojects.org/policies/code-of-conduct/ from it).`,
    };
  }
  if (id.kind === defaultKind) {
    return {
      status: 'pass',
      ...say(meta, 'adopted', { path, code: describe(id.kind, id.version), recognised, notes }),
      measured,
      evidence: refs,
    };
  }
  if (id.kind === 'link') {
    measured['link'] = id.link;
    return {
      status: 'review',
      ...say(meta, 'link', { path, link: id.link ?? '', notes }),
      measured,
      evidence: refs,
      fix: `State the code in ${path} itself: the Linux Foundation Code of Conduct (https://lfprojects.org/policies/code-of-conduct/), or the TAC-approved alternate.`,
    };
  }
  const ok = approval(policy, evidence, id.kind, id.version);
  if (ok) {
    measured['approval'] = {
      reason: ok.reason,
      approvedOn: ok.approvedOn,
      ...(ok.kind ? { kind: ok.kind } : {}),
      ...(ok.repo ? { repo: ok.repo } : {}),
    };
    return {
      status: 'pass',
      ...say(meta, 'approved', {
        path,
        code: describe(id.kind, id.version),
        recognised,
        approvedOn: ok.approvedOn,
        reason: ok.reason,
        notes,
      }),
      measured,
      evidence: refs,
    };
  }
  return {
    status: 'warn',
    ...say(meta, 'unapproved', { path, code: describe(id.kind, id.version), recognised, notes }),
    measured,
    evidence: refs,
    fix: `Adopt the Linux Foundation Code of Conduct in ${path} (https://lfprojects.org/policies/code-of-conduct/), or ask the TAC to approve ${describe(id.kind, id.version)} before applying.`,
  };
}

export const codeOfConduct = defineRule({
  meta,
  options: (z) => z.strictObject({}),
  evaluate(evidence, { policy }) {
    const { found } = communityFile(evidence, 'code-of-conduct');
    const usable = found.find((f) => !f.problem);
    if (usable?.codeOfConduct !== undefined) {
      let id = usable.codeOfConduct;
      // a pointer to the organisation's own file: GitHub told us which code that one is
      const orgKind = evidence.online?.github?.orgFiles?.codeOfConductKind;
      if (id.kind === 'link' && orgKind && id.link && /github\.com\/[^/]+\/\.github\//i.test(id.link)) {
        id = { ...id, kind: orgKind as CocIdentity['kind'], matched: id.link };
      }
      const notes = usable.notes.length ? ` (${usable.notes.join('; ')})` : '';
      return judge(evidence, policy, usable.path, id, [fileRef(usable.path, id.line, id.matched ?? id.link)], 'repository', notes);
    }
    const org = evidence.online?.github?.orgFiles;
    if (org?.codeOfConduct) {
      const kind = org.codeOfConductKind ?? 'link';
      const id: CocIdentity =
        kind === 'link'
          ? { kind, link: org.codeOfConduct, alsoMentions: [], words: 0 }
          : { kind: kind as CocIdentity['kind'], alsoMentions: [], words: 0 };
      return judge(evidence, policy, org.codeOfConduct, id, [{ kind: 'api', ref: org.codeOfConduct }], 'organisation');
    }
    const broken = found[0];
    const fix =
      'Add CODE_OF_CONDUCT.md at the root (or in .github/ or docs/) adopting the Linux Foundation Code of Conduct: https://lfprojects.org/policies/code-of-conduct/';
    const measured = { path: broken?.path ?? null, kind: null, ...(broken ? { problem: broken.problem } : {}) };
    const refs = broken ? [fileRef(broken.path, undefined, broken.problem)] : [];
    if (!evidence.online && onGitHub(evidence)) {
      return {
        status: 'unknown',
        ...say(meta, 'unseen', { problem: broken ? ` (${broken.problem})` : '' }),
        measured,
        evidence: refs,
        fix,
      };
    }
    return {
      status: 'fail',
      ...(broken ? say(meta, 'broken', { problem: broken.problem ?? 'unreadable' }) : say(meta, 'missing')),
      measured,
      evidence: refs,
      fix: broken ? `Replace ${broken.path} with a regular file in the repository. ${fix}` : fix,
    };
  },
});
