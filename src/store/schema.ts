// The database as one typed interface. Records of the process are kept as JSON documents (doc)
// beside the few columns queries filter on; every date and instant is ISO text, so SQLite and
// PostgreSQL hold the same values and the same code reads both.

/** Columns shared by the document tables (applications, projects, sessions, amendments). */
export interface DocTable {
  id: string;
  status: string;
  /** what lookups group by: the normalised repository URL, or '' */
  key: string;
  /** the order lists show: submitted at, review due on, session date, proposed at */
  sort: string;
  /** optimistic concurrency: bumped on every write */
  version: number;
  doc: string;
  updated_at: string;
}

export interface CountersTable {
  name: string;
  value: number;
}

export interface PeopleTable {
  id: string;
  role: string;
  email: string | null;
  /** a voting member of the working group */
  in_wg: number;
  /** a member of the TAC (votes on policy amendments) */
  in_tac: number;
  added_at: string;
  /** their GitHub login, when it differs from the id (the App knows people by login) */
  github_login: string | null;
}

export interface GithubDeliveriesTable {
  /** X-GitHub-Delivery */
  id: string;
  event: string;
  received_at: string;
}

export interface GithubThreadsTable {
  /** application:ID, review:PROJECT … */
  key: string;
  data: string;
  updated_at: string;
}

export interface PolicyVersionsTable {
  policy_id: string;
  version: string;
  effective_on: string;
  text: string;
  adopted_at: string;
  amendment_id: string | null;
}

export interface ReportsTable {
  id: number;
  /** application | review | resubmission … */
  kind: string;
  /** application:ID or project:ID */
  subject: string;
  /** normalised repository URL: reports of one repository across applications and reviews */
  repo_key: string;
  commit: string;
  as_of: string;
  policy_id: string;
  policy_version: string;
  verdict: string;
  report: string;
  evidence: string | null;
  created_at: string;
}

export interface ReviewsTable {
  id: number;
  project_id: string;
  /** the step's identity (due date + step): unique per project, so a step is never done twice */
  step_key: string;
  reviewed_on: string;
  report_id: number | null;
  outcome: string;
}

export interface OutboxTable {
  id: number;
  kind: string;
  recipients: string;
  data: string;
  subject: string;
  created_at: string;
  /** pending | delivered | dead */
  status: string;
  attempts: number;
  next_attempt_at: string;
  claimed_until: string | null;
  delivered_at: string | null;
  message_id: string | null;
  last_error: string | null;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
  /** HMAC of seq, hash and signed_from with the audit key; null before the first signed entry */
  sig: string | null;
  /** the first entry that is signed and records state (entries before it predate signing) */
  signed_from: number | null;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  data: string;
  prev_hash: string;
  hash: string;
  /** HMAC-SHA256 of `hash` with the audit key (null: written before signing began) */
  sig: string | null;
  /** canonical JSON of the applications and projects the entry's transaction wrote, by `table:id` */
  state: string | null;
}

export interface JobsTable {
  id: string;
  /** enqueue order */
  seq: number;
  name: string;
  data: string;
  /** queued | active | failed (waiting for its retry) | completed | dead */
  state: string;
  singleton_key: string | null;
  attempts: number;
  retry_limit: number;
  start_after: string;
  lease_token: string | null;
  lease_until: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

/** What GitHub last said of one token's budget: shared by every worker of the store. */
export interface RateBudgetTable {
  token_id: string;
  remaining: number;
  limit_total: number;
  reset_at: string;
  updated_at: string;
}

export interface WebPasswordsTable {
  person_id: string;
  /** scrypt$N$r$p$salt$hash, base64url */
  hash: string;
  updated_at: string;
}

export interface WebSessionsTable {
  /** SHA-256 of the cookie's secret */
  id_hash: string;
  person_id: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  /** SHA-256 of the token */
  id_hash: string;
  person_id: string;
  label: string;
  created_at: string;
}

export interface DB {
  counters: CountersTable;
  applications: DocTable;
  projects: DocTable;
  sessions: DocTable;
  amendments: DocTable;
  people: PeopleTable;
  policy_versions: PolicyVersionsTable;
  reports: ReportsTable;
  reviews: ReviewsTable;
  outbox: OutboxTable;
  audit_head: AuditHeadTable;
  audit_log: AuditLogTable;
  jobs: JobsTable;
  rate_budget: RateBudgetTable;
  web_passwords: WebPasswordsTable;
  web_sessions: WebSessionsTable;
  api_tokens: ApiTokensTable;
  github_deliveries: GithubDeliveriesTable;
  github_threads: GithubThreadsTable;
}

export type DocTableName = 'applications' | 'projects' | 'sessions' | 'amendments';
