// The process's records as plain data: applications, projects, votes, amendments, sessions,
// and what every transition returns (new state, notices for the outbox, audit entries).
import type { CalendarDate } from './calendar.js';

export type Role = 'applicant' | 'member' | 'staff' | 'public';

/** Who asks for a change. `id` is a stable handle (GitHub login or e-mail). */
export interface Actor {
  id: string;
  role: Role;
}

export type ApplicationStatus =
  | 'NEW'
  /** filed (an issue) without the required answers: waits for the applicant to complete it */
  | 'INCOMPLETE'
  /** kept for a later session than the next (`review - future`) */
  | 'DEFERRED'
  | 'WAITING_ON_COMMENT'
  | 'RETURNING'
  | 'IN_REVIEW'
  | 'ACCEPTED'
  | 'ONBOARDING'
  | 'ACTIVE'
  | 'DECLINED'
  | 'TOO_EARLY'
  | 'COMMUNITY_HIGHLIGHT'
  | 'WITHDRAWN';

export type DecisionOutcome = 'ACCEPTED' | 'DECLINED' | 'TOO_EARLY' | 'COMMUNITY_HIGHLIGHT';

export type Choice = 'approve' | 'reject' | 'abstain';

export interface Ballot {
  choice: Choice;
  at: string;
}

/** How many approvals a vote needs, as a fraction of the roster snapshotted when it opened. */
export interface VoteRule {
  /** approvals / roster must exceed (strict) or reach this fraction */
  fraction: number;
  strict: boolean;
}

export const MORE_THAN_HALF: VoteRule = { fraction: 0.5, strict: true };

export interface VoteResult {
  approved: boolean;
  approvals: number;
  rejections: number;
  abstentions: number;
  notVoted: number;
  rosterSize: number;
  needed: number;
}

export interface VoteState {
  openedAt: string;
  openedBy: string;
  /** the last instant a ballot counts; absent: open until staff closes it */
  deadline?: string;
  roster: string[];
  rule: VoteRule;
  /** the current ballot of each roster member: one per member, replaced when it changes */
  ballots: Record<string, Ballot>;
  /** ballots of actors outside the roster: recorded, never counted */
  nonBinding: Record<string, Ballot>;
  closedAt?: string;
  closedBy?: string;
  result?: VoteResult;
}

export interface Question {
  askedAt: string;
  askedBy: string;
  text: string;
  answer?: string;
  answeredAt?: string;
  answeredBy?: string;
}

export type OnboardingItemKey = 'logo' | 'two-factor' | 'category' | 'landscape-entry' | 'blog-post' | 'cla-dco';

export interface OnboardingItem {
  key: OnboardingItemKey;
  title: string;
  /** who does it; staff may always record it */
  doneBy: 'applicant' | 'staff';
  /** how it is verified */
  verify: string;
  done?: { at: string; by: string; note?: string };
  /** records of it undone (wrongly recorded), oldest first: when, by whom, why, and what was recorded */
  undone?: { at: string; by: string; reason: string; was: { at: string; by: string; note?: string } }[];
}

/** The landscape's categories an onboarding `category` note is verified against. */
export interface CategoryList {
  /** where they come from (the landscape file), for messages */
  source: string;
  categories: { name: string; subcategories: string[] }[];
}

export interface Decision {
  outcome: DecisionOutcome;
  reason: string;
  /** the vote's count as the engine recorded it (absent: decided without a vote, "too early") */
  tally?: string;
  at: string;
  by: string;
  /** brought in from the issue history: taken outside Steward, so no vote of ours stands behind it */
  imported?: boolean;
}

/** The issue an application lives on, in the ecosystem repository (`owner/name`). */
export interface IssueRef {
  repo: string;
  number: number;
  url?: string;
}

export interface Presentation {
  file?: string;
  url?: string;
}

export interface Application {
  id: string;
  projectName: string;
  repoUrl: string;
  contacts: string[];
  /** the actor id of whoever submitted it: the only applicant who may act on it */
  applicant: string;
  /** the issue-form answers as parsed */
  fields: Record<string, unknown>;
  presentation?: Presentation;
  videoUrl?: string;
  status: ApplicationStatus;
  submittedAt: string;
  /** the declined application this one resubmits */
  resubmissionOf?: string;
  /** it came back from WAITING_ON_COMMENT and is reviewed first */
  returning: boolean;
  sessionId?: string;
  questions: Question[];
  vote?: VoteState;
  decision?: Decision;
  onboarding?: OnboardingItem[];
  projectId?: string;
  withdrawnAt?: string;
  /** the GitHub issue it was filed as, when it came from one */
  issue?: IssueRef;
  /** what the form still lacks (INCOMPLETE): one line per missing or wrong answer */
  missing?: string[];
  /** no report: the repository could not be read when it was checked (why) */
  reportUnknown?: string;
  waivers?: Waiver[];
  /** held: the URL given names an organisation, not a repository (why); the answer names it */
  repoIncomplete?: string;
}

export type ProjectStatus = 'ACTIVE' | 'RETIRED';

/**
 * The working group's waiver of one requirement for one project or application: reports made
 * inside the process show it `exempt` with the reason while it is in force.
 */
