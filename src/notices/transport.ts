// Sending a rendered notice by e-mail. The Message-ID is derived from the outbox row's
// idempotency key, so a message re-sent after a crash is recognisably the same message (mail
// systems and our test sink drop the duplicate). Temporary failures (4xx, connection trouble) are
// retried here a few times; permanent ones (5xx) surface at once as a DeliveryError that says so.
// One send, every attempt included, ends within `sendTimeoutMs` (its connection destroyed then),
// which is what lets the outbox's lease outlive any send in flight.
// nodemailer is imported on first send: `steward` commands that never mail do not load it.
import { createHash } from 'node:crypto';
import type { Writable } from 'node:stream';

export interface TransportOptions {
  /** `smtp://user:pass@host:587`, `smtps://host:465`; nodemailer's URL options apply. */
  smtpUrl?: string;
  /** Write each message to `out` instead of sending it. */
  dryRun?: boolean;
  /** Where a dry run writes (default: standard output). */
  out?: Writable;
  /** The sender (default: `PyTorch Ecosystem <ecosystem@pytorch.org>`). */
  from?: string;
  /** Attempts per send on a temporary failure (default 3). */
  attempts?: number;
  /** Wait before the second attempt, doubled for each further one (default 500 ms). */
  retryDelayMs?: number;
  /** Connection, greeting and socket timeouts (default 30 s). */
  timeoutMs?: number;
  /**
   * The longest one `send` may be in flight, every attempt and wait included (default 90 s): at
   * this deadline the connection is destroyed, so nothing of the message reaches the server
   * afterwards, and the send fails as temporary. Delivery leases outlive it (src/process/delivery.ts).
   */
  sendTimeoutMs?: number;
}

/** The default bound on one send, every attempt included. */
export const DEFAULT_SEND_TIMEOUT_MS = 90_000;

export interface OutgoingMail {
  to: string | string[];
  subject: string;
  text: string;
  /** Stable for one notice across every attempt to deliver it (the outbox gives one per row). */
  idempotencyKey: string;
}

export interface SendResult {
  messageId: string;
  /** Recipients the server refused while accepting the others. */
  rejected: string[];
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<SendResult>;
  /** No send is in flight longer than this: after it the connection is gone. */
  readonly sendTimeoutMs: number;
  /** Closes pooled connections; the transport may not be used afterwards. */
  close(): void;
}

/** Delivery failed. `permanent`: retrying the same message will not help (5xx, bad address). */
export class DeliveryError extends Error {
  override name = 'DeliveryError';
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly responseCode?: number,
  ) {
    super(message);
  }
}

export const DEFAULT_FROM = 'PyTorch Ecosystem <ecosystem@pytorch.org>';
const KEY = /^[\x21-\x7e]{1,200}$/;

/** The Message-ID for an idempotency key: the same key always gives the same ID. */
export function messageIdFor(idempotencyKey: string, from: string = DEFAULT_FROM): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? 'steward.invalid';
  const hash = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32);
  return `<steward.${hash}@${domain.toLowerCase()}>`;
}

