// Notices: what the process tells people (templates) and how it reaches them (SMTP transport).
// The outbox and its delivery worker live in store/ and jobs/; this folder holds no state.
export {
  NOTICE_KINDS,
  isNoticeKind,
  noticeDataProblems,
  dayOf,
  type NoticeKind,
  type NoticeData,
  type FailedRequirement,
  type OnboardingStep,
  type DecisionData,
} from './kinds.js';
export { renderNotice, renderStoredNotice, NoticeDataError, type RenderedNotice } from './templates.js';
export {
  createTransport,
  messageIdFor,
  DeliveryError,
  DEFAULT_FROM,
  DEFAULT_SEND_TIMEOUT_MS,
  type MailTransport,
  type OutgoingMail,
  type SendResult,
  type TransportOptions,
} from './transport.js';
