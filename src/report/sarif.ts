// SARIF 2.1.0 rendering, for GitHub code scanning (`github/codeql-action/upload-sarif`): one rule
// per requirement, one result per requirement that does not pass, located at the first file its
// evidence names (with the line when known) or, when it names none, at the repository root.
// Passing requirements produce no result, so code scanning closes an alert once it is fixed.
import type { Report } from './types.js';
import type { Result, Status } from '../requirements/types.js';
import type { Policy } from '../policy/types.js';
import { describeRules } from '../policy/rules.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** The path SARIF gives a finding about the repository as a whole: its root, relative to %SRCROOT%. */
export const ROOT_URI = './';

type Level = 'error' | 'warning' | 'note' | 'none';

// fail is an error; warn a warning; review/unknown a note (a person must look); pass/exempt no result
const LEVEL: Record<Status, Level | undefined> = {
  fail: 'error',
  warn: 'warning',
  review: 'note',
  unknown: 'note',
  pass: undefined,
  exempt: undefined,
};

export interface SarifOptions {
  /** the policy the reports were judged by: its rules' numbers, titles and text, and what each measures */
  policy: Policy;
}

/** `R07` for requirement 7: a rule id that sorts in TAC order. */
export function ruleId(id: number): string {
  return `R${String(id).padStart(2, '0')}`;
}

function ruleName(key: string): string {
  return key.replace(/(^|-)([a-z0-9])/g, (_m, _d: string, c: string) => c.toUpperCase());
}

function location(r: Result, target: Report['target']): Record<string, unknown> {
  const file = r.evidence.find((e) => e.kind === 'file');
  if (!file) {
    return {
      physicalLocation: { artifactLocation: { uri: ROOT_URI, uriBaseId: '%SRCROOT%' } },
      message: { text: 'the repository as a whole' },
    };
  }
  // code scanning resolves paths from the repository root; a project in a folder reports relative to it
  const repoPath = target.path && !target.inherited?.includes(file.ref) ? `${target.path}/${file.ref}` : file.ref;
  const uri = repoPath.split('/').map(encodeURIComponent).join('/');
  return {
    physicalLocation: {
      artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
      ...(file.line ? { region: { startLine: file.line } } : {}),
    },
  };
}

function run(report: Report, opts: SarifOptions): Record<string, unknown> {
  const described = describeRules(opts.policy);
  const rules = described.map((m) => ({
    id: ruleId(m.number),
    name: ruleName(m.key),
    shortDescription: { text: `${m.number}. ${m.title}` },
    fullDescription: { text: m.text },
    help: { text: `${m.text}\n\nMeasured: ${m.measures}` },
    properties: { key: m.key, automation: m.automation },
  }));
  const index = new Map(described.map((m, i) => [m.number, i]));
  const results = [];
  for (const r of report.requirements) {
    const level = LEVEL[r.status];
    const ruleIndex = index.get(r.id);
    if (level === undefined || ruleIndex === undefined) continue;
    results.push({
      ruleId: ruleId(r.id),
      ruleIndex,
      level,
      message: { text: `${r.id} ${r.title}: ${r.status}. ${r.summary}${r.fix ? `\nTo fix: ${r.fix}` : ''}` },
      locations: [location(r, report.target)],
      // one alert per requirement however its summary changes, so code scanning tracks it across runs
      partialFingerprints: { 'stewardRequirement/v1': `${report.policy.id}:${r.key}` },
      properties: { status: r.status, key: r.key },
    });
  }
  return {
    tool: {
      driver: {
        name: 'steward',
        version: report.tool.version,
        semanticVersion: report.tool.version,
        rules,
      },
    },
    automationDetails: { id: `steward/${report.policy.id}/` },
    ...(report.target.webUrl
      ? {
          versionControlProvenance: [
            { repositoryUri: report.target.webUrl, revisionId: report.target.commit, mappedTo: { uriBaseId: '%SRCROOT%' } },
          ],
        }
      : {}),
    results,
    properties: { verdict: report.verdict, asOf: report.target.asOf, policy: report.policy, repository: report.target.repo },
  };
}

/** One SARIF log with a run per report (one per target checked). */
export function renderSarif(reports: Report[], opts: SarifOptions): string {
  const log = { $schema: SARIF_SCHEMA, version: '2.1.0', runs: reports.map((r) => run(r, opts)) };
  return JSON.stringify(log, null, 2) + '\n';
}
