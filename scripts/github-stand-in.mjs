#!/usr/bin/env node
// A local stand-in for GitHub, for trying the GitHub App without GitHub (docs/cli.md uses it):
// the REST API the App calls (installation tokens, issues, comments, labels) on 127.0.0.1, with an
// App (id 99, its key in DIR/app.pem) installed on example-fdn/ecosystem, which holds one issue: an
// application whose form says "TBD" everywhere. A development tool from a checkout (it runs the
// test suite's stand-in, test/support/fake-github.ts, through tsx), not part of the CLI.
//
//   node scripts/github-stand-in.mjs start DIR   runs it in the background and writes DIR/env (the
//        App's settings, for `set -a; . DIR/env; set +a`), DIR/unset (to forget them again) and
//        DIR/issue-opened.json, the delivery GitHub sends when that issue is opened
//   node scripts/github-stand-in.mjs log DIR     the requests the App made, and the issue as it is now
//   node scripts/github-stand-in.mjs stop DIR    stops it
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { running, startDetached, stopBackground } from './lib/background.mjs';

const [command, dirArg] = process.argv.slice(2);
if (!dirArg || !['start', 'log', 'stop', 'serve'].includes(command ?? '')) {
  console.error('usage: github-stand-in.mjs start|log|stop DIR');
  process.exit(2);
}
const dir = resolve(dirArg);
const files = {
  env: join(dir, 'env'),
  unset: join(dir, 'unset'),
  pid: join(dir, 'pid'),
  log: join(dir, 'requests.log'),
  issue: join(dir, 'issue.json'),
  key: join(dir, 'app.pem'),
  delivery: join(dir, 'issue-opened.json'),
};
const ECO = 'example-fdn/ecosystem';
const TBD = ['### Contact emails', '', 'TBD', '', '### Project summary', '', 'TBD', '', '### Project repo URL', '', 'TBD', ''].join('\n');
const SETTINGS = [
  'STEWARD_GITHUB_APP_ID',
  'STEWARD_GITHUB_APP_PRIVATE_KEY',
  'STEWARD_GITHUB_WEBHOOK_SECRET',
  'STEWARD_ECOSYSTEM_REPO',
  'STEWARD_LANDSCAPE_REPO',
  'STEWARD_GITHUB_API_URL',
];

async function serve() {
  const { register } = await import('tsx/esm/api');
  register();
  const { generateKeyPairSync } = await import('node:crypto');
  const { FakeGitHub } = await import(new URL('../test/support/fake-github.ts', import.meta.url).href);
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const gh = new FakeGitHub({ apps: { 99: { publicKey, installations: [5] } } });
  const url = await gh.start();
  gh.api.installations.set(ECO, 5);
  const issue = gh.api.addIssue(ECO, { number: 7, title: '[Ecosystem] Vapor', user: 'vapor-dev', body: TBD, labels: ['New'] });
  const snapshot = () =>
    writeFileSync(
      files.issue,
      JSON.stringify({ labels: issue.labels, comments: gh.api.comments(ECO, 7).map((c) => ({ user: c.user, body: c.body })) }),
    );
  // every request, as it is answered: what the App asked of GitHub
  const push = gh.log.push.bind(gh.log);
  gh.log.push = (...entries) => {
    // written once the answer is made (the entry's status, the issue's new labels)
    setTimeout(() => {
      writeFileSync(files.log, gh.log.map((e) => `${e.method} ${e.path} → ${e.status}\n`).join(''));
      snapshot();
    }, 20);
    return push(...entries);
  };
  snapshot();
  writeFileSync(files.key, privateKey);
  writeFileSync(
    files.delivery,
    JSON.stringify(
      {
        action: 'opened',
        issue: gh.api.restIssue(ECO, issue),
        repository: { full_name: ECO },
        sender: { login: 'vapor-dev', type: 'User' },
        installation: { id: 5 },
      },
      null,
      2,
    ),
  );
  const values = ['99', files.key, 'stand-in-secret', ECO, 'example-fdn/landscape', url];
  writeFileSync(files.unset, `unset ${SETTINGS.join(' ')}\n`);
  writeFileSync(files.pid, `${process.pid}\n`);
  writeFileSync(files.env, SETTINGS.map((k, i) => `${k}='${values[i]}'\n`).join(''));
  const stop = () => gh.stop().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (command === 'serve') await serve();
else if (command === 'start') {
  if (running(files.pid)) {
    console.log('already running');
    process.exit(0);
  }
  mkdirSync(dir, { recursive: true });
  rmSync(files.log, { force: true });
  await startDetached({
    script: fileURLToPath(import.meta.url),
    dir,
    readyFile: files.env,
    name: 'GitHub stand-in',
    limitMs: 20_000,
    cwd: fileURLToPath(new URL('..', import.meta.url)),
  });
  const url = /STEWARD_GITHUB_API_URL='([^']*)'/.exec(readFileSync(files.env, 'utf8'))[1];
  console.log(`GitHub stand-in on ${url}: App 99 installed on ${ECO}, issue #7 "[Ecosystem] Vapor"; settings in ${files.env}`);
} else if (command === 'log') {
  const requests = existsSync(files.log) ? readFileSync(files.log, 'utf8') : '';
  process.stdout.write(requests || 'no requests\n');
  const now = JSON.parse(readFileSync(files.issue, 'utf8'));
  console.log(`issue #7 now: labels ${now.labels.map((l) => `"${l}"`).join(', ') || 'none'}; ${now.comments.length} comment(s)`);
  for (const c of now.comments) console.log(`  ${c.user}: ${c.body.split('\n').find((l) => l.trim() !== '' && !l.startsWith('<!--'))}`);
} else if (command === 'stop') {
  stopBackground(files.pid, 'GitHub stand-in');
}
