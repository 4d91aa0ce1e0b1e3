// URL targets: every accepted form, every refused one (refused before any process or socket,
// checked by spying on child_process and net), organisation URLs, and the blobless clone cache
// against a real git repository served over smart HTTP on loopback.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import childProcess from 'node:child_process';
import net from 'node:net';
import tls from 'node:tls';
import { syncBuiltinESMExports } from 'node:module';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { classifyTarget, resolveRemoteTarget, cloneDirFor } from '../../src/check/remote-target.js';
import { FakeGitHub } from '../support/fake-github.js';
import { buildRepo, tempDir, cleanupTemp } from '../support/repo.js';

const ACCEPTED: [string, string, string][] = [
  ['https://github.com/pytorch/ignite', 'github', 'pytorch/ignite'],
  ['pytorch/ignite', 'github', 'pytorch/ignite'],
  ['https://github.com/pytorch/ignite.git', 'github', 'pytorch/ignite'],
  ['https://github.com/pytorch/ignite/', 'github', 'pytorch/ignite'],
  ['https://github.com/pytorch/ignite.git/', 'github', 'pytorch/ignite'],
  ['https://github.com/pytorch/ignite/tree/master/ignite/engine', 'github', 'pytorch/ignite'],
  ['https://github.com/pytorch/ignite/blob/master/README.md#install', 'github', 'pytorch/ignite'],
  ['https://github.com/pytorch/ignite/issues?q=is%3Aopen', 'github', 'pytorch/ignite'],
  ['http://github.com/pytorch/ignite', 'github', 'pytorch/ignite'],
  ['https://www.github.com/pytorch/ignite', 'github', 'pytorch/ignite'],
  ['http://www.github.com/pytorch/ignite', 'github', 'pytorch/ignite'],
  ['github.com/pytorch/ignite', 'github', 'pytorch/ignite'],
  ['HTTPS://GitHub.com/Project-MONAI/MONAI', 'github', 'Project-MONAI/MONAI'],
  ['pytorch/ignite.git', 'github', 'pytorch/ignite'],
  ['https://gitlab.com/group/sub/project', 'gitlab', 'group/sub/project'],
  ['https://gitlab.com/group/project.git', 'gitlab', 'group/project'],
  ['https://gitlab.com/group/project/-/tree/main/src', 'gitlab', 'group/project'],
];

const REFUSED: [string, RegExp][] = [
  ['file:///etc/passwd', /file: scheme is not accepted/],
  ['file:relative', /file: scheme/],
  ['ext::sh -c touch% /tmp/pwned', /transport helpers/],
  ['fd::17', /transport helpers/],
  ['-uhelp', /starts with "-"/],
  ['--upload-pack=touch /tmp/x', /starts with "-"/],
  ['git@github.com:pytorch/ignite.git', /SSH addresses/],
  ['ssh://git@github.com/pytorch/ignite', /ssh: scheme/],
  ['git://github.com/pytorch/ignite', /git: scheme/],
  ['https://140.82.112.3/pytorch/ignite', /IP addresses/],
  ['https://[::1]/pytorch/ignite', /IP addresses/],
  ['https://0x7f000001/pytorch/ignite', /IP addresses|not allowed/],
  ['https://user:secret@github.com/pytorch/ignite', /credentials in URLs/],
  ['https://token@github.com/pytorch/ignite', /credentials in URLs/],
  ['https://github.com:8443/pytorch/ignite', /port/],
  ['https://evil.example/pytorch/ignite', /host evil.example is not allowed/],
  ['https://github.com.evil.example/pytorch/ignite', /not allowed/],
  // dot segments and encoded separators are refused before the URL parser resolves them
  ['https://github.com/pytorch/..', /no owner|segments/],
  ['https://github.com/pytorch/%2e%2e', /no owner|segments/],
  ['https://github.com/pytorch/%2e%2e/..%2fx', /no owner|segments|separator|not a repository name|not an account name/],
  ['https://github.com/', /no owner/],
  ['https://github.com/settings/profile', /not an account name/],
  ['https://github.com/pytorch/ignite\n--upload-pack=x', /control characters/],
  ['https://gitlab.com/', /no group/],
];

