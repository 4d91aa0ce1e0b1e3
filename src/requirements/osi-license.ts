// OSI-approved license: the project's license, identified by its text (the license evidence the
// checker already gathers), is one the Open Source Initiative approved, as the SPDX license list
// records it (`osiApproved`). The list is loaded on first use.
import { createRequire } from 'node:module';
import type { EvidenceRef, LicenseFileEvidence } from '../evidence/types.js';
import { judgeExpression } from './judge-license-expression.js';
import type { Evidence } from '../evidence/types.js';
import type { Outcome, RuleMeta } from './types.js';
import { defineRule, say } from './rule.js';

const meta = {
  key: 'osi-license',
  automation: 'full',
  measures:
    "The project's license, identified by its text, is OSI-approved in the SPDX license list (every side of an AND, some side of an OR). Added restrictions fail; an unidentified or modified text is review.",
  messages: {
    noText: 'No license text in the repository{said}.',
    restricted: 'Not an OSI-approved license: {what}{where}.',
    notApproved: '{expression}{where}: {ids} not OSI-approved.',
    review: 'Needs a reviewer: {what}{where}.',
    approved: '{expression}, identified by its text in {files}{where}, is OSI-approved.',
  },
} as const satisfies RuleMeta;

let osiIds: string[] | undefined;

/** SPDX ids the SPDX license list marks OSI-approved. */
export function osiApprovedIds(): readonly string[] {
  if (!osiIds) {
    const list = createRequire(import.meta.url)('spdx-license-list') as Record<string, { osiApproved?: boolean }>;
    osiIds = Object.keys(list).filter((id) => list[id]!.osiApproved === true);
  }
  return osiIds;
}

function ref(f: LicenseFileEvidence): EvidenceRef {
  return {
    kind: 'file',
    ref: f.path,
    detail: f.spdx ? `${f.modified ? 'modified ' : ''}${f.spdx} (${f.method})` : (f.reason ?? 'unidentified'),
  };
}

/** The judgement itself (the SPDX list's approved ids by default), for tests and other rules. */
export function judgeOsiLicense(evidence: Evidence, approved: readonly string[] = osiApprovedIds()): Outcome {
  const lic = evidence.license;
  const root = lic.files.filter((f) => !f.path.startsWith('LICENSES/'));
  const atRoot = root.length > 0 ? root : lic.files;
  const files = atRoot.length > 0 ? atRoot : (lic.elsewhere ?? []);
  const where = atRoot.length > 0 ? '' : ' (below the root)';
  const expressions =
    atRoot.length > 0 ? (lic.expression ? [lic.expression] : []) : [...new Set(files.flatMap((f) => (f.expression ? [f.expression] : [])))];
  const measured: Record<string, unknown> = {
    expression: expressions.length === 1 ? expressions[0] : expressions.length ? expressions : null,
    files: files.map((f) => f.path),
  };
  const refs = files.map(ref);
  const fix =
    'License the project under an OSI-approved license (https://opensource.org/licenses) and put its unmodified text in LICENSE.md at the root.';
  if (files.length === 0) {
    const said = lic.signals.find((s) => s.spdx);
    return {
      status: 'fail',
      ...say(meta, 'noText', { said: said ? ` (${said.source} says ${said.value}, but metadata alone grants nothing)` : '' }),
      measured,
      evidence: lic.signals.slice(0, 5).map((s) => ({ kind: 'file' as const, ref: s.source, detail: s.value })),
      fix,
    };
  }
  const restricted = files.filter((f) => f.modified && f.restrictions?.length);
  if (restricted.length) {
    return {
      status: 'fail',
      ...say(meta, 'restricted', {
        what: restricted
          .map((f) => `${f.path} is ${f.spdx ?? 'a license'} with added restrictions (${f.restrictions!.join(', ')})`)
          .join('; '),
        where,
      }),
      measured: { ...measured, restrictions: restricted.flatMap((f) => f.restrictions ?? []) },
      evidence: refs,
      fix,
    };
  }
  const blocking = new Set<string>();
  for (const e of expressions) for (const id of judgeExpression(e, approved)?.blocking ?? []) blocking.add(id);
  if (blocking.size > 0) {
    return {
      status: 'fail',
      ...say(meta, 'notApproved', {
        expression: expressions.join(', '),
        where,
        ids: `${[...blocking].join(', ')} ${blocking.size === 1 ? 'is' : 'are'}`,
      }),
      measured: { ...measured, notApproved: [...blocking] },
      evidence: refs,
      fix,
    };
  }
  const unclear = files.filter((f) => !f.spdx || f.modified);
  if (unclear.length || expressions.length === 0) {
    return {
      status: 'review',
      ...say(meta, 'review', {
        what: unclear.length
          ? unclear
              .map((f) =>
                f.modified
                  ? `${f.path} is a modified ${f.spdx} text`
                  : `${f.path} is not identified (${f.reason ?? 'no template matches'})`,
              )
              .join('; ')
          : 'the license files do not form one expression',
        where,
      }),
      measured,
      evidence: refs,
      fix: 'A reviewer reads the license text and decides whether it is still the OSI-approved license it resembles.',
    };
  }
  return {
    status: 'pass',
    ...say(meta, 'approved', { expression: expressions.join(', '), files: files.map((f) => f.path).join(', '), where }),
    measured,
    evidence: refs,
  };
}

export const osiLicense = defineRule({
  meta,
  options: (z) => z.strictObject({}),
  evaluate: (evidence) => judgeOsiLicense(evidence),
});