export interface Waiver {
  id: string;
  requirement: number;
  key: string;
  reason: string;
  /** who decided (the working group, a TAC member, staff) */
  decidedBy: string;
  /** the session or vote it was decided in (S3, "vote on application 4") */
  decidedIn: string;
  /** the last day it applies, when it ends on a date */
  until?: CalendarDate;
  /**
   * it ends with the next periodic review: it applies before the review due on this day and
   * while that review's failure is being fixed (absent on an application not yet a project)
   */
  untilReviewDueOn?: CalendarDate;
  untilNextReview: boolean;
  recordedAt: string;
  recordedBy: string;
  revoked?: { at: string; by: string; reason: string };
}

export interface ReviewFailure {
  id: number;
  key: string;
  summary: string;
}

/** A line of a retired project's README that still refers to the PyTorch Ecosystem. */
export interface EcosystemReference {
  path: string;
  line: number;
  /** which kind of reference (wording, badge, link) */
  what: string;
  text: string;
}

/** The offboarding follow-up: what the last README check of a retired project found. */
export interface OffboardingCheck {
  checks: number;
  lastCheckedOn: CalendarDate;
  clean: boolean;
  references: EcosystemReference[];
  /** the files read */
  files: string[];
}

/** A requirement that passes today and is forecast to fail before the next review. */
export interface AtRisk {
  id: number;
  key: string;
  /** YYYY-MM-DD */
  fails: string;
  text: string;
}

/** The last early-warning look at a project: for which review, what is at risk, and the one notice. */
export interface EarlyWarning {
  reviewDueOn: CalendarDate;
  checkedOn: CalendarDate;
  atRisk: AtRisk[];
  /** the day the owners were told (one notice per review) */
  noticeOn?: CalendarDate;
}

/** A failed periodic review waiting for its deadline. */
export interface PendingReview {
  dueOn: CalendarDate;
  noticeOn: CalendarDate;
  deadlineOn: CalendarDate;
  failures: ReviewFailure[];
  reminded: boolean;
  /** the last day it was checked: a failing project is re-checked at most once a day */
  checkedOn: CalendarDate;
  /**
   * Under a policy that archives only by a vote: still failing at the deadline, the project was
   * listed for that vote on this day (it stays ACTIVE until staff record the outcome).
   */
  archiveVote?: { listedOn: CalendarDate; bodies: string[]; majority: string };
}

export interface Project {
  id: string;
  name: string;
  repoUrl: string;
  contacts: string[];
  status: ProjectStatus;
  /** null when unknown (imported without `extra.accepted`) */
  acceptedOn: CalendarDate | null;
  lastReviewOn: CalendarDate | null;
  reviewDueOn: CalendarDate;
  pending?: PendingReview;
  /** absent with `retiredBeforeImport`: the landscape said archived, not since when */
  retiredOn?: CalendarDate;
  retiredBeforeImport?: boolean;
  retiredReason?: string;
  offboarding?: OffboardingCheck;
  /** the early warning: the last look ahead at its next review (see early-warning.ts) */
  earlyWarning?: EarlyWarning;
  applicationId?: string;
  /** the landscape entry's id (`category--subcategory--name`) when imported */
  landscapeId?: string;
  /** where the record came from: an application or the landscape import */
  origin: 'application' | 'import';
  waivers?: Waiver[];
  /** the day a retired project came back through a new application (its history continues) */
  reactivatedOn?: CalendarDate;
}

export type AmendmentStatus = 'PROPOSED' | 'VOTING' | 'ADOPTED' | 'REJECTED';

export interface Amendment {
  id: string;
  summary: string;
  /** the proposed policy file's text and the version it declares */
  policyText: string;
  policyId: string;
  policyVersion: string;
  effectiveOn: CalendarDate;
  proposedBy: string;
  proposedAt: string;
  status: AmendmentStatus;
  vote?: VoteState;
}

export interface Session {
  id: string;
  date: CalendarDate;
  capacity: number;
  applicationIds: string[];
  scheduledAt: string;
  scheduledBy: string;
}

/**
 * Every notice the process sends: the one list. To add a kind, add it here; the compiler then asks
 * for its data shape (src/notices/kinds.ts) and its template (src/notices/templates.ts).
 */
export const NOTICE_KINDS = [
  'submission-received',
  'question-asked',
  'answer-received',
  'review-scheduled',
  'vote-opened',
  'decision',
  'onboarding-step',
  'onboarding-complete',
  'review-failure',
  'review-reminder',
  'review-passed',
  'retirement',
  'offboarding',
  'offboarding-reminder',
  'amendment-decision',
  'review-early-warning',
] as const;

export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** A message a transition causes: written to the outbox in the same transaction. */
export interface Notice {
  kind: NoticeKind;
  to: string[];
  /** what the template needs (project name, deadline, failures, reason …) */
  data: Record<string, unknown>;
}

/** What happened, for the hash-chained audit log. */
export interface AuditInput {
  action: string;
  subject: string;
  data: Record<string, unknown>;
}

/** What every transition returns: the new record and what it causes. */
export interface Outcome<S> {
  state: S;
  notices: Notice[];
  audit: AuditInput[];
}

/** Context every transition receives: who asks and when. */
export interface Ctx {
  actor: Actor;
  now: Date;
}
