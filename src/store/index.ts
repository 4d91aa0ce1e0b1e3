// The store: Kysely over SQLite (embedded, default) or PostgreSQL; schema, migrations, the
// hash-chained audit log, the outbox, stored reports and the process's records.
export {
  openStore,
  optionsFromEnv,
  inTransaction,
  serialiseOn,
  nextId,
  migrate,
  type Store,
  type OpenOptions,
  type Dialect,
} from './db.js';
export type { DB, DocTableName } from './schema.js';
export {
  appendAudit,
  verifyAudit,
  checkAudit,
  readAudit,
  readHead,
  parseHead,
  entryHash,
  GENESIS_HASH,
  type AuditRecord,
  type AuditVerdict,
  type AuditCheck,
} from './audit.js';
export { auditKeyRef, type AuditKeyRef } from './audit-key.js';
export { enqueue, claimNext, markDelivered, markFailed, listOutbox, idempotencyKey, type OutboxRow, type OutboxNotice } from './outbox.js';
export { getDoc, insertDoc, updateDoc, listDocs, StaleWriteError, type Versioned } from './docs.js';
export { insertReport, getReport, listReports, recordReviewStep, listReviewSteps, type StoredReport, type ReportLike } from './reports.js';
export {
  upsertPerson,
  removePerson,
  getPerson,
  listPeople,
  personByGithubLogin,
  roster,
  insertPolicyVersion,
  listPolicyVersions,
  type Person,
  type PolicyVersionRow,
} from './people.js';
export { canonicalJson } from './canonical-json.js';
