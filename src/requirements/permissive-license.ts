// Requirement 7: Permissive licensing.
import type { EvidenceRef, LicenseFileEvidence } from '../evidence/types.js';
import { licenseFamily } from '../evidence/license/spdx.js';
import { judgeExpression } from './judge-license-expression.js';
import type { Message, Outcome, RuleMeta, Status } from './types.js';
import { defineRule, say } from './rule.js';

const meta = {
  key: 'permissive-license',
  automation: 'full',
  measures:
    "The project's license, identified by its text, is an SPDX id on the policy allowlist ({licenses.allow}). A modified template with added restrictions fails; an unidentified text is review.",
  messages: {
    allowed:
      '{expression}, identified by its text in {paths} ({method}, {similarity}% similar to the template{referring}), is on the allowlist.{note}',
    notPermissive: 'Not permissive: {reasons}.{note}',
    needsReview: 'Needs a reviewer: {reasons}.{note}',
    noExpression: 'The license files do not form one expression.{note}',
    none: 'No license text in the repository.',
    metadataOnly: 'No license text in the repository ({source} says {value}, but metadata alone grants nothing).',
    elsewhereAllowed:
      '{expressions}, identified by its text in {paths} (not at the root, where requirement 15 wants it), is on the allowlist.',
    elsewhereNotPermissive: 'Not permissive: {reasons} (not at the root, where requirement 15 wants it).',
    elsewhereDiffer: 'Needs a reviewer: no license at the root, and the license files below it differ: {reasons}.',
    // the reasons and clauses the summaries above are made of
    note: ' Note: {disagreements}.',
    refersTo: '; {paths} refers to it',
    referTo: '; {paths} refer to it',
    isLicense: '{path} is {expression}',
    licenseOfKind: '{path} is {expression} ({kind})',
    restricted: '{path} is {license} with added restrictions ({restrictions})',
    modified: '{path} is a modified {spdx} text ({count} difference(s) from the template)',
    modifiedElsewhere: '{path} is a modified {spdx} text',
    unidentified: '{path} is not identified ({reason}{closest})',
    closest: '; closest: {candidates}',
    referenceOnly: '{path} only refers to {spdx}; it does not hold the license text',
    appended:
      '{path} also holds the {spdx} license ({kind}) at lines {start}–{end}: bundled third-party code, or a second license for the project?',
    expressionOfKind: 'the license is {expression} ({kind})',
    expressionBlocked: 'the license is {expression}: {blocking}',
    idOfKind: '{id} ({kind})',
  },
} as const satisfies RuleMeta;

/** A clause of a summary, worded by the rule's messages. */
const clause = (id: keyof typeof meta.messages, data: Message['data']) => say(meta, id, data).summary;

// Why a license is not permissive, for the summary; anything else off the allowlist is "not on the allowlist".
const KIND: [RegExp, string][] = [
  [/^(A?GPL|LGPL|MPL|EPL|EUPL|CC-BY-SA|OSL|CDDL|CPL|MS-RL)-/i, 'copyleft'],
  [/^SSPL-|^BUSL-|^Elastic-/i, 'source-available, not open source'],
  [/-NC(-|$)|^CC-BY-NC|Noncommercial/i, 'non-commercial'],
];

function kindOf(spdx: string): string {
  for (const [re, kind] of KIND) if (re.test(spdx)) return kind;
  return 'not on the allowlist';
}

function fileRef(f: LicenseFileEvidence): EvidenceRef {
  const detail = f.spdx
    ? `${f.modified ? 'modified ' : ''}${f.spdx} (${f.method}, ${Math.round(f.confidence * 100)}%)`
    : (f.reason ?? 'unidentified');
  return { kind: 'file', ref: f.path, detail };
}

function differenceRefs(f: LicenseFileEvidence): EvidenceRef[] {
  return (f.differences ?? []).slice(0, 10).map((d) => ({
    kind: 'file' as const,
    ref: f.path,
    ...(d.line ? { line: d.line } : {}),
    detail: `${d.kind}: ${d.text.length > 200 ? `${d.text.slice(0, 200)}…` : d.text}${d.restriction ? ` [${d.restriction}]` : ''}`,
  }));
}

