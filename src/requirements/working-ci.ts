// Requirement 2: Working CI. Offline, a CI configuration that runs on push or pull requests is
// the most we can see ("configured, run status unknown"); with the hosting API, the latest
// completed run on the default branch decides. Declared OSes must each appear among the runners.
import type { CiWorkflow, Evidence, EvidenceRef } from '../evidence/types.js';
import { classifierOs } from '../evidence/ci/runners.js';
import { CI_SYSTEMS, ciFilesShown, ciSystemById } from '../evidence/ci/systems/index.js';
import type { Outcome, RuleMeta, Status } from './types.js';
import { onlineError } from '../evidence/online/errors.js';
import { defineRule, say } from './rule.js';
import { RUN_ADVICE } from './run-advice.js';

const meta = {
  key: 'working-ci',
  automation: 'partial',
  measures: `A CI configuration exists (${CI_SYSTEMS.map((s) => (s.declaresTriggers ? `${s.name} workflows triggered on push or pull_request` : s.name)).join(', ')}) and, with GitHub access, the latest completed runs on the default branch succeeded; offline: warn. Every operating system the project declares (Trove classifiers, wheel platforms) must appear among the CI runners, else warn.`,
  messages: {
    runsFailed: 'The latest completed CI {runs} on the default branch failed ({which}).{osNote}',
    runsSucceeded: 'The latest completed CI {runs} on the default branch succeeded ({which}).{osNote}',
    runsInconclusive: 'The latest completed CI {runs} on the default branch ended without success or failure ({which}).{osNote}',
    configured: 'CI is configured ({files}), run status unknown ({why}).{osNote}',
    notOnChanges: 'CI files exist ({files}) but none runs on push or pull requests{unreadable}.{osNote}',
    none: 'No CI configuration was found ({looked}).{osNote}',
    osNotRun: ' The project declares {missing} (classifiers or wheels) but no CI runner runs on {them} ({runners}).',
  },
} as const satisfies RuleMeta;

/** GitHub events that run CI on the project's changes. */
const CHANGE_EVENTS = new Set(['push', 'pull_request', 'pull_request_target', 'merge_group']);

/** Conclusions that mean the code failed; others (cancelled, skipped, neutral, stale) are not a verdict. */
const FAILED = new Set(['failure', 'timed_out', 'startup_failure', 'failed', 'error']);
const SUCCEEDED = new Set(['success', 'succeeded', 'passed']);

export function runsOnChanges(w: CiWorkflow): boolean {
  return !ciSystemById(w.system)?.declaresTriggers || w.triggers.some((t) => CHANGE_EVENTS.has(t));
}

/** OSes the project says it supports: Trove classifiers and the platforms of its published wheels. */
export function declaredOs(evidence: Evidence): string[] {
  const out = new Set<string>(classifierOs(evidence.python.classifiers));
  for (const p of evidence.online?.pypi?.wheelPlatforms ?? []) if (['linux', 'macos', 'windows'].includes(p)) out.add(p);
  return [...out].sort();
}

