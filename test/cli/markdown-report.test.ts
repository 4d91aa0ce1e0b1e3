// `steward check --format markdown` as a reviewer pastes it into a GitHub comment: a local clone whose
// origin is on GitHub links evidence at the commit, an offline run says it was offline (requirement 14
// and the re-run line), and table cells never break the table.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { renderMarkdown } from '../../src/report/markdown.js';
import type { Report } from '../../src/report/types.js';
import { buildRepo, cleanupTemp } from '../support/repo.js';
import { runCli } from '../support/cli.js';

after(cleanupTemp);

const AS_OF = '2026-11-27T00:00:00Z';

test('offline check of a clone with a GitHub SSH origin: links at the commit, stars say --offline, the re-run line keeps --offline', async () => {
  const dir = await buildRepo({
    commits: [{ date: '2026-10-01T10:00:00Z', files: { 'README.md': '# Demo\n\nA demo.\n', LICENSE: 'MIT License\n' } }],
  });
  execFileSync('git', ['-C', dir, 'remote', 'add', 'origin', 'git@github.com:acme/demo.git']);
  const commit = execFileSync('git', ['-C', dir, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  const r = await runCli(['check', dir, '--offline', '--format', 'markdown', '--as-of', AS_OF]);
  assert.equal(r.stderr, '');
  assert.match(r.stdout, /^### Steward check: acme\/demo — \*\*/);
  assert.ok(r.stdout.includes(`(https://github.com/acme/demo/blob/${commit}/LICENSE)`), 'evidence links to the file at the commit');
  const row14 = r.stdout.split('\n').find((l) => l.startsWith('| 14 |'))!;
  assert.match(row14, /Stars need GitHub; run without --offline\./);
  assert.doesNotMatch(r.stdout, /No GitHub repository is known/);
  assert.ok(
    r.stdout.includes(`Re-run: \`steward check ${dir} --rev ${commit} --as-of 2026-11-27T00:00:00.000Z --offline\``),
    r.stdout.split('\n').at(-2),
  );
});

const report = (summary: string): Report => ({
  schema: 'steward.report/v1',
  tool: { name: 'steward', version: '0.0.0' },
  policy: { id: 'p', version: '1' },
  target: { input: '../demo', repo: 'acme/demo', rev: 'HEAD', commit: 'c'.repeat(40), asOf: AS_OF, webUrl: 'https://github.com/acme/demo' },
  sources: [],
  verdict: 'fail',
  requirements: [
    { id: 1, key: 'k', title: 'T | x', automation: 'auto', status: 'fail', summary, measured: {}, evidence: [], fix: 'do a | b' },
  ] as unknown as Report['requirements'],
  problems: [],
});

test('markdown: an online re-run names the GitHub URL (the local path means nothing to a reader); cells escape | and newlines', () => {
  const md = renderMarkdown(report('one | two\nthree'));
  assert.ok(md.includes(`Re-run: \`steward check https://github.com/acme/demo --rev ${'c'.repeat(40)} --as-of ${AS_OF}\``));
  assert.doesNotMatch(md, /--offline/);
  assert.match(md, /^\| 1 \| T \\\| x \| ⛔ fail \| one \\\| two three \|/m);
  assert.match(md, /- \*\*1 T \\\| x\*\* — do a \\\| b/);
  const off = renderMarkdown(report('s'), { offline: true });
  assert.ok(off.includes('Re-run: `steward check ../demo --rev'));
  assert.ok(off.includes(' --offline`'));
});

test('markdown: @logins and @org/teams in summaries and fixes become code so a pasted report pings nobody; code spans, e-mails and URLs are left alone', () => {
  const r = report('4 maintainers in CODEOWNERS: @alice, @Bob-2 and @acme/core-team. Mail bob@example.org; see https://x.org/@carol.');
  r.requirements[0]!.fix = 'Add `* @alice @bob` to CODEOWNERS, or ask @dave.';
  const md = renderMarkdown(r);
  const row = md.split('\n').find((l) => l.startsWith('| 1 |'))!;
  assert.ok(row.includes('CODEOWNERS: `@alice`, `@Bob-2` and `@acme/core-team`. Mail bob@example.org; see https://x.org/@carol.'), row);
  assert.ok(md.includes('— Add `* @alice @bob` to CODEOWNERS, or ask `@dave`.'), md);
  // Nothing outside a code span still reads as a mention.
  const outside = md.split(/`[^`]*`/).join('');
  assert.doesNotMatch(outside, /(^|[^\w@/])@[A-Za-z0-9]/m);
});

test('markdown: HTML quoted from a repository shows as text, not as markup; code spans keep their <', () => {
  const r = report('README heading "<img src=x onerror=alert(1)> Install" and </details> then `torch<3`.');
  const row = renderMarkdown(r)
    .split('\n')
    .find((l) => l.startsWith('| 1 |'))!;
  assert.ok(row.includes('"&lt;img src=x onerror=alert(1)> Install" and &lt;/details> then `torch<3`.'), row);
  assert.doesNotMatch(row.split(/`[^`]*`/).join(''), /<[a-z/]/i);
});
