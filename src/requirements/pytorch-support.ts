// Requirement 1: PyTorch support. Judged by judgeTorchSupport() (judge-torch-support.ts),
// the same function requirement 10 uses. When torch is declared in several places, the
// declarations that bind users most (install metadata, then conda recipe, then requirements
// files, then build-time, then extras/dev) decide; all are reported.
import type { EvidenceRef, TorchDeclaration } from '../evidence/types.js';
import { judgeTorchSupport, suggestSpecifier, type TorchAdmission, type TorchJudgement } from './judge-torch-support.js';
import type { Outcome } from './types.js';
import { defineRule } from './rule.js';
import { describeList, REFRESH_FIX, torchListFacts, type TorchListFacts } from './torch-list.js';

export function where(d: TorchDeclaration): string {
  return d.line !== undefined ? `${d.file}:${d.line}` : d.file;
}

/** `torch>=2.0` / `pytorch =2.1` / `torch @ url`, as a reader would write it. */
export function written(d: TorchDeclaration): string {
  const name = d.syntax === 'conda' ? 'pytorch' : 'torch';
  if (d.url !== undefined) return `${name} @ ${d.url}`;
  if (!d.specifier) return `${name} (any version)`;
  return d.syntax === 'poetry' ? `${name} = "${d.specifier}"` : `${name}${/^[<>=!~]/.test(d.specifier) ? '' : ' '}${d.specifier}`;
}

function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function describe(a: TorchAdmission): Record<string, unknown> {
  const d = a.declaration;
  return {
    declaredIn: where(d),
    specifier: d.url !== undefined ? `@ ${d.url}` : d.specifier,
    scope: d.scope,
    optional: d.optional,
    ...(d.marker ? { marker: d.marker } : {}),
    admitted: a.admitted,
    ...(a.error ? { unreadable: a.error } : {}),
  };
}

export function torchMeasured(j: TorchJudgement): Record<string, unknown> {
  return {
    declaredIn: j.judged.map((a) => where(a.declaration)),
    specifier: j.judged.map((a) => (a.declaration.url !== undefined ? `@ ${a.declaration.url}` : a.declaration.specifier)),
    latest: j.releases,
    admitted: j.admitted,
    declarations: j.declarations.map(describe),
    optionalOnly: j.optionalOnly,
  };
}

export function torchRefs(j: TorchJudgement): EvidenceRef[] {
  const judged = new Set(j.judged);
  const ordered = [...j.judged, ...j.declarations.filter((a) => !judged.has(a))];
  return ordered.map((a) => {
    const d = a.declaration;
    const ref: EvidenceRef = { kind: 'file', ref: d.file, detail: `${written(d)} [${d.scope}${d.marker ? `; ${d.marker}` : ''}]` };
    if (d.line !== undefined) ref.line = d.line;
    return ref;
  });
}

/** The fix that makes the judged declarations admit every release asked for. */
export function torchFix(j: TorchJudgement): string {
  const bad = j.judged.filter((a) => j.releases.some((r) => a.admitted[r] === false));
  const parts = bad.map((a) => {
    const suggestion = suggestSpecifier(a.declaration, j.releases);
    const name = a.declaration.syntax === 'conda' ? 'pytorch' : 'torch';
    return `change ${written(a.declaration)} at ${where(a.declaration)} to \`${name}${suggestion}\``;
  });
  const first = parts.join('; ');
  return `${first.charAt(0).toUpperCase()}${first.slice(1)}, so torch ${list(j.releases)} can be installed with the project, and test against them.`;
}