function workflowRef(w: CiWorkflow): EvidenceRef {
  const detail = [
    w.system,
    w.triggers.length ? `on ${w.triggers.join(', ')}` : 'no triggers read',
    w.runners.length ? `runners ${w.runners.join('; ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
  return { kind: 'file', ref: w.file, detail };
}

export function evaluateWorkingCi(evidence: Evidence): Outcome {
  const ci = evidence.ci;
  const hosted = evidence.online?.github ?? evidence.online?.gitlab;
  const lastRun = hosted?.lastRun;
  const declared = declaredOs(evidence);
  const missingOs = declared.filter((o) => !ci.os.includes(o));
  const onChanges = ci.workflows.filter(runsOnChanges);
  const measured: Record<string, unknown> = {
    systems: ci.systems,
    workflows: ci.workflows.map((w) => w.file),
    os: ci.os,
    declaredOs: declared,
    ...(missingOs.length ? { missingOs } : {}),
    ...(lastRun ? { lastRun } : {}),
    ...(hosted?.runs?.length ? { runs: hosted.runs } : {}),
  };
  // The workflows that run on changes first: the text report shows the first reference, and a
  // schedule- or issue-triggered file there (ignite's nightly release, skorch's HF integration) points away from the CI.
  const evidenceRefs: EvidenceRef[] = [...onChanges, ...ci.workflows.filter((w) => !onChanges.includes(w))].map(workflowRef);
  if (lastRun)
    evidenceRefs.unshift({ kind: 'api', ref: lastRun.url, detail: `latest completed run: ${lastRun.conclusion} at ${lastRun.at}` });
  const osNote = missingOs.length
    ? say(meta, 'osNotRun', {
        missing: missingOs.join(', '),
        them: missingOs.length === 1 ? 'it' : 'them',
        runners: ci.os.length ? `runners: ${ci.os.join(', ')}` : 'no runner OS could be read',
      }).summary
    : '';
  const osFix = missingOs.length
    ? `Add ${missingOs.join(', ')} runners to the CI matrix (e.g. runs-on: \${{ matrix.os }} with ${missingOs.map((o) => (o === 'linux' ? 'ubuntu-latest' : o === 'macos' ? 'macos-latest' : 'windows-latest')).join(', ')}), or drop the Operating System classifiers the project does not test.`
    : undefined;
  type Id = keyof typeof meta.messages;
  const result = (status: Status, id: Id, data: Record<string, string>, fix?: string): Outcome => {
    const fixes = [fix, osFix].filter(Boolean).join(' ');
    return { status, ...say(meta, id, { ...data, osNote }), measured, evidence: evidenceRefs, ...(fixes ? { fix: fixes } : {}) };
  };
  const runs = (n: number) => (n === 1 ? 'run' : 'runs');

  // the latest completed run of each workflow when the API gave them, else the single latest run
  const latest = hosted?.runs?.length ? hosted.runs : lastRun ? [{ workflow: '', ...lastRun }] : [];
  if (latest.length > 0) {
    const label = (r: (typeof latest)[number]) =>
      `${r.workflow ? `${r.workflow}: ` : ''}${r.conclusion.toLowerCase()}, ${r.at.slice(0, 10)}`;
    const failed = latest.filter((r) => FAILED.has(r.conclusion.toLowerCase()));
    if (failed.length > 0) {
      return result(
        'fail',
        'runsFailed',
        { runs: runs(failed.length), which: failed.map(label).join('; ') },
        `Fix the failing run${failed.length === 1 ? '' : 's'} ${failed.map((r) => r.url).join(', ')} and get the default branch green.`,
      );
    }
    const odd = latest.filter((r) => !SUCCEEDED.has(r.conclusion.toLowerCase()));
    if (odd.length === 0) {
      return result(missingOs.length ? 'warn' : 'pass', 'runsSucceeded', {
        runs: runs(latest.length),
        which: latest.map(label).join('; '),
      });
    }
    return result(
      'warn',
      'runsInconclusive',
      { runs: runs(odd.length), which: odd.map(label).join('; ') },
      `Re-run ${odd.map((r) => r.url).join(', ')} so the default branch has completed, successful runs.`,
    );
  }
  const why = onlineError(evidence.online, 'github/runs', 'github/graphql', 'github', 'gitlab/pipelines', 'gitlab');
  if (onChanges.length > 0) {
    const files = onChanges.map((w) => w.file);
    return result(
      'warn',
      'configured',
      {
        files: `${files.slice(0, 3).join(', ')}${files.length > 3 ? ` and ${files.length - 3} more` : ''}`,
        why: why || 'no access to the CI service in this check',
      },
      RUN_ADVICE.ciRunsUnread.cli,
    );
  }
  if (ci.workflows.length > 0) {
    return result(
      'fail',
      'notOnChanges',
      {
        files: ci.workflows.map((w) => w.file).join(', '),
        unreadable: ci.workflows.some((w) => w.triggers.length === 0) ? '; some could not be read' : '',
      },
      `Add \`on: [push, pull_request]\` to a workflow that builds and tests the project (see ${ci.workflows[0]!.file}).`,
    );
  }
  return result(
    'fail',
    'none',
    { looked: ciFilesShown() },
    'Add a workflow such as .github/workflows/ci.yml with `on: [push, pull_request]` that installs the project and runs its tests.',
  );
}

export const workingCi = defineRule({
  meta,
  options: (z) => z.strictObject({}),
  evaluate(evidence) {
    return evaluateWorkingCi(evidence);
  },
});
