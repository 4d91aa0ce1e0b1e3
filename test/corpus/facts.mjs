#!/usr/bin/env node
// Reads the facts of the corpus repositories straight from git, without Steward's code, for
// test/corpus/expected.json: each fact with the command or file:line it came from. Hand-read
// facts (license, torch specifier, test folder) are added to the JSON by a person reading the
// files; this prints the lines to read them from.
//   node test/corpus/facts.mjs /work/.mirror OWNER+NAME[:path] ...
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const [root, ...names] = process.argv.slice(2);
const git = (dir, ...args) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
const out = {};
for (const spec of names) {
  const [name, path] = spec.split(':');
  const dir = join(root, name, 'repo');
  const commit = git(dir, 'rev-parse', 'HEAD').trim();
  const headTime = Number(git(dir, 'log', '-1', '--format=%ct', 'HEAD').trim());
  // the day after the newest commit, at midnight UTC: a window that holds the recent work
  const asOf = new Date((Math.floor(headTime / 86400) + 1) * 86400 * 1000).toISOString().slice(0, 10);
  const until = Date.parse(`${asOf}T00:00:00Z`) / 1000;
  const since = until - 90 * 86400;
  const times = git(dir, 'log', '--no-merges', '--format=%ct', 'HEAD').split('\n').filter(Boolean).map(Number);
  const windowCommits = times.filter((t) => t > since && t <= until).length;
  const files = git(dir, 'ls-tree', '-r', '--name-only', 'HEAD').split('\n').filter(Boolean);
  const base = path ? `${path}/` : '';
  const top = files.filter((f) => f.startsWith(base) && !f.slice(base.length).includes('/')).map((f) => f.slice(base.length));
  const readme = top.find((f) => /^readme(\.[a-z]+)?$/i.test(f)) ?? null;
  const codeowners = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'].find((f) => files.includes(f)) ?? null;
  out[name] = {
    commit,
    asOf,
    ...(path ? { path } : {}),
    facts: {
      windowCommits: {
        value: windowCommits,
        source: `git log --no-merges --format=%ct HEAD: committer times in (${asOf} - 90 days, ${asOf}]`,
      },
      readme: { value: readme, source: `git ls-tree HEAD${path ? ` ${path}/` : ''}` },
      codeowners: { value: codeowners, source: 'git ls-tree -r HEAD: .github/CODEOWNERS, CODEOWNERS, docs/CODEOWNERS' },
    },
  };
  // for the person reading the hand-read facts
  const lic = top.filter((f) => /^(licen[cs]e|copying)/i.test(f));
  process.stderr.write(`\n== ${name} ${commit.slice(0, 12)} asOf ${asOf} license files: ${lic.join(', ') || '-'}\n`);
  for (const f of lic)
    process.stderr.write(`   ${f}:1-3: ${git(dir, 'show', `HEAD:${base}${f}`).split('\n').slice(0, 3).join(' | ').slice(0, 160)}\n`);
  for (const f of files.filter(
    (f) =>
      f.startsWith(base) &&
      /(^|\/)(pyproject\.toml|setup\.py|setup\.cfg|requirements[^/]*\.txt|environment[^/]*\.ya?ml|meta\.ya?ml)$/.test(f) &&
      f.split('/').length - base.split('/').length < 2,
  )) {
    const lines = git(dir, 'show', `HEAD:${f}`).split('\n');
    lines.forEach((l, i) => {
      if (/\btorch\b|pytorch/i.test(l) && !/^\s*#/.test(l)) process.stderr.write(`   ${f}:${i + 1}: ${l.trim().slice(0, 120)}\n`);
    });
  }
  const testDirs = [
    ...new Set(
      files
        .filter((f) => f.startsWith(base) && /(^|\/)tests?\//.test(f.slice(base.length)))
        .map((f) => f.slice(base.length).replace(/(^|.*?\/)(tests?)\/.*$/, '$1$2/')),
    ),
  ].slice(0, 4);
  process.stderr.write(`   test folders: ${testDirs.join(', ') || '-'}\n`);
}
process.stdout.write(JSON.stringify(out, null, 2) + '\n');
