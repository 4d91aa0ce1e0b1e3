// The GitHub Action: checks the head (what is checked out) and, when the event has one, the base;
// writes the Markdown report to the job summary and SARIF to a file, and fails only when a
// requirement that passed on the base fails on the head, or when a full pass is required.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { check, parseAsOf, type CheckOptions } from '../check/index.js';
import { loadPolicy } from '../policy/catalogue.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderSarif } from '../report/sarif.js';
import { compareReports, type Comparison } from '../report/compare.js';
import type { Report } from '../report/types.js';
import type { Result } from '../requirements/types.js';
import { readInputs, readRevisions, type ActionInputs, type Revisions } from './inputs.js';

type Env = Record<string, string | undefined>;

export interface ActionOutcome {
  exitCode: number;
  head: Report;
  base?: Report;
  comparison?: Comparison;
  /** why the step fails, when it does */
  failures: string[];
}

// workflow commands: data escapes %, CR and LF; properties also `:` and `,`
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

function annotation(level: 'error' | 'warning' | 'notice', r: Result, title: string): string {
  const file = r.evidence.find((e) => e.kind === 'file');
  const props = [file ? `file=${escapeProperty(file.ref)}` : '', file?.line ? `line=${file.line}` : '', `title=${escapeProperty(title)}`]
    .filter(Boolean)
    .join(',');
  return `::${level} ${props}::${escapeData(`${r.summary}${r.fix ? ` To fix: ${r.fix}` : ''}`)}\n`;
}

function summaryMarkdown(
  inputs: ActionInputs,
  revs: Revisions,
  head: Report,
  base: Report | undefined,
  cmp: Comparison | undefined,
  failures: string[],
): string {
  const out: string[] = [];
  const purpose = inputs.stage === 'apply' ? 'readiness for an Ecosystem application' : 'standing before the periodic review';
  if (base && cmp) {
    out.push(`**Steward** (${purpose}): compared with ${revs.baseFrom ?? 'the base'} \`${base.target.commit.slice(0, 12)}\`.`);
    out.push('');
    const line = (label: string, rs: Result[]) =>
      `- ${label}: ${rs.length === 0 ? 'none' : rs.map((r) => `${r.id} ${r.title}`).join(', ')}`;
    out.push(line('Regressions (passed on the base, fail now)', cmp.regressions));
    out.push(line('Fixed by this change', cmp.fixed));
    out.push(line('Failing before and after (not caused by this change)', cmp.stillFailing));
  } else {
    out.push(
      `**Steward** (${purpose}): no base commit to compare with (${revs.baseFrom ?? 'the event names none'}); this run reports without judging a change.`,
    );
  }
  out.push('');
  out.push(failures.length ? `The step fails: ${failures.join('; ')}.` : 'The step passes.');
  out.push('');
  return out.join('\n') + '\n' + renderMarkdown(head, { offline: !inputs.online });
}

export async function runAction(env: Env, write: (s: string) => void = (s) => process.stdout.write(s)): Promise<ActionOutcome> {
  const inputs = readInputs(env);
  const revs = readRevisions(env);
  const policy = loadPolicy(inputs.policy);
  const opts: CheckOptions = {
    policy,
    asOf: inputs.asOf ? parseAsOf(inputs.asOf) : new Date(),
    offline: !inputs.online,
    ...(inputs.token ? { tokens: [inputs.token] } : {}),
  };
  const head = (await check(inputs.repo, { ...opts, rev: revs.head })).report;
  let base: Report | undefined;
  let comparison: Comparison | undefined;
  if (revs.base) {
    base = (
      await check(inputs.repo, { ...opts, rev: revs.base }).catch((err: Error) => {
        throw new Error(
          `${err.message} (the base commit of ${revs.baseFrom ?? 'the event'}; check out with fetch-depth: 0 so it is present)`,
        );
      })
    ).report;
    comparison = compareReports(base, head);
  }
  const failures: string[] = [];
  if (comparison?.regressions.length) {
    failures.push(
      `${comparison.regressions.length === 1 ? 'a requirement that passed' : `${comparison.regressions.length} requirements that passed`} on the base ${comparison.regressions.length === 1 ? 'fails' : 'fail'} on the head (${comparison.regressions.map((r) => r.id).join(', ')})`,
    );
    for (const r of comparison.regressions)
      write(annotation('error', r, `Steward: requirement ${r.id} ${r.title} passed on the base and fails now`));
  }
  const failing = head.requirements.filter((r) => r.status === 'fail');
  if (inputs.requirePass && failing.length)
    failures.push(
      `require-pass is set and ${failing.length === 1 ? 'requirement' : 'requirements'} ${failing.map((r) => r.id).join(', ')} ${failing.length === 1 ? 'fails' : 'fail'}`,
    );

  mkdirSync(dirname(inputs.sarifFile), { recursive: true });
  writeFileSync(inputs.sarifFile, renderSarif([head], { policy }));
  const summary = summaryMarkdown(inputs, revs, head, base, comparison, failures);
  if (env['GITHUB_STEP_SUMMARY']) appendFileSync(env['GITHUB_STEP_SUMMARY'], summary);
  else write(summary);
  if (env['GITHUB_OUTPUT']) {
    appendFileSync(
      env['GITHUB_OUTPUT'],
      `verdict=${head.verdict}\nregressions=${(comparison?.regressions ?? []).map((r) => r.id).join(',')}\nsarif-file=${inputs.sarifFile}\n`,
    );
  }
  write(
    `steward: ${head.target.repo} @ ${head.target.commit.slice(0, 12)} ${head.verdict}${base ? ` (base ${base.target.commit.slice(0, 12)} ${base.verdict})` : ''}; SARIF written to ${inputs.sarifFile}\n`,
  );
  for (const f of failures) write(`::error title=Steward::${escapeData(f)}\n`);
  return { exitCode: failures.length ? 1 : 0, head, ...(base ? { base } : {}), ...(comparison ? { comparison } : {}), failures };
}
