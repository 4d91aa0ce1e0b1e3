// A stored report as a table: the 19 requirements with their status, what was found, the
// evidence linked at the evaluated commit, and what to fix; and what changed since the last one.
import type { ReportDiff } from '../../process/report-diff.js';
import { evidenceLabel, evidenceUrl } from '../../report/links.js';
import type { Report } from '../../report/types.js';
import { fixOnWeb } from '../../requirements/run-advice.js';
import { StatusTag } from './layout.js';

export function ReportTable(props: { report: Report; showFixes?: boolean }) {
  const r = props.report;
  const failing = r.requirements.filter((x) => x.status === 'fail').length;
  return (
    <section aria-label="Report">
      <p>
        Verdict <StatusTag status={r.verdict} /> · {failing} failing of {r.requirements.length} · commit <code>{r.target.commit.slice(0, 12)}</code> · as of{' '}
        {r.target.asOf.slice(0, 10)} · policy {r.policy.id} {r.policy.version}
      </p>
      <div class="table-wrap">
        <table class="report">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Requirement</th>
              <th scope="col">Status</th>
              <th scope="col">Found</th>
            </tr>
          </thead>
          <tbody>
            {r.requirements.map((q) => (
              <tr id={`req-${q.id}`}>
                <td>{q.id}</td>
                <th scope="row">{q.title}</th>
                <td>
                  <StatusTag status={q.status} />
                </td>
                <td>
                  {q.summary}
                  {q.evidence.length > 0 ? (
                    <ul class="evidence">
                      {q.evidence.slice(0, 5).map((e) => {
                        const url = evidenceUrl(e, r.target.webUrl, r.target.commit);
                        return <li>{url ? <a href={url}>{evidenceLabel(e)}</a> : <code>{evidenceLabel(e)}</code>}</li>;
                      })}
                    </ul>
                  ) : null}
                  {props.showFixes !== false && q.fix && q.status !== 'pass' ? (
                    <p>
                      <strong>Fix:</strong> {fixOnWeb(q.fix)}
                    </p>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function ChangesList(props: { diff: (ReportDiff & { fromReport: number; toReport: number }) | null }) {
  const d = props.diff;
  if (!d) return <p class="muted">No earlier report of this repository to compare with.</p>;
  const moved = d.changes.filter((c) => c.before !== c.after);
  return (
    <>
      <p>
        Since {d.from.asOf.slice(0, 10)} (<code>{d.from.commit.slice(0, 12)}</code>, {d.from.verdict}) → {d.to.asOf.slice(0, 10)} (<code>{d.to.commit.slice(0, 12)}</code>, {d.to.verdict})
      </p>
      {moved.length === 0 ? (
        <p>No requirement changed status.</p>
      ) : (
        <ul>
          {moved.map((c) => (
            <li>
              {c.direction === 'improved' ? 'Improved' : c.direction === 'regressed' ? 'Regressed' : 'Changed'}: {c.id}. {c.key} {c.before ?? 'absent'} → {c.after ?? 'absent'}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
