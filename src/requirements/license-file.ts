// Requirement 15: LICENSE file. A question about the tree alone: which file at the root holds the
// license (its content is requirement 7's business) and where third-party licensing is kept.
import type { Evidence, EvidenceRef, LicenseFileEvidence } from '../evidence/types.js';
import { judgeExpression } from './judge-license-expression.js';
import { outsideTheProject } from '../evidence/license/index.js';
import { indexTree, resolveEntry, baseOf, findUnder } from '../evidence/community/files.js';
import { fileRef } from '../evidence/community/locate.js';
import type { Outcome, RuleMeta } from './types.js';
import { defineRule, say } from './rule.js';

const meta = {
  key: 'license-file',
  automation: 'full',
  measures:
    'A license file at the root: LICENSE, LICENCE or COPYING, bare or with .md, .txt or .rst, or a LICENSES/ folder (REUSE). A name other than exactly LICENSE.md still passes, and the summary says so.',
  messages: {
    exact: 'LICENSE.md is at the root.{thirdParty}',
    otherName:
      '{path} is at the root: not named exactly LICENSE.md as the TAC text says, which still passes (GitHub and PyPI treat these names alike).{thirdParty}',
    reuse:
      'A REUSE LICENSES/ folder holds {count} license file(s); there is no LICENSE.md at the root (the folder still passes).{thirdParty}',
    unusable: 'No usable license file at the root: {problem}.',
    nearName:
      'License text is at the root as {paths}, outside the names LICENSE, LICENCE or COPYING (optionally .md, .txt, .rst); tools may not find it.',
    elsewhere:
      "No license file at the root; found {paths} deeper in the tree, where GitHub and PyPI do not look for the project's license.",
    none: 'No license file at the root of the repository.',
    thirdParty: ' Third-party licensing: {files}.',
  },
} as const satisfies RuleMeta;

/** GitHub and PyPI find these the same way; the TAC text names LICENSE.md. */
const ACCEPTED = /^(licen[sc]e|copying)(\.(md|txt|rst))?$/i;
/** Names people use for a license that are outside the accepted set (LICENSE-MIT, COPYING.LESSER). */
const NEAR = /^(licen[sc]e|copying)[-._][^/]+$/i;
const THIRD_PARTY_FILE = /^(notice|third[-_ ]?party|3rd[-_ ]?party|thirdpartynotices)([-._][^/]*)?$/i;
const THIRD_PARTY_DIR = /^(licenses|third[-_]?party|3rd[-_]party|vendor|vendored|external|extern)$/i;
const MAX_LISTED = 20;

interface Candidate {
  path: string;
  problem?: string;
}

function candidates(evidence: Evidence, test: RegExp): Candidate[] {
  const idx = indexTree(evidence.tree);
  return (idx.byDir.get('') ?? [])
    .filter((e) => e.type === 'blob' && test.test(e.path))
    .map((e) => {
      const r = resolveEntry(evidence, e.path);
      const blob = evidence.files[r.target ?? e.path];
      const c: Candidate = { path: e.path };
      if (r.problem) c.problem = r.problem;
      else if (blob && blob.size === 0) c.problem = `${e.path} is empty`;
      return c;
    })
    .sort((a, b) => order(a.path) - order(b.path) || (a.path < b.path ? -1 : 1));
}

function order(path: string): number {
  if (path === 'LICENSE.md') return 0;
  if (/^LICENSE/.test(path)) return 1;
  if (/^licen[sc]e/i.test(path)) return 2;
  return 3;
}

/** NOTICE / THIRD_PARTY files at the root, license files in LICENSES/, third_party/, vendor/ …, bounded. */
export function thirdPartyLicensing(evidence: Evidence): string[] {
  const idx = indexTree(evidence.tree);
  const out = new Set<string>(evidence.license.thirdParty);
  for (const e of idx.byDir.get('') ?? []) if (e.type === 'blob' && THIRD_PARTY_FILE.test(e.path)) out.add(e.path);
  const topDirs = [...idx.topDirs].filter((d) => THIRD_PARTY_DIR.test(d)).sort();
  for (const d of topDirs) {
    if (/^licenses$/i.test(d)) {
      for (const e of findUnder(evidence.tree, d, () => true)) out.add(e.path);
    } else {
      for (const e of findUnder(evidence.tree, d, (b) => /^(licen[sc]e|copying|notice)/i.test(b))) out.add(e.path);
    }
  }
  return [...out].sort().slice(0, MAX_LISTED);
}