/** Whether some file holds the unmodified text of this license (not merely a reference to it). */
function holdsText(files: LicenseFileEvidence[], spdx: string): boolean {
  return files.some((o) => o.spdx === spdx && o.method !== 'reference' && !o.modified);
}

/**
 * No license at the root but license files below it (requirement 15 names the same files): the
 * license is what those texts are. One project's license kept in a folder passes; subprojects
 * under different licenses, one of them not allowed, are for a reviewer; none allowed fails.
 */
function judgeElsewhere(found: LicenseFileEvidence[], allow: readonly string[], measured: Record<string, unknown>): Outcome {
  const refs: EvidenceRef[] = found.map(fileRef);
  measured['elsewhere'] = found.map((f) => ({ path: f.path, expression: f.expression ?? null }));
  const good: LicenseFileEvidence[] = [];
  const bad: LicenseFileEvidence[] = [];
  const unclear: string[] = [];
  for (const f of found) {
    if (f.modified && f.restrictions?.length) {
      bad.push(f);
      refs.push(...differenceRefs(f));
    } else if (!f.expression || f.modified)
      unclear.push(
        f.modified
          ? clause('modifiedElsewhere', { path: f.path, spdx: String(f.spdx) })
          : clause('unidentified', { path: f.path, reason: f.reason ?? 'no template matches', closest: '' }),
      );
    else if (judgeExpression(f.expression, allow)?.allowed) good.push(f);
    else bad.push(f);
  }
  const describe = (f: LicenseFileEvidence) =>
    f.expression
      ? clause('licenseOfKind', { path: f.path, expression: f.expression, kind: kindOf(f.expression) })
      : clause('restricted', { path: f.path, license: f.spdx ?? 'a license', restrictions: (f.restrictions ?? []).join(', ') });
  const first = found[0]!;
  Object.assign(measured, {
    spdx: first.spdx ?? null,
    expression: first.expression ?? null,
    confidence: first.confidence,
    file: first.path,
    method: first.method,
  });
  if (bad.length > 0 && good.length === 0) {
    return {
      status: 'fail',
      ...say(meta, 'elsewhereNotPermissive', { reasons: bad.map(describe).join('; ') }),
      measured,
      evidence: refs,
      fix: `License the project under an allowlisted license (${allow.join(', ')}) and put its text in LICENSE.md at the root.`,
    };
  }
  if (bad.length > 0 || unclear.length > 0) {
    const allowed = good.map((f) => clause('isLicense', { path: f.path, expression: f.expression! }));
    return {
      status: 'review',
      ...say(meta, 'elsewhereDiffer', { reasons: [...allowed, ...bad.map(describe), ...unclear].join('; ') }),
      measured,
      evidence: refs,
      fix: 'A reviewer decides which folder is the project and whether its license is allowlisted; the root LICENSE.md should name it (requirement 15).',
    };
  }
  const exprs = [...new Set(good.map((f) => f.expression!))];
  return {
    status: 'pass',
    ...say(meta, 'elsewhereAllowed', { expressions: exprs.join(', '), paths: good.map((f) => f.path).join(', ') }),
    measured,
    evidence: refs,
  };
}