export function evaluatePytorchSupport(j: TorchJudgement, n: number): Outcome {
  const measured = torchMeasured(j);
  const evidence = torchRefs(j);
  const versions = list(j.releases);
  const judgedText = list(j.judged.map((a) => `\`${written(a.declaration)}\` (${where(a.declaration)})`));
  const others = j.declarations.length - j.judged.length;
  const otherText = others > 0 ? `; ${others} other declaration${others === 1 ? '' : 's'} reported` : '';
  const extras = j.optionalOnly ? ' It is declared only as an optional extra or development dependency, which counts as declared.' : '';
  switch (j.outcome) {
    case 'undeclared': {
      const aux = j.declarations.map((a) => where(a.declaration));
      const auxText = aux.length
        ? ` (it appears only in files for docs, examples, baselines, benchmarks or tests: ${list(aux.slice(0, 3))}${aux.length > 3 ? ' …' : ''})`
        : '';
      return {
        status: 'review',
        summary: `torch is not declared in pyproject.toml, setup.cfg, setup.py, requirements*.txt, environment*.yml or a conda recipe${auxText}; a reviewer must confirm how users get PyTorch.`,
        measured,
        evidence,
        fix: `Declare torch where the project lists its dependencies, e.g. \`torch>=${j.releases[j.releases.length - 1] ?? '2.0'}\` in pyproject.toml [project].dependencies (or an extra such as [project.optional-dependencies] torch = [...] for framework-agnostic libraries).`,
      };
    }
    case 'no-releases':
      return {
        status: 'unknown',
        summary: `The torch release list holds ${j.releases.length} feature release${j.releases.length === 1 ? '' : 's'} on or before the evaluation date, fewer than the ${n} to judge; support cannot be told.`,
        measured,
        evidence,
        fix: 'Refresh the torch release list with `steward data refresh` (or pass one with --torch-releases) so it covers the evaluation date.',
      };
    case 'excludes-latest':
      return {
        status: 'fail',
        summary: `${judgedText} excludes torch ${j.releases[0]}, the latest release${otherText}.${extras}`,
        measured,
        evidence,
        fix: torchFix(j),
      };
    case 'excludes-older': {
      const missing = j.releases.filter((r) => j.admitted[r] === false);
      return {
        status: 'warn',
        summary: `${judgedText} admits torch ${j.releases[0]} but not ${list(missing)}; the latest ${n} releases should both work${otherText}.${extras}`,
        measured,
        evidence,
        fix: torchFix(j),
      };
    }
    case 'indeterminate': {
      const why = j.judged.find((a) => a.error)?.error ?? 'the specifier cannot be read';
      return {
        status: 'review',
        summary: `torch is declared (${judgedText}) but which versions it admits cannot be told: ${why}${otherText}.`,
        measured,
        evidence,
        fix: `Make sure the declared torch version range admits ${versions}, or state it in a requirements file a reader can check.`,
      };
    }
    case 'admits-all':
      return {
        status: 'pass',
        summary: `${judgedText} admits torch ${versions}${otherText}.${extras}`,
        measured,
        evidence,
      };
  }
}

/**
 * Names the release list the judgement rests on; a list that cannot be trusted at the evaluation
 * date turns a verdict (pass, warn or fail) into review, since it may judge the wrong pair.
 */
export function withReleaseList(o: Outcome, list: TorchListFacts): Outcome {
  const measured = {
    ...o.measured,
    releaseList: { name: list.name, asOf: list.asOf ?? null, newest: list.newest ?? null, unknownVersions: list.unknownVersions },
  };
  const named = `Judged against ${describeList(list)}.`;
  if (!list.concern) return { ...o, measured, summary: `${o.summary} ${named}` };
  const verdict = o.status === 'pass' || o.status === 'warn' || o.status === 'fail';
  const concern = `${list.concern.charAt(0).toUpperCase()}${list.concern.slice(1)}.`;
  return {
    ...o,
    status: verdict ? 'review' : o.status,
    summary: `${concern} ${o.summary} ${named}`,
    measured,
    fix: o.fix ? `${REFRESH_FIX} ${o.fix}` : REFRESH_FIX,
  };
}

export const pytorchSupport = defineRule({
  meta: {
    key: 'pytorch-support',
    automation: 'partial',
    measures:
      '`torch` is a declared dependency (pyproject dependencies, optional-dependencies, dependency-groups, Poetry; setup.cfg install_requires; literal lists in setup.py; requirements*.txt; environment*.yml; conda meta.yaml) and its specifier admits the latest {shared.supportedTorchReleases} feature releases of torch as of the evaluation date. Fails when the specifier excludes the latest release; review when torch is not declared at all.',
    messages: {},
  },
  options: (z) => z.strictObject({}),
  evaluate(evidence, { policy, asOf }) {
    const n = policy.shared.supportedTorchReleases;
    const outcome = evaluatePytorchSupport(judgeTorchSupport(evidence.python.torch, evidence.torchReleases, asOf, n), n);
    return withReleaseList(outcome, torchListFacts(evidence, asOf));
  },
});
