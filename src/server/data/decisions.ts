// The public log of decisions (process design: "public: … the audit log of decisions"): from the
// audit log, only the entries that decide something about the public ecosystem, each reduced to
// what is public. Projects joining (the acceptance with its reason and tally), periodic reviews
// passed or failed, retirements, waivers on projects, and amendments adopted or rejected.
// Applications that were not accepted, questions, ballots and anything about a person stay in
// the working group's /audit; no entry's data is passed through whole.
import { listDocs } from '../../store/index.js';
import type { Application } from '../../process/types.js';
import type { ServerContext } from '../context.js';

export interface PublicDecision {
  seq: number;
  /** the day it took effect (a dated command's day, else when it was recorded) */
  on: string;
  kind:
    | 'accepted'
    | 'joined'
    | 'review passed'
    | 'review failed'
    | 'retired'
    | 'waiver'
    | 'waiver revoked'
    | 'amendment adopted'
    | 'amendment rejected';
  /** the project's id when it concerns one (its page is public) */
  project: string | null;
  text: string;
}

const PUBLIC_ACTIONS = [
  'application.decided',
  'project.activated',
  'project.reactivated',
  'review.passed',
  'review.failed',
  'project.retired',
  'waiver.recorded',
  'waiver.revoked',
  'amendment.adopted',
  'amendment.rejected',
];

type Data = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' ? v : null);

function tallyText(t: unknown): string {
  const r = (t ?? {}) as Data;
  const a = num(r['approvals']);
  const n = num(r['rosterSize']);
  return a !== null && n !== null ? ` (${a} of ${n} members approved; ${num(r['needed']) ?? '?'} needed)` : '';
}

function failuresText(f: unknown): string {
  return Array.isArray(f) ? f.map((x) => `${num((x as Data)['id']) ?? '?'} ${str((x as Data)['key'])}`.trim()).join(', ') : '';
}

export async function publicDecisions(ctx: ServerContext, limit = 200): Promise<PublicDecision[]> {
  const rows = await ctx.store.db
    .selectFrom('audit_log')
    .select(['seq', 'at', 'action', 'subject', 'data'])
    .where('action', 'in', PUBLIC_ACTIONS)
    .orderBy('seq', 'desc')
    .limit(limit * 2)
    .execute();
  // an accepted application is named by its project: one read of the applications, not one per row
  const needApps = rows.some((r) => r.action === 'application.decided');
  const apps = needApps
    ? new Map((await listDocs<Application>(ctx.store.db, 'applications')).map((a) => [a.id, a]))
    : new Map<string, Application>();
  const out: PublicDecision[] = [];
  for (const r of rows) {
    const d = JSON.parse(r.data) as Data;
    const on = str((d['dated'] as Data | undefined)?.['on']) || r.at.slice(0, 10);
    const [kind, id = ''] = r.subject.split(/:(.*)/s) as [string, string?];
    const project = kind === 'project' ? id : null;
    const base = { seq: Number(r.seq), on, project };
    switch (r.action) {
      case 'application.decided': {
        const app = apps.get(id);
        if (d['outcome'] !== 'ACCEPTED' || !app) continue;
        out.push({
          ...base,
          project: app.projectId ?? null,
          kind: 'accepted',
          text: `${app.projectName} accepted: ${str(d['reason'])}${tallyText(d['tally'])}`,
        });
        break;
      }
      case 'project.activated':
      case 'project.reactivated':
        out.push({
          ...base,
          kind: 'joined',
          text: `${id} ${r.action === 'project.reactivated' ? 'rejoined' : 'joined'} the ecosystem (accepted ${str(d['acceptedOn'])}; first review due ${str(d['reviewDueOn'])})`,
        });
        break;
      case 'review.passed':
        out.push({
          ...base,
          kind: 'review passed',
          text: `${id} passed its periodic review${d['afterFailure'] ? ' after fixing what failed' : ''}; next due ${str(d['nextDueOn'])}`,
        });
        break;
      case 'review.failed':
        out.push({
          ...base,
          kind: 'review failed',
          text: `${id} failed its periodic review (${failuresText(d['failures'])}); to be fixed by ${str(d['deadlineOn'])}`,
        });
        break;
      case 'project.retired':
        out.push({
          ...base,
          kind: 'retired',
          text: `${id} retired: ${str(d['reason']) || `still failing ${failuresText(d['failures'])} at the deadline ${str(d['deadlineOn'])}`}`,
        });
        break;
      case 'waiver.recorded':
        // a waiver on an application is the working group's; on a project it is on the public page
        if (!project) continue;
        out.push({
          ...base,
          kind: 'waiver',
          text: `${id} exempt from requirement ${num(d['requirement']) ?? '?'} (${str(d['key'])}): ${str(d['reason'])} — decided by ${str(d['decidedBy'])} in ${str(d['decidedIn'])}, ${d['until'] ? `until ${str(d['until'])}` : 'until the next periodic review'} (${str(d['id'])})`,
        });
        break;
      case 'waiver.revoked':
        if (!project) continue;
        out.push({ ...base, kind: 'waiver revoked', text: `${id}: waiver ${str(d['waiver'])} revoked: ${str(d['reason'])}` });
        break;
      case 'amendment.adopted':
      case 'amendment.rejected':
        out.push({
          ...base,
          project: null,
          kind: r.action === 'amendment.adopted' ? 'amendment adopted' : 'amendment rejected',
          text: `amendment ${id} to the policy (${str(d['policy'])}, effective ${str(d['effectiveOn'])}) ${r.action === 'amendment.adopted' ? 'adopted' : 'rejected'}${tallyText(d['result'])}`,
        });
        break;
    }
    if (out.length >= limit) break;
  }
  return out;
}
