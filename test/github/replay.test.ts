// The App configured from the environment, as an operator runs it: `steward github replay` feeds a
// saved delivery to the handlers (here an all-TBD application: one comment, Need more info), and
// `steward serve` mounts the webhook: a forged delivery is 401, a signed one is answered (an event it does not act on: 200, ignored).
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sign } from '@octokit/webhooks-methods';
import { githubAppConfigFromEnv, logosDirOf } from '../../src/github/config.js';
import { runCli } from '../support/cli.js';
import { FakeGitHub } from '../support/fake-github.js';
import { TBD_BODY } from '../support/issue-export.js';
import { cleanupTemp, tempDir } from '../support/repo.js';
import { startServe } from '../support/serve-process.js';

const ECO = 'example-fdn/ecosystem';
const { privateKey, publicKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});
const gh = new FakeGitHub({ apps: { '99': { publicKey, installations: [5] } } });
let env: NodeJS.ProcessEnv;

before(async () => {
  await gh.start();
  gh.api.installations.set(ECO, 5);
  const dir = tempDir();
  const keyFile = join(dir, 'app.pem');
  writeFileSync(keyFile, privateKey);
  env = {
    STEWARD_DATA_DIR: join(dir, 'data'),
    STEWARD_ACTOR: '',
    STEWARD_GITHUB_APP_ID: '99',
    STEWARD_GITHUB_APP_PRIVATE_KEY: keyFile,
    STEWARD_GITHUB_WEBHOOK_SECRET: 's3cret',
    STEWARD_ECOSYSTEM_REPO: ECO,
    STEWARD_LANDSCAPE_REPO: 'example-fdn/landscape',
    STEWARD_GITHUB_API_URL: gh.url,
  };
});
after(async () => {
  await gh.stop();
  cleanupTemp();
});

test('steward github replay handles a saved delivery with the App configured from the environment', async () => {
  gh.api.addIssue(ECO, { number: 5, title: '[Ecosystem] Vapor', user: 'vapor-dev', body: TBD_BODY, labels: ['New'] });
  const payload = {
    action: 'opened',
    issue: gh.api.restIssue(ECO, gh.api.repo(ECO).issues.get(5)!),
    repository: { full_name: ECO },
    sender: { login: 'vapor-dev', type: 'User' },
    installation: { id: 5 },
  };
  const file = join(tempDir(), 'delivery.json');
  writeFileSync(file, JSON.stringify(payload));
  const r = await runCli(['github', 'replay', file, '--event', 'issues'], { env });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /issues\.opened: handled/);
  assert.equal(gh.api.comments(ECO, 5).length, 1);
  assert.match(gh.api.comments(ECO, 5)[0]!.body, /cannot be reviewed yet/);
  assert.deepEqual(gh.api.repo(ECO).issues.get(5)!.labels, ['Need more info']);
  const ignored = await runCli(['github', 'replay', file, '--event', 'watch'], { env });
  assert.match(ignored.stdout, /watch: the App acknowledges and ignores this event/);
  const unconfigured = await runCli(['github', 'replay', file, '--event', 'issues'], {
    env: {
      ...env,
      STEWARD_GITHUB_APP_ID: '',
      STEWARD_GITHUB_APP_PRIVATE_KEY: '',
      STEWARD_GITHUB_WEBHOOK_SECRET: '',
      STEWARD_ECOSYSTEM_REPO: '',
      STEWARD_LANDSCAPE_REPO: '',
    },
  });
  assert.equal(unconfigured.code, 2);
  assert.match(unconfigured.stderr, /the App is not configured/);
});

test('steward serve mounts the App from the environment: a forged delivery is 401, a signed one answered', async () => {
  const server = await startServe(['--port', '0'], { env: { ...process.env, ...env, NO_COLOR: '1' } });
  try {
    const url = server.url;
    const body = JSON.stringify({ action: 'created', repository: { full_name: ECO } });
    const post = (signature: string) =>
      fetch(`${url}/github/webhooks`, {
        method: 'POST',
        headers: { 'x-github-event': 'star', 'x-github-delivery': 'd-1', 'x-hub-signature-256': signature },
        body,
      });
    const before = gh.log.length;
    assert.equal((await post(await sign('wrong', body))).status, 401);
    const ok = await post(await sign('s3cret', body));
    assert.equal(ok.status, 200);
    assert.deepEqual(await ok.json(), { ignored: 'star' });
    assert.equal(gh.log.length, before);
  } finally {
    await server.stop();
  }
});

test("STEWARD_LANDSCAPE_LOGOS_DIR names the landscape repository's logos folder (default hosted_logos); a path leaving it is refused", () => {
  assert.equal(logosDirOf(githubAppConfigFromEnv(env)!), 'hosted_logos');
  assert.equal(logosDirOf(githubAppConfigFromEnv({ ...env, STEWARD_LANDSCAPE_LOGOS_DIR: 'static/logos/' })!), 'static/logos');
  for (const bad of ['/etc', '../logos', 'a//b'])
    assert.throws(
      () => githubAppConfigFromEnv({ ...env, STEWARD_LANDSCAPE_LOGOS_DIR: bad }),
      /STEWARD_LANDSCAPE_LOGOS_DIR: expected a folder of the landscape repository/,
    );
});
