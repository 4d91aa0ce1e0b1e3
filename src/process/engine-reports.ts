// Reading stored reports back: what changed since the previous report of the same repository
// (a resubmission against its decline, a review against the last one), and session agendas.
import type { Report } from '../report/types.js';
import { getDoc, listReports, type StoredReport } from '../store/index.js';
import type { Engine } from './engine.js';
import { notFound } from './engine.js';
import { diffReports, type ReportDiff } from './report-diff.js';
import type { AgendaLine } from './sessions.js';
import type { Application, Session } from './types.js';

export async function latestReport(eng: Engine, subject: string): Promise<StoredReport<Report> | undefined> {
  return (await listReports<Report>(eng.store.db, { subject, limit: 1 }))[0];
}

/**
 * The newest report of `subject` against the report before it for the same repository
 * (whichever application or review that came from); null when there is nothing to compare.
 */
export async function changesSince(eng: Engine, subject: string): Promise<(ReportDiff & { fromReport: number; toReport: number }) | null> {
  const latest = await latestReport(eng, subject);
  if (!latest) return null;
  const [previous] = await listReports<Report>(eng.store.db, { repoKey: latest.repoKey, beforeId: latest.id, limit: 1 });
  if (!previous) return null;
  return { ...diffReports(previous.report, latest.report), fromReport: previous.id, toReport: latest.id };
}

export async function agendaFor(eng: Engine, session: Session): Promise<AgendaLine[]> {
  const lines: AgendaLine[] = [];
  let order = 0;
  for (const id of session.applicationIds) {
    const found = await getDoc<Application>(eng.store.db, 'applications', id);
    if (!found) throw notFound('application', id);
    const a = found.doc;
    const report = await latestReport(eng, `application:${id}`);
    lines.push({
      order: ++order,
      applicationId: id,
      projectName: a.projectName,
      repoUrl: a.repoUrl,
      returning: a.returning,
      submittedAt: a.submittedAt,
      ...(report
        ? {
            verdict: report.verdict,
            failing: report.report.requirements.filter((r) => r.status === 'fail').map((r) => `${r.id} ${r.key}`),
            ...(report.report.requirements.some((r) => r.status === 'exempt')
              ? {
                  exempt: report.report.requirements
                    .filter((r) => r.status === 'exempt')
                    .map(
                      (r) =>
                        `${r.id} ${r.key}: ${(a.waivers ?? []).find((w) => w.requirement === r.id && !w.revoked)?.reason ?? r.summary}`,
                    ),
                }
              : {}),
          }
        : {}),
      ...(a.presentation ? { presentation: a.presentation.url ?? a.presentation.file } : {}),
      ...(a.videoUrl ? { videoUrl: a.videoUrl } : {}),
    });
  }
  return lines;
}
