// The offboarding follow-up over the store: retired projects whose README check is due (or the
// named ones) are read, and what remains is recorded on the project, in the audit log and, when
// references remain, as a reminder in the outbox — in one transaction per project, so a run
// killed and started again never checks (or reminds) twice for the same step.
import { getDoc, listDocs, updateDoc } from '../store/index.js';
import { dateOf } from './calendar.js';
import type { Engine, Evaluator } from './engine.js';
import { assertInOrder, assertWritableDay, checkInstant, mutate, notFound, record } from './engine.js';
import { latestProjectEvent } from './events.js';
import { ProcessError } from './errors.js';
import { applyOffboardingCheck, isOffboardingCheckDue, isReadmePath } from './offboarding-check.js';
import { projectCols } from './project-cols.js';
import type { Actor, EcosystemReference, Project } from './types.js';

/** Reads a retired project's README files (path and text) at an instant. */
export type ReadmeReader = (project: Pick<Project, 'id' | 'name' | 'repoUrl'>, asOf: Date) => Promise<{ path: string; text: string }[]>;

/**
 * The README files from the checker's evidence (`evidence.files`): the same reading of the
 * repository as every report, so a retired project is read the way it was reviewed.
 */
export function readmeReaderFrom(evaluator: Evaluator): ReadmeReader {
  return async (p, asOf) => {
    const { evidence } = await evaluator({ id: p.id, name: p.name, repoUrl: p.repoUrl, kind: 'offboarding' }, asOf);
    const files = (evidence as { files?: Record<string, { path?: string; text?: unknown }> } | undefined)?.files;
    if (!files || typeof files !== 'object')
      throw new Error(`offboarding check of ${p.id}: the checker gave no files for ${p.repoUrl} (expected evidence.files)`);
    return Object.entries(files)
      .filter(([path, f]) => isReadmePath(path) && typeof f?.text === 'string')
      .map(([path, f]) => ({ path, text: f.text as string }));
  };
}

export interface OffboardingRunResult {
  checked: { projectId: string; references: EcosystemReference[] }[];
  errors: { projectId: string; message: string }[];
}

export async function offboardingDue(eng: Engine, today = dateOf(eng.clock.now())): Promise<Project[]> {
  const retired = await listDocs<Project>(eng.store.db, 'projects', { status: ['RETIRED'] });
  return retired.filter((p) => isOffboardingCheckDue(p, today)).sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * Checks every retired project whose follow-up is due, or exactly `projectIds` (due or not: staff
 * asked). A reader error leaves that project as it was and is reported; the others go on.
 */
export async function runOffboardingChecks(
  eng: Engine,
  actor: Actor,
  opts: {
    reader: ReadmeReader;
    projectIds?: string[];
    signal?: AbortSignal;
    onProgress?: (p: { done: number; total: number; projectId: string; outcome: string }) => void;
  },
): Promise<OffboardingRunResult> {
  assertWritableDay(eng);
  let ids: string[];
  if (opts.projectIds) {
    for (const id of opts.projectIds) {
      const found = await getDoc<Project>(eng.store.db, 'projects', id);
      if (!found) throw notFound('project', id);
      if (found.doc.status !== 'RETIRED')
        throw new ProcessError('conflict', `offboarding check: project ${id} is ${found.doc.status}, expected RETIRED`);
    }
    ids = opts.projectIds;
  } else {
    ids = (await offboardingDue(eng)).map((p) => p.id);
  }
  const result: OffboardingRunResult = { checked: [], errors: [] };
  let done = 0;
  for (const id of ids) {
    if (opts.signal?.aborted) break;
    let outcome = 'skipped';
    try {
      const listed = (await getDoc<Project>(eng.store.db, 'projects', id))!.doc;
      const files = await opts.reader(listed, checkInstant(eng));
      const refs = await mutate(eng, async (trx, now) => {
        const found = await getDoc<Project>(trx, 'projects', id);
        // another run did this step meanwhile: do not check (or remind) twice
        if (!found || (!opts.projectIds && !isOffboardingCheckDue(found.doc, dateOf(now)))) return undefined;
        assertInOrder(eng, `project ${id}`, latestProjectEvent(found.doc), dateOf(now));
        const out = applyOffboardingCheck(found.doc, files, { actor, now });
        await updateDoc(trx, 'projects', projectCols(out.state), out.state, found.version, now.toISOString());
        await record(trx, actor, now, `project:${id}`, out.notices, out.audit);
        return out.state.offboarding!.references;
      });
      if (refs) {
        result.checked.push({ projectId: id, references: refs });
        outcome = refs.length === 0 ? 'clean' : `${refs.length} reference(s)`;
      }
    } catch (err) {
      outcome = 'error';
      result.errors.push({ projectId: id, message: (err as Error).message });
    }
    opts.onProgress?.({ done: ++done, total: ids.length, projectId: id, outcome });
  }
  return result;
}
