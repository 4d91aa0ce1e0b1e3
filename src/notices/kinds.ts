// Every notice the process sends, with the data its message needs, and a check of that data for
// notices read back from the outbox (stored as JSON, so written by any version of the code).

import { NOTICE_KINDS, type NoticeKind } from '../process/types.js';

// The kinds are the process's (src/process/types.ts); this module adds the data each one carries.
export { NOTICE_KINDS, type NoticeKind };

/** A date as `YYYY-MM-DD`, or an ISO timestamp (shown as its UTC day). */
export type DateLike = string;

interface AboutApplication {
  projectName: string;
  applicationId: string;
  /** The GitHub issue of the application, when there is one. */
  issueUrl?: string;
}

interface AboutProject {
  projectName: string;
  projectId: string;
}

/** A requirement that failed, as the report gives it. */
export interface FailedRequirement {
  id: number;
  key: string;
  summary: string;
  /** What to do about it, from the report. */
  fix?: string;
}

/** A README line of a retired project that still refers to the PyTorch Ecosystem. */
export interface EcosystemReferenceData {
  path: string;
  line: number;
  text: string;
  what?: string;
}

export interface OnboardingStep {
  key: string;
  title: string;
  doneBy: 'applicant' | 'staff';
  /** Already done (the list is sent again as steps are completed). */
  done?: boolean;
}

export type DecisionData = AboutApplication & { reason: string; decidedOn?: DateLike } & (
    | { outcome: 'ACCEPTED' | 'TOO_EARLY' | 'COMMUNITY_HIGHLIGHT'; resubmitFrom?: DateLike | null }
    | { outcome: 'DECLINED'; resubmitFrom: DateLike }
  );

export interface NoticeData {
  'submission-received': AboutApplication & {
    repoUrl: string;
    verdict?: 'pass' | 'fail' | 'review' | 'unknown';
    failing?: number;
    unknownReason?: string;
  };
  'question-asked': AboutApplication & { question: string; askedBy?: string };
  'answer-received': AboutApplication & { question?: string; answer?: string; answeredBy?: string };
  'review-scheduled': AboutApplication & { sessionId: string; sessionDate?: DateLike };
  'vote-opened': AboutApplication & {
    rosterSize: number;
    /** approvals needed under the vote's rule (default: more than half) */ needed?: number;
    deadline?: DateLike;
  };
  decision: DecisionData;
  'onboarding-step': AboutApplication & { items: OnboardingStep[] };
  'onboarding-complete': AboutApplication & { projectId?: string; reviewDueOn: DateLike };
  'review-failure': AboutProject & { failures: FailedRequirement[]; deadlineOn: DateLike; noticeOn?: DateLike };
  'review-reminder': AboutProject & { failures: FailedRequirement[]; deadlineOn: DateLike };
  'review-passed': AboutProject & { nextDueOn: DateLike };
  retirement: AboutProject & { reason: string; failures?: FailedRequirement[] };
  offboarding: AboutProject & { repoUrl?: string };
  'offboarding-reminder': AboutProject & { repoUrl?: string; references: EcosystemReferenceData[]; checkedOn?: DateLike };
  /** requirements that pass today and are forecast to fail before the review (summary: the forecast) */
  'review-early-warning': AboutProject & { reviewDueOn: DateLike; failures: FailedRequirement[] };
  'amendment-decision': {
    summary: string;
    policyId: string;
    policyVersion: string;
    adopted: boolean;
    effectiveOn?: DateLike;
  };
}

type Check =
  | 'string'
  | 'string?'
  | 'date'
  | 'date?'
  | 'number'
  | 'number?'
  | 'boolean'
  | 'failures'
  | 'failures?'
  | 'items'
  | 'outcome'
  | 'references';

const APPLICATION: Record<string, Check> = { projectName: 'string', applicationId: 'string', issueUrl: 'string?' };
const PROJECT: Record<string, Check> = { projectName: 'string', projectId: 'string' };

