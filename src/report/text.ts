// The terminal rendering: one line per requirement with a status symbol, a summary line, then
// what to fix. Colour only when the caller says the output is a terminal.
import pc from 'picocolors';
import type { Report } from './types.js';
import type { Status } from '../requirements/types.js';
import { evidenceLabel } from './links.js';

const SYMBOL: Record<Status, string> = {
  pass: '✔',
  fail: '✘',
  warn: '!',
  review: '?',
  unknown: '·',
  exempt: '~',
};

export function statusCounts(report: Report): Record<Status, number> {
  const counts: Record<Status, number> = { pass: 0, fail: 0, warn: 0, review: 0, unknown: 0, exempt: 0 };
  for (const r of report.requirements) counts[r.status]++;
  return counts;
}

export function renderText(report: Report, opts: { color: boolean; width?: number }): string {
  const c = pc.createColors(opts.color);
  const paint: Record<Status, (s: string) => string> = {
    pass: c.green,
    fail: c.red,
    warn: c.yellow,
    review: c.cyan,
    unknown: c.dim,
    exempt: c.magenta,
  };
  const t = report.target;
  const lines: string[] = [];
  lines.push(
    c.bold(`${t.repo}`) + c.dim(` @ ${t.commit.slice(0, 12)} · as of ${t.asOf} · policy ${report.policy.id} ${report.policy.version}`),
  );
  if (t.path)
    lines.push(
      c.dim(
        `project in ${t.path}/ (paths relative to it; shared files from the repository root: ${t.inherited?.length ? t.inherited.join(', ') : 'none'}; activity counts the whole repository)`,
      ),
    );
  lines.push('');
  const titleWidth = Math.max(...report.requirements.map((r) => r.title.length));
  for (const r of report.requirements) {
    const status = paint[r.status](`${SYMBOL[r.status]} ${r.status.padEnd(7)}`);
    const first = r.evidence[0];
    const where = first ? c.dim(` (${evidenceLabel(first)})`) : '';
    lines.push(`${String(r.id).padStart(3)}  ${r.title.padEnd(titleWidth)}  ${status} ${r.summary}${where}`);
  }
  const counts = statusCounts(report);
  const parts = (Object.keys(counts) as Status[]).filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`);
  lines.push('');
  const verdictPaint = report.verdict === 'pass' ? c.green : report.verdict === 'fail' ? c.red : c.cyan;
  lines.push(`${c.bold('Verdict:')} ${verdictPaint(c.bold(report.verdict.toUpperCase()))} — ${parts.join(', ')}`);
  const warned = report.requirements.filter((r) => r.forecast);
  if (warned.length > 0) {
    lines.push('');
    lines.push(c.bold(`Early warning (to ${warned[0]!.forecast!.horizon}):`));
    for (const r of warned) {
      lines.push(`  ${c.yellow('!')} ${r.forecast!.text}`);
      lines.push(c.dim(`    method: ${r.forecast!.method}`));
    }
  }
  const fixes = report.requirements.filter((r) => r.fix && r.status !== 'pass');
  if (fixes.length > 0) {
    lines.push('');
    lines.push(c.bold('To fix:'));
    for (const r of fixes) lines.push(`  ${paint[r.status](SYMBOL[r.status])} ${r.id} ${r.title}: ${r.fix}`);
  }
  if (report.problems.length > 0) {
    lines.push('');
    lines.push(c.bold('Problems reading the repository:'));
    for (const p of report.problems) lines.push(`  ${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`);
  }
  return lines.join('\n') + '\n';
}
