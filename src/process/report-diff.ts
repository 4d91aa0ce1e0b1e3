// What changed between two stored reports of the same project: requirement statuses and
// measured values, so a resubmission or a review shows what measurably improved.
import type { Report } from '../report/types.js';
import type { Status } from '../requirements/types.js';

export interface RequirementChange {
  id: number;
  key: string;
  before: Status | null;
  after: Status | null;
  direction: 'improved' | 'regressed' | 'same';
  /** measured values that differ: name → [before, after] */
  measured: Record<string, [unknown, unknown]>;
}

export interface ReportDiff {
  from: { commit: string; asOf: string; policy: string; verdict: string };
  to: { commit: string; asOf: string; policy: string; verdict: string };
  changes: RequirementChange[];
  improved: string[];
  regressed: string[];
}

const RANK: Record<Status, number> = { fail: 0, unknown: 1, review: 1, warn: 2, pass: 3, exempt: 3 };

function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x,
  );
}

type Diffable = Pick<Report, 'requirements' | 'verdict' | 'target' | 'policy'>;

export function diffReports(prev: Diffable, next: Diffable): ReportDiff {
  const keys = new Map<string, number>();
  for (const r of [...prev.requirements, ...next.requirements]) keys.set(r.key, r.id);
  const changes: RequirementChange[] = [];
  for (const [key, id] of [...keys].sort((a, b) => a[1] - b[1])) {
    const a = prev.requirements.find((r) => r.key === key);
    const b = next.requirements.find((r) => r.key === key);
    const measured: Record<string, [unknown, unknown]> = {};
    for (const m of new Set([...Object.keys(a?.measured ?? {}), ...Object.keys(b?.measured ?? {})])) {
      const x = a?.measured[m];
      const y = b?.measured[m];
      if (canonical(x) !== canonical(y)) measured[m] = [x ?? null, y ?? null];
    }
    const before = a?.status ?? null;
    const after = b?.status ?? null;
    const rb = before === null ? -1 : RANK[before];
    const ra = after === null ? -1 : RANK[after];
    const direction = ra > rb ? 'improved' : ra < rb ? 'regressed' : 'same';
    if (before !== after || Object.keys(measured).length > 0) changes.push({ id, key, before, after, direction, measured });
  }
  const side = (r: Diffable) => ({
    commit: r.target.commit,
    asOf: r.target.asOf,
    policy: `${r.policy.id}@${r.policy.version}`,
    verdict: r.verdict,
  });
  return {
    from: side(prev),
    to: side(next),
    changes,
    improved: changes.filter((c) => c.direction === 'improved').map((c) => c.key),
    regressed: changes.filter((c) => c.direction === 'regressed').map((c) => c.key),
  };
}

export function renderDiff(d: ReportDiff): string {
  const lines = [
    `since ${d.from.asOf.slice(0, 10)} (${d.from.commit.slice(0, 12)}, ${d.from.verdict}) → ${d.to.asOf.slice(0, 10)} (${d.to.commit.slice(0, 12)}, ${d.to.verdict})`,
  ];
  if (d.changes.length === 0) lines.push('  nothing changed');
  for (const c of d.changes) {
    const mark = c.direction === 'improved' ? '+' : c.direction === 'regressed' ? '-' : '~';
    const vals = Object.entries(c.measured)
      .map(([k, [x, y]]) => `${k} ${JSON.stringify(x)} → ${JSON.stringify(y)}`)
      .join('; ');
    lines.push(`  ${mark} ${c.id}. ${c.key}: ${c.before ?? 'absent'} → ${c.after ?? 'absent'}${vals ? ` (${vals})` : ''}`);
  }
  return lines.join('\n') + '\n';
}
