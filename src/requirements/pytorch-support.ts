// Requirement 1: PyTorch support. Judged by judgeTorchSupport() (judge-torch-support.ts),
// the same function requirement 10 uses. When torch is declared in several places, the
// declarations that bind users most (install metadata, then conda recipe, then requirements
// files, then build-time, then extras/dev) decide; all are reported.
import type { EvidenceRef, TorchDeclaration } from '../evidence/types.js';
import { judgeTorchSupport, suggestSpecifier, type TorchAdmission, type TorchJudgement } from './judge-torch-support.js';
import type { Outcome, RuleMeta } from './types.js';
import { defineRule, say } from './rule.js';

const meta = {
  key: 'pytorch-support',
  automation: 'partial',
  measures:
    '`torch` is a declared dependency (pyproject dependencies, optional-dependencies, dependency-groups, Poetry; setup.cfg install_requires; literal lists in setup.py; requirements*.txt; environment*.yml; conda meta.yaml) and its specifier admits the latest {shared.supportedTorchReleases} feature releases of torch as of the evaluation date. Fails when the specifier excludes the latest release; review when torch is not declared at all.',
  messages: {
    undeclared:
      'torch is not declared in pyproject.toml, setup.cfg, setup.py, requirements*.txt, environment*.yml or a conda recipe{auxiliary}; a reviewer must confirm how users get PyTorch.{list}',
    noReleases:
      'The torch release list holds {releases} on or before the evaluation date, fewer than the {n} to judge; support cannot be told.{list}',
    excludesLatest: '{judged} excludes torch {latest}, the latest release{others}.{extras}{list}',
    excludesOlder: '{judged} admits torch {latest} but not {missing}; the latest {n} releases should both work{others}.{extras}{list}',
    indeterminate: 'torch is declared ({judged}) but which versions it admits cannot be told: {why}{others}.{list}',
    admitsAll: '{judged} admits torch {versions}{others}.{extras}{list}',
    auxiliaryOnly: ' (it appears only in files for docs, examples, baselines, benchmarks or tests: {files})',
    otherDeclarations: '; {count} other {declarations} reported',
    optionalOnly: ' It is declared only as an optional extra or development dependency, which counts as declared.',
    judgedAgainst: ' Judged against {list}.',
    listConcern: '{concern}. {said}',
  },
} as const satisfies RuleMeta;
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

function listed(items: string[]): string {
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
  return `${first.charAt(0).toUpperCase()}${first.slice(1)}, so torch ${listed(j.releases)} can be installed with the project, and test against them.`;
}

export function evaluatePytorchSupport(j: TorchJudgement, n: number): Outcome {
  const measured = torchMeasured(j);
  const evidence = torchRefs(j);
  const versions = listed(j.releases);
  const judgedText = listed(j.judged.map((a) => `\`${written(a.declaration)}\` (${where(a.declaration)})`));
  const others = j.declarations.length - j.judged.length;
  const otherText =
    others > 0
      ? say(meta, 'otherDeclarations', { count: others, declarations: others === 1 ? 'declaration' : 'declarations' }).summary
      : '';
  const extras = j.optionalOnly ? say(meta, 'optionalOnly').summary : '';
  // the release list is named after the verdict (withReleaseList fills it in)
  const list = '';
  switch (j.outcome) {
    case 'undeclared': {
      const aux = j.declarations.map((a) => where(a.declaration));
      const auxiliary = aux.length
        ? say(meta, 'auxiliaryOnly', { files: `${listed(aux.slice(0, 3))}${aux.length > 3 ? ' …' : ''}` }).summary
        : '';
      return {
        status: 'review',
        ...say(meta, 'undeclared', { auxiliary, list }),
        measured,
        evidence,
        fix: `Declare torch where the project lists its dependencies, e.g. \`torch>=${j.releases[j.releases.length - 1] ?? '2.0'}\` in pyproject.toml [project].dependencies (or an extra such as [project.optional-dependencies] torch = [...] for framework-agnostic libraries).`,
      };
    }
    case 'no-releases':
      return {
        status: 'unknown',
        ...say(meta, 'noReleases', { releases: `${j.releases.length} feature release${j.releases.length === 1 ? '' : 's'}`, n, list }),
        measured,
        evidence,
        fix: 'Refresh the torch release list with `steward data refresh` (or pass one with --torch-releases) so it covers the evaluation date.',
      };
    case 'excludes-latest':
      return {
        status: 'fail',
        ...say(meta, 'excludesLatest', { judged: judgedText, latest: j.releases[0]!, others: otherText, extras, list }),
        measured,
        evidence,
        fix: torchFix(j),
      };
    case 'excludes-older': {
      const missing = j.releases.filter((r) => j.admitted[r] === false);
      return {
        status: 'warn',
        ...say(meta, 'excludesOlder', {
          judged: judgedText,
          latest: j.releases[0]!,
          missing: listed(missing),
          n,
          others: otherText,
          extras,
          list,
        }),
        measured,
        evidence,
        fix: torchFix(j),
      };
    }
    case 'indeterminate': {
      const why = j.judged.find((a) => a.error)?.error ?? 'the specifier cannot be read';
      return {
        status: 'review',
        ...say(meta, 'indeterminate', { judged: judgedText, why, others: otherText, list }),
        measured,
        evidence,
        fix: `Make sure the declared torch version range admits ${versions}, or state it in a requirements file a reader can check.`,
      };
    }
    case 'admits-all':
      return {
        status: 'pass',
        ...say(meta, 'admitsAll', { judged: judgedText, versions, others: otherText, extras, list }),
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
  // the verdict's own message, now naming the list
  const named = say(meta, o.message!.id as keyof typeof meta.messages, {
    ...o.message!.data,
    list: say(meta, 'judgedAgainst', { list: describeList(list) }).summary,
  });
  if (!list.concern) return { ...o, measured, ...named };
  const verdict = o.status === 'pass' || o.status === 'warn' || o.status === 'fail';
  return {
    ...o,
    status: verdict ? 'review' : o.status,
    ...say(meta, 'listConcern', { concern: `${list.concern.charAt(0).toUpperCase()}${list.concern.slice(1)}`, said: named.summary }),
    measured,
    fix: o.fix ? `${REFRESH_FIX} ${o.fix}` : REFRESH_FIX,
  };
}

export const pytorchSupport = defineRule({
  meta,
  options: (z) => z.strictObject({}),
  evaluate(evidence, { policy, asOf }) {
    const n = policy.shared.supportedTorchReleases;
    const outcome = evaluatePytorchSupport(judgeTorchSupport(evidence.python.torch, evidence.torchReleases, asOf, n), n);
    return withReleaseList(outcome, torchListFacts(evidence, asOf));
  },
});