export const permissiveLicense = defineRule({
  meta,
  options: (z) => z.strictObject({}),
  evaluate(evidence, { policy }): Outcome {
    const lic = evidence.license;
    const allow = policy.licenses.allow;
    const root = lic.files.filter((f) => !f.path.startsWith('LICENSES/'));
    const files = root.length > 0 ? root : lic.files;
    const main = files.find((f) => f.spdx) ?? files[0];
    const measured: Record<string, unknown> = {
      spdx: main?.spdx ?? null,
      expression: lic.expression ?? null,
      confidence: main?.confidence ?? 0,
      file: main?.path ?? null,
      method: main?.method ?? 'none',
      thirdParty: lic.thirdParty,
    };
    if (lic.signals.length) measured['signals'] = lic.signals;
    if (lic.disagreements.length) measured['disagreements'] = lic.disagreements;
    const note = lic.disagreements.length ? clause('note', { disagreements: lic.disagreements.join('; ') }) : '';
    const allowText = allow.join(', ');

    if (files.length === 0 && lic.elsewhere?.length) return judgeElsewhere(lic.elsewhere, allow, measured);
    if (files.length === 0) {
      const said = lic.signals.find((s) => s.spdx);
      return {
        status: 'fail',
        ...(said ? say(meta, 'metadataOnly', { source: said.source, value: said.value }) : say(meta, 'none')),
        measured,
        evidence: lic.signals.slice(0, 5).map((s) => ({ kind: 'file' as const, ref: s.source, detail: s.value })),
        fix: `Add a LICENSE file with the full text of an allowlisted license (${allowText}).`,
      };
    }

    const refs: EvidenceRef[] = files.map(fileRef);
    const failures: string[] = [];
    const reviews: string[] = [];
    for (const f of files) {
      if (f.modified && f.restrictions?.length) {
        failures.push(clause('restricted', { path: f.path, license: f.spdx ?? 'a license', restrictions: f.restrictions.join(', ') }));
        refs.push(...differenceRefs(f));
      } else if (f.modified) {
        reviews.push(clause('modified', { path: f.path, spdx: String(f.spdx), count: (f.differences ?? []).length }));
        refs.push(...differenceRefs(f));
      } else if (!f.spdx) {
        const closest = f.closest?.length
          ? clause('closest', { candidates: f.closest.map((c) => `${c.spdx} ${Math.round(c.similarity * 100)}%`).join(', ') })
          : '';
        reviews.push(clause('unidentified', { path: f.path, reason: f.reason ?? 'no template matches', closest }));
      } else if (f.method === 'reference' && !holdsText(files, f.spdx)) {
        // A notice that only points at a license is fine beside a file holding that license's text
        // (kornia: COPYRIGHT says "Licensed under the Apache License" next to the full LICENSE).
        reviews.push(clause('referenceOnly', { path: f.path, spdx: f.spdx }));
      }
      // An appended license that is not allowed may be bundled code or a second license for the project.
      for (const p of f.parts ?? []) {
        if (p.kind === 'license' && p.spdx && p.spdx !== f.spdx && !allow.some((a) => licenseFamily(a) === licenseFamily(p.spdx!))) {
          reviews.push(clause('appended', { path: f.path, spdx: p.spdx, kind: kindOf(p.spdx), start: p.startLine, end: p.endLine }));
        }
      }
    }

    const expr = lic.expression;
    if (expr && failures.length === 0) {
      const verdict = judgeExpression(expr, allow);
      if (verdict && !verdict.allowed) {
        const blocking = [...new Set(verdict.blocking)];
        // a single license needs no "X: X (kind)" restatement; an expression names what blocks it
        failures.push(
          blocking.length === 1 && blocking[0] === expr
            ? clause('expressionOfKind', { expression: expr, kind: kindOf(expr) })
            : clause('expressionBlocked', {
                expression: expr,
                blocking: blocking.map((id) => clause('idOfKind', { id, kind: kindOf(id) })).join(', '),
              }),
        );
      }
    }

    let status: Status;
    let said: ReturnType<typeof say>;
    let fix: string | undefined;
    if (failures.length) {
      status = 'fail';
      said = say(meta, 'notPermissive', { reasons: failures.join('; '), note });
      fix = `License the project under an allowlisted license (${allowText}) without added conditions.`;
    } else if (reviews.length) {
      status = 'review';
      said = say(meta, 'needsReview', { reasons: reviews.join('; '), note });
      fix = 'A reviewer reads the differences listed and decides whether the text is still the permissive license it resembles.';
    } else if (expr) {
      status = 'pass';
      const texts = files.filter((f) => f.method !== 'reference');
      const notices = files.filter((f) => f.method === 'reference');
      const text = texts.find((f) => f.spdx) ?? main!;
      const paths = notices.map((f) => f.path).join(', ');
      const referring = notices.length ? clause(notices.length === 1 ? 'refersTo' : 'referTo', { paths }) : '';
      said = say(meta, 'allowed', {
        expression: expr,
        paths: (texts.length ? texts : files).map((f) => f.path).join(', '),
        method: text.method,
        similarity: Math.round(text.confidence * 100),
        referring,
        note,
      });
    } else {
      status = 'review';
      said = say(meta, 'noExpression', { note });
      fix = 'A reviewer reads the license files.';
    }
    const out: Outcome = { status, ...said, measured, evidence: refs };
    if (fix) out.fix = fix;
    return out;
  },
});
