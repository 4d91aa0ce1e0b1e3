// An application issue as GitHub's REST API returns it (`GET /repos/{owner}/{repo}/issues` and
// `/issues/comments`), read as the application it was: its form answers, and the state its
// labels and dates say. Pure: the import (engine-issues.ts) and the GitHub App share it.
import { parseApplicationBody } from './form/index.js';
import { decidingLabel, type LabelState, type LabelTable, type StateLabel } from './labels.js';
import type { Application, DecisionOutcome, IssueRef } from './types.js';

/** The fields of a REST issue the import reads (GitHub sends many more). */
export interface GhIssue {
  number: number;
  title: string;
  body?: string | null;
  state: 'open' | 'closed';
  labels: (string | { name?: string })[];
  user?: { login: string } | null;
  created_at: string;
  updated_at: string;
  closed_at?: string | null;
  html_url?: string;
  repository_url?: string;
  /** present on pull requests, which the issues list also returns */
  pull_request?: unknown;
}

export interface GhComment {
  id: number;
  issue_url: string;
  body?: string | null;
  user?: { login: string } | null;
  created_at: string;
  html_url?: string;
}

export function labelNames(issue: Pick<GhIssue, 'labels'>): string[] {
  return issue.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter(Boolean);
}

/** `owner/name` of the repository an issue belongs to, from its API or web address. */
export function issueRepo(issue: Pick<GhIssue, 'repository_url' | 'html_url' | 'number'>): string | undefined {
  const api = /\/repos\/([^/]+\/[^/]+)$/.exec(issue.repository_url ?? '');
  if (api) return api[1];
  const web = /^https?:\/\/[^/]+\/([^/]+\/[^/]+)\/(?:issues|pull)\/\d+/.exec(issue.html_url ?? '');
  return web?.[1];
}

/** The issue number a comment belongs to (`…/issues/N`). */
export function commentIssueNumber(c: Pick<GhComment, 'issue_url'>): number | undefined {
  const m = /\/issues\/(\d+)$/.exec(c.issue_url);
  return m ? Number(m[1]) : undefined;
}

const OUTCOME: Partial<Record<LabelState, DecisionOutcome>> = {
  ACCEPTED: 'ACCEPTED',
  ONBOARDING: 'ACCEPTED',
  ACTIVE: 'ACCEPTED',
  DECLINED: 'DECLINED',
  TOO_EARLY: 'TOO_EARLY',
  COMMUNITY_HIGHLIGHT: 'COMMUNITY_HIGHLIGHT',
};

export interface ReadIssue {
  /** the application without its id, session or vote (the import adds them) */
  app: Omit<Application, 'id'>;
  /** the label that decided the state; undefined when the issue carries none of the table's */
  label?: StateLabel;
  state: LabelState;
  /** the state labels it carried beyond the deciding one (a conflict the rank settled) */
  outranked: string[];
}

/**
 * The application an issue was. The state is the deciding label's (an open issue without one is
 * NEW, a closed one WITHDRAWN); a decision is dated when the issue was closed, or, while it is
 * open, when it last changed (the labelling). Returns a reason instead when it is no application:
 * no form headings and no state label.
 */
export function readIssue(issue: GhIssue, comments: GhComment[], table: LabelTable, repo: string): ReadIssue | { skip: string } {
  const names = labelNames(issue);
  const label = decidingLabel(table, names);
  const parsed = parseApplicationBody(issue.body ?? '', { title: issue.title });
  const notAForm = parsed.problems.some((p) => p.field === 'body' && p.message.startsWith('not an application form'));
  if (notAForm && !label)
    return { skip: `issue #${issue.number} "${issue.title}" is not an application: no form headings and none of the state labels` };
  const state: LabelState = label ? label.states[0]! : issue.state === 'closed' ? 'WITHDRAWN' : 'NEW';
  const f = parsed.fields;
  const author = issue.user?.login ?? 'ghost';
  const ref: IssueRef = { repo, number: issue.number, ...(issue.html_url ? { url: issue.html_url } : {}) };
  const changedAt = issue.closed_at ?? issue.updated_at;
  const app: Omit<Application, 'id'> = {
    projectName: f.projectName ?? issue.title.replace(/^\s*\[ecosystem\]\s*/i, '').trim(),
    repoUrl: f.repoUrl ?? '',
    contacts: f.contactEmails,
    applicant: author,
    fields: f as unknown as Record<string, unknown>,
    status: state === 'IN_VOTING' ? 'IN_REVIEW' : state === 'RESUBMITTED' ? 'NEW' : state,
    submittedAt: issue.created_at,
    returning: state === 'RETURNING',
    questions: [],
    issue: ref,
  };
  if (parsed.problems.length > 0) app.missing = parsed.problems.map((p) => p.message);
  const outcome = OUTCOME[state];
  if (outcome)
    app.decision = {
      outcome,
      reason: `imported from issue #${issue.number} (label "${label!.name}")`,
      at: changedAt,
      by: 'github-import',
      imported: true,
    };
  if (state === 'WITHDRAWN') app.withdrawnAt = changedAt;
  if (state === 'WAITING_ON_COMMENT') {
    // the question is the last comment someone other than the applicant wrote
    const asked = comments.filter((c) => c.user?.login !== author).at(-1);
    app.questions = [
      asked
        ? { askedAt: asked.created_at, askedBy: asked.user?.login ?? 'ghost', text: (asked.body ?? '').trim() || '(an empty comment)' }
        : {
            askedAt: issue.updated_at,
            askedBy: 'github-import',
            text: `asked on issue #${issue.number} (the question is not in the export)`,
          },
    ];
  }
  const outranked = names.filter((n) => n.toLowerCase() !== label?.name.toLowerCase() && decidingLabel(table, [n]) !== undefined);
  return { app, state, outranked, ...(label ? { label } : {}) };
}