export const licenseFile = defineRule({
  meta,
  options: (z) => z.strictObject({}),
  evaluate(evidence, { policy }) {
    const thirdParty = thirdPartyLicensing(evidence);
    const accepted = candidates(evidence, ACCEPTED);
    const usable = accepted.filter((c) => !c.problem);
    const reuse = findUnder(evidence.tree, 'LICENSES', () => true).map((e) => e.path);
    const refs: EvidenceRef[] = [];
    const measuredBase = { thirdParty, ...(reuse.length ? { reuse } : {}) };
    const third = thirdParty.length
      ? say(meta, 'thirdParty', {
          files: `${thirdParty.slice(0, 3).join(', ')}${thirdParty.length > 3 ? ` and ${thirdParty.length - 3} more` : ''}`,
        }).summary
      : '';
    const chosen = usable[0];
    if (chosen) {
      const exactName = chosen.path === 'LICENSE.md';
      refs.push(fileRef(chosen.path));
      const others = usable.slice(1).map((c) => c.path);
      return {
        status: 'pass',
        ...(exactName ? say(meta, 'exact', { thirdParty: third }) : say(meta, 'otherName', { path: chosen.path, thirdParty: third })),
        measured: { path: chosen.path, exactName, ...(others.length ? { others } : {}), ...measuredBase },
        evidence: refs,
      };
    }
    if (reuse.length > 0) {
      refs.push(...reuse.slice(0, 5).map((p) => fileRef(p)));
      return {
        status: 'pass',
        ...say(meta, 'reuse', { count: reuse.length, thirdParty: third }),
        measured: { path: 'LICENSES/', exactName: false, ...measuredBase },
        evidence: refs,
      };
    }
    return noLicense(evidence, accepted, measuredBase, policy.licenses.allow);
  },
});

/**
 * What to put at the root, from the license evidence requirement 7 judges: move a file only when
 * its license is one requirement 7 accepts, so fixing this requirement never fails that one.
 */
function moveAdvice(paths: string[], identified: LicenseFileEvidence[], allow: readonly string[]): string {
  const byPath = new Map(identified.map((f) => [f.path, f]));
  const verdict = (p: string) => {
    const f = byPath.get(p);
    if (!f?.expression || f.modified) return undefined;
    return { expression: f.expression, allowed: judgeExpression(f.expression, allow)?.allowed === true };
  };
  const good = paths.filter((p) => verdict(p)?.allowed === true);
  const bad = paths.filter((p) => verdict(p)?.allowed === false);
  const named = (list: string[]) => list.map((p) => `${p} (${verdict(p)!.expression})`).join(', ');
  const wouldFail = bad.length
    ? ` Do not move ${named(bad)} to the root: requirement 7 does not accept ${bad.length === 1 ? 'that license' : 'those licenses'}.`
    : '';
  if (bad.length === 0) return `Move ${good[0] ?? paths[0]} to LICENSE.md at the root of the repository.`;
  if (good.length > 0) {
    return `Move ${named(good.slice(0, 1))} to LICENSE.md at the root, or, if the folders are separate subprojects, add a LICENSE.md at the root that names each folder's license.${wouldFail}`;
  }
  return `Add LICENSE.md at the root with the full text of an allowlisted license (${allow.join(', ')}).${wouldFail}`;
}

/** Why no license file counts, most specific first: an unusable one, a near name, one in the wrong place. */
function noLicense(evidence: Evidence, accepted: Candidate[], measured: Record<string, unknown>, allow: readonly string[]): Outcome {
  const fix =
    "Add LICENSE.md at the root of the repository with the full text of the project's license (and list third-party code's licenses, e.g. in NOTICE or THIRD_PARTY_LICENSES).";
  const broken = accepted[0];
  if (broken) {
    return {
      status: 'fail',
      ...say(meta, 'unusable', { problem: broken.problem! }),
      measured: { path: null, exactName: false, problem: broken.problem, ...measured },
      evidence: [fileRef(broken.path, undefined, broken.problem)],
      fix: `Replace ${broken.path} with a regular file holding the license text (a symlink is not followed, an empty file is no license). ${fix}`,
    };
  }
  const near = candidates(evidence, NEAR).filter((c) => !c.problem);
  if (near.length > 0) {
    const names = near.map((c) => c.path);
    return {
      status: 'warn',
      ...say(meta, 'nearName', { paths: names.join(', ') }),
      measured: { path: names[0], exactName: false, nearNames: names, ...measured },
      evidence: names.map((p) => fileRef(p)),
      fix: `Rename ${names[0]} to LICENSE.md (or keep it and add LICENSE.md naming the license(s) and pointing to ${names.join(', ')}).`,
    };
  }
  const elsewhere = evidence.tree
    // the cheap tests first: this runs over every path of the tree
    .filter(
      (e) =>
        /[lLcC]/.test(e.path[e.path.lastIndexOf('/') + 1] ?? '') &&
        e.type === 'blob' &&
        e.path.includes('/') &&
        ACCEPTED.test(baseOf(e.path)) &&
        !outsideTheProject(e.path),
    )
    .map((e) => e.path)
    .sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : 1))
    .slice(0, 5);
  if (elsewhere.length > 0) {
    return {
      status: 'fail',
      ...say(meta, 'elsewhere', { paths: elsewhere.join(', ') }),
      measured: { path: null, exactName: false, elsewhere, ...measured },
      evidence: elsewhere.map((p) => fileRef(p)),
      fix: moveAdvice(elsewhere, evidence.license.elsewhere ?? [], allow),
    };
  }
  return {
    status: 'fail',
    ...say(meta, 'none'),
    measured: { path: null, exactName: false, ...measured },
    evidence: [],
    fix,
  };
}
