// Waivers against the store: recorded on the project or application they exempt (so every report
// made for it sees them), revoked with a reason, listed with whether each is still in force.
// `addWaiver` is what the GitHub App's `/waive` command calls.
import { getDoc, listDocs, nextId, updateDoc } from '../store/index.js';
import { dateOf } from './calendar.js';
import { assertInOrder, type Engine, mutate, notFound, record } from './engine.js';
import { notAllowed, ProcessError } from './errors.js';
import { latestApplicationEvent, latestProjectEvent } from './events.js';
import { projectCols } from './project-cols.js';
import { repoKeyOf } from './repo-key.js';
import type { Actor, Application, Project, Waiver } from './types.js';
import { newWaiver, untilText, type WaiverInput, type WaiverState, waiverState } from './waivers.js';

/** What a waiver exempts: one application (by id) or one project (by id). */
export type WaiverSubject = { application: string } | { project: string };

const subjectOf = (s: WaiverSubject) => ('application' in s ? `application:${s.application}` : `project:${s.project}`);
const appCols = (a: Application) => ({
  id: a.id,
  status: a.status,
  key: a.repoIncomplete ? '' : repoKeyOf(a.repoUrl),
  sort: a.submittedAt,
});

export async function addWaiver(eng: Engine, actor: Actor, subject: WaiverSubject, input: WaiverInput): Promise<Waiver> {
  return mutate(eng, async (trx, now) => {
    const id = `W${await nextId(trx, 'waiver')}`;
    const today = dateOf(now);
    if ('application' in subject) {
      const found = await getDoc<Application>(trx, 'applications', subject.application);
      if (!found) throw notFound('application', subject.application);
      assertInOrder(eng, `application ${subject.application}`, latestApplicationEvent(found.doc), today);
      const w = newWaiver(id, input, { actor, now }, undefined, eng.policy.rules);
      const state = { ...found.doc, waivers: [...(found.doc.waivers ?? []), w] };
      await updateDoc(trx, 'applications', appCols(state), state, found.version, now.toISOString());
      await record(trx, actor, now, subjectOf(subject), [], [{ action: 'waiver.recorded', subject: subjectOf(subject), data: { ...w } }]);
      return w;
    }
    const found = await getDoc<Project>(trx, 'projects', subject.project);
    if (!found) throw notFound('project', subject.project);
    const p = found.doc;
    if (p.status !== 'ACTIVE')
      throw new ProcessError('conflict', `record a waiver: project ${p.id} is ${p.status}; only an ACTIVE project is reviewed`);
    assertInOrder(eng, `project ${p.id}`, latestProjectEvent(p), today);
    // in remediation, "until the next review" covers the review being fixed
    const w = newWaiver(id, input, { actor, now }, p.pending?.dueOn ?? p.reviewDueOn, eng.policy.rules);
    const state = { ...p, waivers: [...(p.waivers ?? []), w] };
    await updateDoc(trx, 'projects', projectCols(state), state, found.version, now.toISOString());
    await record(trx, actor, now, subjectOf(subject), [], [{ action: 'waiver.recorded', subject: subjectOf(subject), data: { ...w } }]);
    return w;
  });
}

export interface ListedWaiver {
  subject: string;
  waiver: Waiver;
  state: WaiverState;
  until: string;
}

/** Every waiver (or those of one subject), with whether it is in force on the engine's day. */
export async function listWaivers(eng: Engine, subject?: WaiverSubject): Promise<ListedWaiver[]> {
  const today = dateOf(eng.clock.now());
  const out: ListedWaiver[] = [];
  const apps = subject && 'project' in subject ? [] : await listDocs<Application>(eng.store.db, 'applications');
  const projects = subject && 'application' in subject ? [] : await listDocs<Project>(eng.store.db, 'projects');
  for (const a of apps) {
    if (subject && 'application' in subject && a.id !== subject.application) continue;
    for (const w of a.waivers ?? [])
      out.push({ subject: `application:${a.id}`, waiver: w, state: waiverState(w, { today }), until: untilText(w) });
  }
  for (const p of projects) {
    if (subject && 'project' in subject && p.id !== subject.project) continue;
    const at = { today, ...(p.pending ? { pendingDueOn: p.pending.dueOn } : {}) };
    for (const w of p.waivers ?? []) out.push({ subject: `project:${p.id}`, waiver: w, state: waiverState(w, at), until: untilText(w) });
  }
  return out.sort((a, b) => Number(a.waiver.id.slice(1)) - Number(b.waiver.id.slice(1)));
}

/** Ends a waiver before its time; it stays on record, revoked. */
export async function revokeWaiver(eng: Engine, actor: Actor, waiverId: string, reason: string): Promise<Waiver> {
  if (actor.role !== 'staff') throw new ProcessError('forbidden', `revoke a waiver: needs role staff; ${notAllowed(actor, ['staff'])}`);
  if (!reason.trim()) throw new ProcessError('invalid', 'revoke a waiver: a reason is required');
  const id = waiverId.toUpperCase().startsWith('W') ? waiverId.toUpperCase() : `W${waiverId}`;
  const listed = (await listWaivers(eng)).find((l) => l.waiver.id === id);
  if (!listed) throw notFound('waiver', id);
  if (listed.waiver.revoked)
    throw new ProcessError('conflict', `revoke a waiver: ${id} was already revoked on ${listed.waiver.revoked.at.slice(0, 10)}`);
  const [table, docId] = listed.subject.split(':') as ['application' | 'project', string];
  return mutate(eng, async (trx, now) => {
    const tableName = table === 'application' ? 'applications' : 'projects';
    const found = await getDoc<Application | Project>(trx, tableName, docId);
    if (!found) throw notFound(table, docId);
    const revoked = { at: now.toISOString(), by: actor.id, reason: reason.trim() };
    let w: Waiver | undefined;
    const waivers = (found.doc.waivers ?? []).map((x) => (x.id === id ? (w = { ...x, revoked }) : x));
    const state = { ...found.doc, waivers };
    const cols = table === 'application' ? appCols(state as Application) : projectCols(state as Project);
    await updateDoc(trx, tableName, cols, state, found.version, now.toISOString());
    await record(
      trx,
      actor,
      now,
      listed.subject,
      [],
      [{ action: 'waiver.revoked', subject: listed.subject, data: { waiver: id, reason: revoked.reason } }],
    );
    return w!;
  });
}