const SHAPES: Record<NoticeKind, Record<string, Check>> = {
  'submission-received': { ...APPLICATION, repoUrl: 'string' },
  'question-asked': { ...APPLICATION, question: 'string', askedBy: 'string?' },
  'answer-received': { ...APPLICATION, question: 'string?', answer: 'string?', answeredBy: 'string?' },
  'review-scheduled': { ...APPLICATION, sessionId: 'string', sessionDate: 'date?' },
  'vote-opened': { ...APPLICATION, rosterSize: 'number', needed: 'number?', deadline: 'date?' },
  decision: { ...APPLICATION, outcome: 'outcome', reason: 'string', decidedOn: 'date?' },
  'onboarding-step': { ...APPLICATION, items: 'items' },
  'onboarding-complete': { ...APPLICATION, reviewDueOn: 'date' },
  'review-failure': { ...PROJECT, failures: 'failures', deadlineOn: 'date', noticeOn: 'date?' },
  'review-reminder': { ...PROJECT, failures: 'failures', deadlineOn: 'date' },
  'review-passed': { ...PROJECT, nextDueOn: 'date' },
  retirement: { ...PROJECT, reason: 'string', failures: 'failures?' },
  offboarding: { ...PROJECT, repoUrl: 'string?' },
  'offboarding-reminder': { ...PROJECT, repoUrl: 'string?', references: 'references', checkedOn: 'date?' },
  'amendment-decision': { summary: 'string', policyId: 'string', policyVersion: 'string', adopted: 'boolean', effectiveOn: 'date?' },
  'review-early-warning': { ...PROJECT, reviewDueOn: 'date', failures: 'failures' },
};

export function isNoticeKind(kind: unknown): kind is NoticeKind {
  return typeof kind === 'string' && Object.prototype.hasOwnProperty.call(SHAPES, kind);
}

/** `YYYY-MM-DD` of a date-like value, or undefined when it is not one. */
export function dayOf(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const d = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value ? value : undefined;
  }
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value)) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 10);
}

/**
 * What is wrong with a notice's data for its kind (empty when it can be rendered): a stored
 * notice is JSON that an older or newer version of the code wrote.
 */
export function noticeDataProblems(kind: string, data: unknown): string[] {
  if (!isNoticeKind(kind)) return [`kind "${kind}" is not a notice Steward knows (expected one of ${NOTICE_KINDS.join(', ')})`];
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return [`${kind}: data must be an object, found ${describe(data)}`];
  const d = data as Record<string, unknown>;
  const problems: string[] = [];
  for (const [name, check] of Object.entries(SHAPES[kind])) {
    const v = d[name];
    const optional = check.endsWith('?');
    if (v === undefined || v === null) {
      if (!optional) problems.push(`${kind}: ${name} is missing`);
      continue;
    }
    const why = checkValue(check.replace('?', '') as Check, v);
    if (why) problems.push(`${kind}: ${name} ${why}, found ${describe(v)}`);
  }
  if (kind === 'decision' && d.outcome === 'DECLINED' && dayOf(d.resubmitFrom) === undefined) {
    problems.push(`decision: a DECLINED decision needs resubmitFrom (YYYY-MM-DD), found ${describe(d.resubmitFrom)}`);
  }
  return problems;
}

function checkValue(check: Check, v: unknown): string | undefined {
  switch (check) {
    case 'string':
      return typeof v === 'string' && v.trim() !== '' ? undefined : 'must be a non-empty string';
    case 'date':
      return dayOf(v) !== undefined ? undefined : 'must be a date (YYYY-MM-DD)';
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) ? undefined : 'must be a number';
    case 'boolean':
      return typeof v === 'boolean' ? undefined : 'must be true or false';
    case 'outcome':
      return ['ACCEPTED', 'DECLINED', 'TOO_EARLY', 'COMMUNITY_HIGHLIGHT'].includes(v as string)
        ? undefined
        : 'must be ACCEPTED, DECLINED, TOO_EARLY or COMMUNITY_HIGHLIGHT';
    case 'failures':
      return Array.isArray(v) && v.every((f) => isObject(f) && typeof f.key === 'string' && typeof f.summary === 'string')
        ? undefined
        : 'must be a list of {id, key, summary, fix?}';
    case 'references':
      return Array.isArray(v) &&
        v.length > 0 &&
        v.every((r) => isObject(r) && typeof r.path === 'string' && typeof r.line === 'number' && typeof r.text === 'string')
        ? undefined
        : 'must be a non-empty list of {path, line, text}';
    case 'items':
      return Array.isArray(v) && v.every((i) => isObject(i) && typeof i.title === 'string')
        ? undefined
        : 'must be a list of {key, title, doneBy}';
    default:
      return undefined;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  let s: string;
  try {
    s = JSON.stringify(v) ?? String(v);
  } catch {
    s = String(v);
  }
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}
