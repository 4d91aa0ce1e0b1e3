// Importing today's ecosystem from landscape.yml: every listed project starts as a record,
// `project: archived` ones RETIRED, the rest ACTIVE, accepted on `extra.accepted` when the entry
// has it; otherwise the date is recorded as unknown and the first review falls due
// `reviewEveryMonths` after the import. Categories another tool owns are left alone.
import type { Landscape, LandscapeItem } from '../landscape/index.js';
import { PROTECTED_CATEGORIES, isRetired } from '../landscape/index.js';
import { insertDoc, listDocs } from '../store/index.js';
import { repoKeyOf } from './repo-key.js';
import { dateOf, isCalendarDate } from './calendar.js';
import { type Engine, mutate, record } from './engine.js';
import { freeProjectId } from './engine-applications.js';
import { notAllowed, ProcessError } from './errors.js';
import { newProject } from './projects.js';
import type { Actor, AuditInput, Project } from './types.js';

export interface ImportResult {
  active: string[];
  retired: string[];
  /** imported with an unknown acceptance date */
  unknownAcceptance: string[];
  skipped: { name: string; line: number; reason: string }[];
}

function acceptedOf(item: LandscapeItem): string | null {
  const v = item.extra?.['accepted'];
  const s = v instanceof Date ? dateOf(v) : typeof v === 'string' ? v.trim() : '';
  return isCalendarDate(s) ? s : null;
}

/** Imports in one transaction: all of the file or nothing. Entries already recorded (same landscape id or repository) are skipped. */
export async function importLandscape(eng: Engine, actor: Actor, landscape: Landscape): Promise<ImportResult> {
  if (actor.role !== 'staff')
    throw new ProcessError('forbidden', `import the landscape: needs role staff; ${notAllowed(actor, ['staff'])}`);
  return mutate(eng, async (trx, now) => {
    const result: ImportResult = { active: [], retired: [], unknownAcceptance: [], skipped: [] };
    const existing = await listDocs<Project>(trx, 'projects');
    const byLandscape = new Set(existing.map((p) => p.landscapeId).filter(Boolean));
    const byRepo = new Set(existing.map((p) => repoKeyOf(p.repoUrl)));
    const today = dateOf(now);
    const audit: AuditInput[] = [];
    for (const item of landscape.items) {
      if (PROTECTED_CATEGORIES.includes(item.category)) continue;
      const repoUrl = item.repo_url?.trim() || item.homepage_url.trim();
      if (!item.name.trim()) {
        result.skipped.push({ name: item.id, line: item.line, reason: 'the entry has no name' });
        continue;
      }
      if (!repoUrl) {
        result.skipped.push({ name: item.name, line: item.line, reason: 'the entry has neither repo_url nor homepage_url' });
        continue;
      }
      if (byLandscape.has(item.id) || byRepo.has(repoKeyOf(repoUrl))) {
        result.skipped.push({ name: item.name, line: item.line, reason: 'already recorded' });
        continue;
      }
      const acceptedOn = acceptedOf(item);
      const id = await freeProjectId(trx, item.name);
      const p: Project = {
        ...newProject(
          { id, name: item.name, repoUrl, contacts: [], acceptedOn, origin: 'import', retired: isRetired(item) },
          eng.rules,
          today,
        ),
        landscapeId: item.id,
      };
      await insertDoc(trx, 'projects', { id, status: p.status, key: repoKeyOf(repoUrl), sort: p.reviewDueOn }, p, now.toISOString());
      byLandscape.add(item.id);
      byRepo.add(repoKeyOf(repoUrl));
      (p.status === 'RETIRED' ? result.retired : result.active).push(id);
      if (acceptedOn === null) result.unknownAcceptance.push(id);
      audit.push({
        action: 'project.imported',
        subject: `project:${id}`,
        data: { landscapeId: item.id, line: item.line, status: p.status, acceptedOn, reviewDueOn: p.reviewDueOn },
      });
    }
    await record(trx, actor, now, 'landscape', [], audit);
    return result;
  });
}
