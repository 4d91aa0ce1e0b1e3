// Two reports of one repository side by side (a pull request's base and head, a push's before and
// after): which requirements regressed (passed on the base, fail on the head) and which were fixed.
import type { Report } from './types.js';
import type { Result } from '../requirements/types.js';

export interface Comparison {
  /** passed on the base, fail on the head: what a change must not do */
  regressions: Result[];
  /** failed on the base, pass on the head */
  fixed: Result[];
  /** fail on both: known, not caused by the change */
  stillFailing: Result[];
}

export function compareReports(base: Report, head: Report): Comparison {
  const before = new Map(base.requirements.map((r) => [r.id, r.status]));
  const out: Comparison = { regressions: [], fixed: [], stillFailing: [] };
  for (const r of head.requirements) {
    const was = before.get(r.id);
    if (r.status === 'fail' && was === 'pass') out.regressions.push(r);
    else if (r.status === 'fail' && was === 'fail') out.stillFailing.push(r);
    else if (r.status === 'pass' && was === 'fail') out.fixed.push(r);
  }
  return out;
}