test('every accepted URL form names the repository', () => {
  for (const [input, host, slug] of ACCEPTED) {
    const c = classifyTarget(input, { existsLocally: () => false });
    assert.equal(c.kind, 'remote', input);
    if (c.kind !== 'remote') continue;
    assert.equal(c.spec.host, host, input);
    assert.equal(c.spec.slug, slug, input);
    assert.match(c.spec.url, /^https:\/\/(github|gitlab)\.com\/[^?#]+\.git$/, input);
  }
  const tree = classifyTarget('https://github.com/pytorch/ignite/tree/v0.5/docs');
  assert.equal(tree.kind === 'remote' && tree.spec.branchHint, 'v0.5');
});

test('refused inputs say why', () => {
  for (const [input, why] of REFUSED) {
    const c = classifyTarget(input, { existsLocally: () => false });
    assert.equal(c.kind, 'refused', input);
    if (c.kind === 'refused') assert.match(c.reason, why, input);
  }
});

test('owner/name is remote only when no such local path exists; paths stay local', () => {
  assert.equal(classifyTarget('pytorch/ignite', { existsLocally: () => true }).kind, 'local');
  assert.equal(classifyTarget('.', { existsLocally: () => true }).kind, 'local');
  assert.equal(classifyTarget('/srv/repos/ignite', { existsLocally: () => false }).kind, 'local');
  assert.equal(classifyTarget('a/b/c', { existsLocally: () => false }).kind, 'local');
  assert.equal(classifyTarget('C:\\repos\\x', { existsLocally: () => false }).kind, 'local');
  // a GitLab-only policy: owner/name has no GitHub to mean
  assert.equal(classifyTarget('a/b', { allowedHosts: { 'gitlab.com': 'gitlab' } }).kind, 'refused');
});

test('organisation and group URLs are recognised as such', () => {
  const gh = classifyTarget('https://github.com/Project-MONAI');
  assert.equal(gh.kind, 'owner');
  assert.equal(gh.kind === 'owner' && gh.owner.owner, 'Project-MONAI');
  const gl = classifyTarget('https://gitlab.com/some-group/');
  assert.equal(gl.kind === 'owner' && gl.owner.host, 'gitlab');
});

test('refused inputs open no process and no socket; an accepted one does (the spy works)', async () => {
  const calls: string[] = [];
  const saved = {
    spawn: childProcess.spawn,
    execFile: childProcess.execFile,
    exec: childProcess.exec,
    fork: childProcess.fork,
    spawnSync: childProcess.spawnSync,
    execFileSync: childProcess.execFileSync,
    connect: net.Socket.prototype.connect,
    netConnect: net.connect,
    createConnection: net.createConnection,
    tlsConnect: tls.connect,
  };
  const spy = (name: string) =>
    function (this: unknown, ...args: unknown[]) {
      calls.push(name);
      return (saved as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!.apply(this, args);
    };
  const cp = childProcess as unknown as Record<string, unknown>;
  for (const k of ['spawn', 'execFile', 'exec', 'fork', 'spawnSync', 'execFileSync']) cp[k] = spy(k);
  net.Socket.prototype.connect = spy('connect') as typeof net.Socket.prototype.connect;
  (net as unknown as Record<string, unknown>).connect = spy('netConnect');
  (net as unknown as Record<string, unknown>).createConnection = spy('createConnection');
  (tls as unknown as Record<string, unknown>).connect = spy('tlsConnect');
  syncBuiltinESMExports();
  try {
    const cacheDir = tempDir();
    for (const [input] of REFUSED) {
      await assert.rejects(resolveRemoteTarget(input, { cacheDir, listOwnerRepos: async () => ['x/y'] }), { name: 'InputError' }, input);
    }
    await assert.rejects(
      resolveRemoteTarget('https://github.com/pytorch/ignite', { cacheDir, offline: true }),
      /--offline, and there is no cached clone/,
    );
    assert.equal(calls.length, 0, `calls: ${calls.join(',')}`);
    // control: an accepted URL does start git (towards a port where nothing listens)
    await assert.rejects(
      resolveRemoteTarget('https://github.com/pytorch/ignite', {
        cacheDir,
        cloneBaseUrls: { 'github.com': 'http://127.0.0.1:9/git' },
        timeoutMs: 20_000,
      }),
      /git clone failed/,
    );
    assert.ok(calls.includes('spawn'), `calls: ${calls.join(',')}`);
  } finally {
    Object.assign(cp, {
      spawn: saved.spawn,
      execFile: saved.execFile,
      exec: saved.exec,
      fork: saved.fork,
      spawnSync: saved.spawnSync,
      execFileSync: saved.execFileSync,
    });
    net.Socket.prototype.connect = saved.connect;
    Object.assign(net, { connect: saved.netConnect, createConnection: saved.createConnection });
    Object.assign(tls, { connect: saved.tlsConnect });
    syncBuiltinESMExports();
  }
});

const fake = new FakeGitHub();
let gitRoot = '';
let served = '';

before(async () => {
  gitRoot = tempDir();
  served = join(gitRoot, 'acme', 'widget.git');
  mkdirSync(join(gitRoot, 'acme'), { recursive: true });
  await buildRepo(
    {
      bare: true,
      commits: [
        {
          date: '2026-01-01T00:00:00Z',
          files: { 'README.md': '# widget\n', 'src/big.bin': 'x'.repeat(50_000), 'pyproject.toml': '[project]\nname = "widget"\n' },
        },
        { date: '2026-02-01T00:00:00Z', files: { LICENSE: 'MIT License\n' } },
      ],
    },
    served,
  );
  execFileSync('git', ['config', 'uploadpack.allowFilter', 'true'], { cwd: served });
  fake.opts.gitRoot = gitRoot;
  await fake.start();
});
after(async () => {
  await fake.stop();
  cleanupTemp();
});

test('a URL is cloned blobless into the cache, its wanted files fetched, refreshed by fetch next time', async () => {
  const cacheDir = tempDir();
  const wanted = (p: string) => p === 'README.md' || p === 'pyproject.toml' || p === 'LICENSE';
  const opts = { cacheDir, cloneBaseUrls: { 'github.com': `${fake.url}/git` }, wantsPath: wanted };
  const first = await resolveRemoteTarget('https://github.com/acme/widget/tree/main', opts);
  assert.equal(first.refreshed, 'cloned');
  assert.equal(first.rev, 'main', 'the branch the URL names is the revision checked');
  assert.equal(first.path, undefined);
  assert.equal(first.slug, 'acme/widget');
  assert.equal(first.webUrl, 'https://github.com/acme/widget');
  assert.equal(
    first.localGitDir,
    cloneDirFor(cacheDir, {
      url: 'https://github.com/acme/widget.git',
      hostname: 'github.com',
      host: 'github',
      slug: 'acme/widget',
      webUrl: '',
    }),
  );
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: first.localGitDir,
      encoding: 'utf8',
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  assert.equal(git('rev-parse', '--is-bare-repository').trim(), 'true');
  assert.equal(git('log', '--format=%s', 'HEAD').trim().split('\n').length, 2);
  assert.equal(git('cat-file', '-p', 'HEAD:README.md'), '# widget\n');
  assert.equal(git('cat-file', '-p', 'HEAD:LICENSE'), 'MIT License\n');
  // the big file was never fetched, and reading it can't fetch it: the clone refuses the network
  const before = fake.requests;
  assert.throws(() => git('cat-file', '-p', 'HEAD:src/big.bin'));
  assert.equal(fake.requests, before);
  // a new commit upstream: the second resolve fetches it into the same directory
  execFileSync('git', [
    '--git-dir',
    served,
    'update-ref',
    'refs/heads/main',
    execFileSync('git', ['--git-dir', served, 'commit-tree', '-p', 'main', '-m', 'third', 'main^{tree}'], {
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_NAME: 'a', GIT_AUTHOR_EMAIL: 'a@x', GIT_COMMITTER_NAME: 'a', GIT_COMMITTER_EMAIL: 'a@x' },
    }).trim(),
  ]);
  const second = await resolveRemoteTarget('acme/widget', opts);
  assert.equal(second.refreshed, 'fetched');
  assert.equal(second.localGitDir, first.localGitDir);
  assert.equal(git('log', '-1', '--format=%s', 'HEAD').trim(), 'third');
  // offline: the cached clone, untouched
  fake.log = [];
  const third = await resolveRemoteTarget('https://github.com/acme/widget.git', { ...opts, offline: true });
  assert.equal(third.refreshed, 'cached');
  assert.equal(fake.requests, 0);
});

test('a repository the server does not have: one clear error, nothing left in the cache', async () => {
  const cacheDir = tempDir();
  await assert.rejects(
    resolveRemoteTarget('https://github.com/acme/missing', { cacheDir, cloneBaseUrls: { 'github.com': `${fake.url}/git` } }),
    /https:\/\/github.com\/acme\/missing: (no such repository|git clone failed)/,
  );
  assert.deepEqual(execFileSync('ls', ['-A', cacheDir], { encoding: 'utf8' }).trim(), '');
});

test('an organisation URL lists the repositories to choose from', async () => {
  await assert.rejects(
    resolveRemoteTarget('https://github.com/Project-MONAI', {
      listOwnerRepos: async () => ['Project-MONAI/MONAI', 'Project-MONAI/tutorials'],
    }),
    (err: Error) =>
      /https:\/\/github.com\/Project-MONAI is an organisation or user, not a repository/.test(err.message) &&
      err.message.includes('steward check https://github.com/Project-MONAI/MONAI') &&
      err.message.includes('steward check https://github.com/Project-MONAI/tutorials'),
  );
  await assert.rejects(
    resolveRemoteTarget('https://github.com/Project-MONAI', { offline: true }),
    /check one of its repositories: https:\/\/github.com\/Project-MONAI\/NAME/,
  );
});
