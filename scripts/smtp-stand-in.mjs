#!/usr/bin/env node
// A local SMTP stand-in for trying Steward's notices without a mail server (docs/cli.md uses it):
// it accepts every message on 127.0.0.1 and keeps it as one JSON line in DIR/messages.jsonl.
// A development tool from a checkout (it needs the devDependency smtp-server), not part of the CLI.
//
//   node scripts/smtp-stand-in.mjs start DIR   runs it in the background; DIR/url is its smtp:// URL
//   node scripts/smtp-stand-in.mjs list DIR    one line per message received: recipients and subject
//   node scripts/smtp-stand-in.mjs stop DIR    stops it
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { running, startDetached, stopBackground } from './lib/background.mjs';

const [command, dirArg] = process.argv.slice(2);
const usage = 'usage: smtp-stand-in.mjs start|list|stop DIR';
if (!dirArg || !['start', 'list', 'stop', 'serve'].includes(command ?? '')) {
  console.error(usage);
  process.exit(2);
}
const dir = resolve(dirArg);
const files = { url: join(dir, 'url'), pid: join(dir, 'pid'), log: join(dir, 'messages.jsonl') };

function header(raw, name) {
  const head = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name}:`));
  return line ? line.slice(name.length + 1).trim() : '';
}

/** RFC 2047 encoded words, as nodemailer writes a subject that is not ASCII. */
function decodeWords(value) {
  return value.replace(/\?=\s+=\?/g, '?==?').replace(/=\?[^?]+\?([QqBb])\?([^?]*)\?=/g, (_m, enc, data) => {
    if (enc.toUpperCase() === 'B') return Buffer.from(data, 'base64').toString('utf8');
    return Buffer.from(
      data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  });
}

async function serve() {
  const { SMTPServer } = await import('smtp-server');
  const server = new SMTPServer({
    logger: false,
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (c) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const message = {
          to: session.envelope.rcptTo.map((r) => r.address),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          subject: decodeWords(header(raw, 'subject')),
          messageId: header(raw, 'message-id'),
          raw,
        };
        appendFileSync(files.log, `${JSON.stringify(message)}\n`);
        callback(null, 'queued');
      });
    },
  });
  server.listen(0, '127.0.0.1', () => {
    writeFileSync(files.pid, `${process.pid}\n`);
    writeFileSync(files.url, `smtp://127.0.0.1:${server.server.address().port}\n`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (command === 'serve') await serve();
else if (command === 'start') {
  if (running(files.pid)) {
    console.log(`already running: ${readFileSync(files.url, 'utf8').trim()}`);
    process.exit(0);
  }
  mkdirSync(dir, { recursive: true });
  await startDetached({ script: fileURLToPath(import.meta.url), dir, readyFile: files.url, name: 'SMTP stand-in', limitMs: 10_000 });
  console.log(`SMTP stand-in listening on ${readFileSync(files.url, 'utf8').trim()}; messages are kept in ${files.log}`);
} else if (command === 'list') {
  const lines = existsSync(files.log) ? readFileSync(files.log, 'utf8').split('\n').filter(Boolean) : [];
  for (const l of lines) {
    const m = JSON.parse(l);
    console.log(`${m.to.join(', ')}: ${m.subject}`);
  }
  console.log(`${lines.length} message${lines.length === 1 ? '' : 's'} received`);
} else if (command === 'stop') {
  stopBackground(files.pid, 'SMTP stand-in');
}
