// Applies the early warning to every ACTIVE project that is not yet due (or the named ones): each
// is checked, and its record, the one notice and the audit entry are written in one transaction.
import { getDoc, listDocs, updateDoc } from '../store/index.js';
import { policyOn } from './engine-amendments.js';
import { type Engine, type Evaluator, mutate, record } from './engine.js';
import { ProcessError } from './errors.js';
import { applyEarlyWarning } from './early-warning.js';
import { projectCols } from './project-cols.js';
import type { Actor, Project } from './types.js';

export interface EarlyWarningResult {
  /** projects at risk: id → the forecasts */
  atRisk: { projectId: string; reviewDueOn: string; notified: boolean; risks: string[] }[];
  checked: number;
  errors: { projectId: string; message: string }[];
}

export async function runEarlyWarning(
  eng: Engine,
  actor: Actor,
  opts: { evaluator?: Evaluator; notify?: boolean; projectIds?: string[] } = {},
): Promise<EarlyWarningResult> {
  const evaluator = opts.evaluator ?? eng.evaluator;
  if (!evaluator) throw new ProcessError('invalid', 'early warning: no evaluator configured (expected a checker to run for each project)');
  let projects = await listDocs<Project>(eng.store.db, 'projects', { status: ['ACTIVE'] });
  if (opts.projectIds) projects = projects.filter((p) => opts.projectIds!.includes(p.id));
  const result: EarlyWarningResult = { atRisk: [], checked: 0, errors: [] };
  const policy = await policyOn(eng);
  for (const listed of projects.sort((a, b) => a.id.localeCompare(b.id))) {
    try {
      const checked = await evaluator(
        { id: listed.id, name: listed.name, repoUrl: listed.repoUrl, kind: 'review' },
        eng.clock.now(),
        policy,
      );
      const out = await mutate(eng, async (trx, now) => {
        const found = await getDoc<Project>(trx, 'projects', listed.id);
        if (!found) return null;
        const o = applyEarlyWarning(found.doc, checked.report, { now, actorId: actor.id }, { notify: opts.notify !== false });
        if (!o) return null;
        await updateDoc(trx, 'projects', projectCols(o.state), o.state, found.version, now.toISOString());
        await record(trx, actor, now, `project:${listed.id}`, o.notices, o.audit);
        return o;
      });
      if (!out) continue;
      result.checked++;
      const w = out.state.earlyWarning!;
      if (w.atRisk.length)
        result.atRisk.push({
          projectId: listed.id,
          reviewDueOn: w.reviewDueOn,
          notified: out.notices.length > 0,
          risks: w.atRisk.map((r) => r.text),
        });
    } catch (err) {
      result.errors.push({ projectId: listed.id, message: (err as Error).message });
    }
  }
  return result;
}