export function createTransport(options: TransportOptions): MailTransport {
  const from = options.from ?? DEFAULT_FROM;
  if (options.dryRun) return dryRunTransport(from, options.out ?? process.stdout);
  if (!options.smtpUrl) {
    throw new DeliveryError('no SMTP server configured: expected an smtp:// or smtps:// URL (or a dry run), found none', true);
  }
  let url: URL;
  try {
    url = new URL(options.smtpUrl);
  } catch {
    throw new DeliveryError(
      `the SMTP URL is not a URL: expected smtp://host:port or smtps://host:port, found "${redact(options.smtpUrl)}"`,
      true,
    );
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new DeliveryError(`the SMTP URL must start with smtp:// or smtps://, found "${redact(options.smtpUrl)}"`, true);
  }
  const attempts = Math.max(1, options.attempts ?? 3);
  const delay = options.retryDelayMs ?? 500;
  const timeout = options.timeoutMs ?? 30_000;
  const sendTimeout = options.sendTimeoutMs ?? DEFAULT_SEND_TIMEOUT_MS;
  if (!(Number.isFinite(sendTimeout) && sendTimeout > 0))
    throw new DeliveryError(`the send timeout must be a positive number of milliseconds, found ${sendTimeout}`, true);
  let mailer: Promise<import('nodemailer').Transporter> | undefined;
  const connect = (): Promise<import('nodemailer').Transporter> =>
    (mailer ??= import('nodemailer').then((m) =>
      // socketCloseTimeout 0: a send stopped at its deadline destroys the socket at once
      m.default.createTransport({
        url: options.smtpUrl!,
        connectionTimeout: timeout,
        greetingTimeout: timeout,
        socketTimeout: timeout,
        socketCloseTimeout: 0,
      } as never),
    ));
  const where = `${url.protocol}//${url.host}`;

  return {
    sendTimeoutMs: sendTimeout,
    async send(mail) {
      const msg = prepare(mail, from);
      // one deadline for the whole send: the abort destroys the connection in whatever phase it
      // is (even with the message's last byte written and the server's answer awaited)
      const stop = new AbortController();
      const timer = setTimeout(() => stop.abort(), sendTimeout);
      const expired = (): DeliveryError =>
        new DeliveryError(
          `${where} did not finish within ${sendTimeout / 1000} s and the connection was closed: the message may or may not have arrived; a resend carries the same Message-ID`,
          false,
        );
      let lastError: DeliveryError | undefined;
      try {
        for (let attempt = 1; attempt <= attempts; attempt++) {
          if (stop.signal.aborted) throw expired();
          try {
            const info = (await (
              await connect()
            ).sendMail({
              from,
              to: msg.to,
              subject: msg.subject,
              text: msg.text,
              messageId: msg.messageId,
              headers: { 'X-Steward-Idempotency-Key': msg.key },
              signal: stop.signal,
            } as never)) as { messageId?: string; rejected?: unknown[] };
            return { messageId: msg.messageId, rejected: (info.rejected ?? []).map(String) };
          } catch (err) {
            if (stop.signal.aborted) throw expired();
            lastError = classify(err, where, attempt);
            if (lastError.permanent || attempt === attempts) break;
            await sleep(delay * 2 ** (attempt - 1), stop.signal);
          }
        }
      } finally {
        clearTimeout(timer);
      }
      throw lastError!;
    },
    close() {
      void mailer?.then((t) => t.close()).catch(() => undefined);
    },
  };
}

function dryRunTransport(from: string, out: Writable): MailTransport {
  return {
    sendTimeoutMs: 0,
    async send(mail) {
      const msg = prepare(mail, from);
      const text = [
        '--- dry run: not sent ---',
        `Message-ID: ${msg.messageId}`,
        `X-Steward-Idempotency-Key: ${msg.key}`,
        `From: ${from}`,
        `To: ${msg.to.join(', ')}`,
        `Subject: ${msg.subject}`,
        '',
        msg.text.replace(/\n?$/, '\n'),
      ].join('\n');
      await new Promise<void>((resolve, reject) => out.write(text, (err) => (err ? reject(err) : resolve())));
      return { messageId: msg.messageId, rejected: [] };
    },
    close() {},
  };
}

interface Prepared {
  to: string[];
  subject: string;
  text: string;
  messageId: string;
  key: string;
}

function prepare(mail: OutgoingMail, from: string): Prepared {
  const key = String(mail.idempotencyKey ?? '');
  if (!KEY.test(key)) {
    throw new DeliveryError(
      `idempotency key must be 1–200 printable ASCII characters without spaces, found ${JSON.stringify(key.slice(0, 60))}`,
      true,
    );
  }
  const to = (Array.isArray(mail.to) ? mail.to : [mail.to]).map((t) => String(t).trim()).filter((t) => t !== '');
  if (to.length === 0) throw new DeliveryError(`notice ${key}: no recipient`, true);
  const bad = to.filter((t) => !/^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/.test(t));
  if (bad.length > 0)
    throw new DeliveryError(`notice ${key}: not an e-mail address: ${bad.map((b) => JSON.stringify(b)).join(', ')}`, true);
  return { to, subject: String(mail.subject).replace(/[\r\n]+/g, ' '), text: String(mail.text), messageId: messageIdFor(key, from), key };
}

function classify(err: unknown, where: string, attempt: number): DeliveryError {
  const e = err as { message?: string; responseCode?: number; code?: string; response?: string };
  const code = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const detail = (e.response ?? e.message ?? String(err)).replace(/\s+/g, ' ').trim();
  if (code !== undefined && code >= 500) {
    return new DeliveryError(`${where} refused the message permanently (${code}), attempt ${attempt}: ${detail}`, true, code);
  }
  if (e.code === 'EAUTH') return new DeliveryError(`${where} refused the login: ${detail}`, true, code);
  const what =
    code !== undefined ? `refused the message for now (${code})` : `could not be reached or dropped the connection (${e.code ?? 'error'})`;
  return new DeliveryError(`${where} ${what}, attempt ${attempt}: ${detail}`, false, code);
}

/** The URL without its password, for messages. */
function redact(url: string): string {
  return url.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((r) => {
    const t = setTimeout(done, ms);
    function done(): void {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      r();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
