// Door: the repository being checked. Its own config must never make a check run a command.
// Every git process under src/ goes through the one runner (src/evidence/git/run.ts), whose
// environment and command-line config no repository can override.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { cleanupTemp, tempDir } from '../support/repo.js';
import { REPO_ROOT, runCli } from '../support/cli.js';

after(cleanupTemp);

const git = (cwd: string, args: string[], input?: string) =>
  execFileSync('git', args, {
    cwd,
    input,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
  }).trim();

/** A repository whose tree names a blob it lacks, and whose config says a promisor has it. */
function hostileRepo(marker: string, extra: Record<string, string> = {}): string {
  const dir = tempDir('steward-hostile-git-');
  git(dir, ['init', '-q', '-b', 'main']);
  const readme = git(dir, ['hash-object', '-w', '--stdin'], '# Widget\n');
  const missing = '4b825dc642cb6eb9a060e54bf8d69288fbee4904'.replace(/^4b/, 'ab'); // no such object
  const tree = git(dir, ['mktree', '--missing'], `100644 blob ${readme}\tREADME.md\n100644 blob ${missing}\tLICENSE\n`);
  const commit = execFileSync('git', ['commit-tree', tree, '-m', 'start'], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'A',
      GIT_AUTHOR_EMAIL: 'a@example.org',
      GIT_COMMITTER_NAME: 'A',
      GIT_COMMITTER_EMAIL: 'a@example.org',
      GIT_AUTHOR_DATE: '2026-11-01T00:00:00Z',
      GIT_COMMITTER_DATE: '2026-11-01T00:00:00Z',
    },
  }).trim();
  git(dir, ['update-ref', 'refs/heads/main', commit]);
  const config = {
    'core.repositoryformatversion': '1',
    'extensions.partialClone': 'origin',
    'remote.origin.url': 'ssh://attacker.invalid/widget.git',
    'remote.origin.promisor': 'true',
    'remote.origin.partialclonefilter': 'blob:none',
    'core.sshCommand': `touch ${marker}; false`,
    ...extra,
  };
  for (const [k, v] of Object.entries(config)) git(dir, ['config', k, v]);
  return dir;
}

test('a promisor remote with core.sshCommand and a missing blob: steward check runs nothing', async () => {
  const marker = join(tempDir('steward-marker-'), 'ran');
  const dir = hostileRepo(marker, {
    'core.fsmonitor': `touch ${marker}`,
    'core.hooksPath': dir0(marker),
    'log.showSignature': 'true',
    'gpg.program': `touch ${marker}; false`,
    'core.pager': `touch ${marker}; cat`,
    'diff.external': `touch ${marker}`,
  });
  // the attack works on git itself when nothing stops it: that is what makes the test meaningful
  const control = join(tempDir('steward-marker-'), 'ran');
  git(dir, ['config', 'core.sshCommand', `touch ${control}; false`]);
  try {
    execFileSync('git', ['cat-file', '--batch'], {
      cwd: dir,
      input: 'ab825dc642cb6eb9a060e54bf8d69288fbee4904\n',
      stdio: ['pipe', 'ignore', 'ignore'],
    });
  } catch {
    // git reports the failed fetch; the marker is what matters
  }
  assert.ok(existsSync(control), 'plain git lazily fetches through core.sshCommand');
  git(dir, ['config', 'core.sshCommand', `touch ${marker}; false`]);

  const r = await runCli(['check', dir, '--offline', '--as-of', '2026-11-27', '--format', 'json']);
  assert.ok([0, 1, 3].includes(r.code ?? -1), `a report, not an error: ${r.code} ${r.stderr}`);
  assert.equal(existsSync(marker), false, 'the repository made steward run a command');
  assert.equal(JSON.parse(r.stdout).requirements.length, 19);
});

function dir0(marker: string): string {
  const hooks = tempDir('steward-hooks-');
  for (const name of ['reference-transaction', 'post-checkout', 'pre-auto-gc', 'post-index-change']) {
    writeFileSync(join(hooks, name), `#!/bin/sh\ntouch ${marker}\n`, { mode: 0o755 });
  }
  return hooks;
}

/** Every file under src/ that starts a process. */
function spawnSites(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|mts|js)$/.test(name) && /child_process/.test(readFileSync(p, 'utf8'))) out.push(relative(REPO_ROOT, p));
    }
  };
  walk(join(REPO_ROOT, 'src'));
  return out.sort();
}

test('every process under src/ is started by the one git runner', () => {
  assert.deepEqual(spawnSites(), ['src/evidence/git/run.ts']);
  const runner = readFileSync(join(REPO_ROOT, 'src/evidence/git/run.ts'), 'utf8');
  // the runner starts processes in exactly one place, with the fixed environment
  const starts = runner.match(/\bspawn\(/g) ?? [];
  assert.equal(starts.length, 1, 'one spawn call in the runner');
  assert.match(runner, /spawn\('git', \[\.\.\.CONFIG_ARGS/);
  const imported = /import \{([^}]*)\} from 'node:child_process'/.exec(runner)?.[1] ?? '';
  assert.deepEqual(
    imported
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s && !s.startsWith('type ')),
    ['spawn'],
  );
});
