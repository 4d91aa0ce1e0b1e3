// A real SMTP server on loopback for tests: records every message it accepts, can refuse the
// next ones with a chosen reply (451 for "try later", 550 for "never"), and can drop a message
// whose Message-ID it has already accepted (what a recipient's mail system does with a resend).
//
// In-process:  const sink = await startSmtpSink({ dedupe: true }); … sink.messages; await sink.close();
// As a process (for tests that kill the sender):
//   node --import tsx test/support/smtp-sink.ts --port 0 --log FILE [--dedupe] [--hold] [--fail-first N --fail-code 451]
// prints `listening <port>` on stdout once ready and appends one JSON line per message to FILE
// (written synchronously, so a reader sees every accepted message); read it with readSinkLog.
import { appendFileSync, readFileSync, existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { SMTPServer } from 'smtp-server';

export interface SinkMessage {
  from: string;
  to: string[];
  messageId: string | null;
  idempotencyKey: string | null;
  subject: string;
  /** The text body, transfer encoding undone. */
  text: string;
  raw: string;
  /** Its Message-ID had been accepted before: not counted in `messages` when deduping. */
  duplicate: boolean;
  receivedAt: string;
}

export interface SinkOptions {
  port?: number;
  /** Accept but do not record a message whose Message-ID was already accepted. */
  dedupe?: boolean;
  /** Append each message (duplicates too, marked) as a JSON line to this file. */
  log?: string;
}

export interface SmtpSink {
  port: number;
  url: string;
  /** Accepted messages, in order (without duplicates when deduping). */
  messages: SinkMessage[];
  /** Messages dropped as duplicates. */
  duplicates: SinkMessage[];
  /** How many DATA transfers were attempted, refused ones included. */
  attempts: number;
  /** Refuse the next `count` messages with this reply code and text. */
  refuseNext(count: number, code: number, text?: string): void;
  /**
   * While on, a message is received and recorded but never answered: the sender waits for the
   * reply to its DATA (a crash there, or its send timeout, leaves it not knowing it arrived).
   */
  hold(on: boolean): void;
  /** Connections closed by the sender while the sink held their answer. */
  abandoned: number;
  close(): Promise<void>;
}

export async function startSmtpSink(options: SinkOptions = {}): Promise<SmtpSink> {
  const messages: SinkMessage[] = [];
  const duplicates: SinkMessage[] = [];
  const seen = new Set<string>();
  const refusals: { code: number; text: string }[] = [];
  let attempts = 0;
  let holding = false;
  let abandoned = 0;

  const server = new SMTPServer({
    logger: false,
    onClose(session) {
      if ((session as unknown as { held?: boolean }).held) abandoned++;
    },
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    size: 10 * 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        attempts++;
        const refusal = refusals.shift();
        if (refusal) {
          const err = new Error(refusal.text) as Error & { responseCode: number };
          err.responseCode = refusal.code;
          callback(err);
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        const headers = parseHeaders(raw);
        const messageId = headers.get('message-id') ?? null;
        const duplicate = messageId !== null && seen.has(messageId);
        if (messageId !== null) seen.add(messageId);
        const message: SinkMessage = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          messageId,
          idempotencyKey: headers.get('x-steward-idempotency-key') ?? null,
          subject: decodeWords(headers.get('subject') ?? ''),
          text: bodyText(raw, headers),
          raw,
          duplicate,
          receivedAt: new Date().toISOString(),
        };
        if (options.log) appendFileSync(options.log, `${JSON.stringify({ ...message, raw: undefined })}\n`);
        if (duplicate && options.dedupe) duplicates.push(message);
        else messages.push(message);
        if (holding) {
          // no answer: the sender's DATA stays unanswered until it gives up or dies
          stream.once('close', () => undefined);
          (session as unknown as { held?: boolean }).held = true;
          return;
        }
        callback(null, `queued as ${messages.length + duplicates.length}`);
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    duplicates,
    get attempts() {
      return attempts;
    },
    hold(on) {
      holding = on;
    },
    get abandoned() {
      return abandoned;
    },
    refuseNext(count, code, text = code >= 500 ? 'Mailbox unavailable' : 'Try again later') {
      for (let i = 0; i < count; i++) refusals.push({ code, text });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The messages a sink process logged, in order; duplicates marked. */
export function readSinkLog(file: string): Omit<SinkMessage, 'raw'>[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Omit<SinkMessage, 'raw'>);
}

function parseHeaders(raw: string): Map<string, string> {
  const end = raw.search(/\r?\n\r?\n/);
  const block = (end < 0 ? raw : raw.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of block.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) {
      const name = line.slice(0, i).trim().toLowerCase();
      if (!headers.has(name)) headers.set(name, line.slice(i + 1).trim());
    }
  }
  return headers;
}

function bodyText(raw: string, headers: Map<string, string>): string {
  const m = /\r?\n\r?\n/.exec(raw);
  const body = m ? raw.slice(m.index + m[0].length) : '';
  const encoding = (headers.get('content-transfer-encoding') ?? '').toLowerCase();
  let text: string;
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    text = Buffer.from(bytes, 'latin1').toString('utf8');
  } else if (encoding === 'base64') {
    text = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  } else text = body;
  return text.replace(/\r\n/g, '\n');
}

/** RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`), as nodemailer writes non-ASCII subjects. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_m, _charset: string, enc: string, data: string) => {
      if (enc.toUpperCase() === 'B') return Buffer.from(data, 'base64').toString('utf8');
      const bytes = data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16)));
      return Buffer.from(bytes, 'latin1').toString('utf8');
    });
}

async function runAsProcess(argv: string[]): Promise<void> {
  const arg = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const sink = await startSmtpSink({
    port: Number(arg('--port') ?? 0),
    dedupe: argv.includes('--dedupe'),
    ...(arg('--log') ? { log: arg('--log')! } : {}),
  });
  if (argv.includes('--hold')) sink.hold(true);
  const failFirst = Number(arg('--fail-first') ?? 0);
  if (failFirst > 0) sink.refuseNext(failFirst, Number(arg('--fail-code') ?? 451));
  process.stdout.write(`listening ${sink.port}\n`);
  const stop = (): void => void sink.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runAsProcess(process.argv.slice(2));
