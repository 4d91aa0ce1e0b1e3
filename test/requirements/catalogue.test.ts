// Every requirement (a rule of the policy) keeps what ESLint keeps for each of its rules: a module
// of its own under src/requirements/, a unique key and number, a test file that imports the
// module itself (not only the index), and an entry in docs/requirements.md. Adding a requirement
// without these fails here, naming what is missing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES, type Rule } from '../../src/requirements/index.js';
import { REPO_ROOT } from '../support/cli.js';

const SRC = join(REPO_ROOT, 'src', 'requirements');
const isRule = (x: unknown): x is Rule =>
  typeof x === 'object' && x !== null && 'meta' in x && 'evaluate' in x && typeof (x as Rule).evaluate === 'function';

function testFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...testFiles(path));
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

/** requirement → the file under src/requirements/ that exports it */
async function modules(): Promise<Map<Rule, string>> {
  const out = new Map<Rule, string>();
  for (const name of readdirSync(SRC).filter((n) => n.endsWith('.ts') && n !== 'index.ts' && n !== 'types.ts')) {
    const mod: Record<string, unknown> = await import(pathToFileURL(join(SRC, name)).href);
    for (const value of Object.values(mod)) if (isRule(value)) out.set(value, name);
  }
  return out;
}

test('every rule has a unique key, from a module of its own', async () => {
  const keys = RULES.map((r) => r.meta.key);
  const duplicates = keys.filter((k, i) => keys.indexOf(k) !== i);
  assert.deepEqual(duplicates, [], 'rule keys must be unique');
  assert.ok(
    keys.every((k) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(k)),
    `keys are kebab-case: ${keys.join(', ')}`,
  );

  const byModule = await modules();
  const files = RULES.map((r) => byModule.get(r));
  assert.deepEqual(
    RULES.filter((_, i) => files[i] === undefined).map((r) => r.meta.key),
    [],
    'each requirement is exported by a module under src/requirements/',
  );
  const listed = new Set<Rule>(RULES);
  assert.deepEqual(
    [...byModule].filter(([r]) => !listed.has(r)).map(([r, file]) => `${r.meta.key} (${file})`),
    [],
    'a rule module that RULES does not list is unknown to every policy',
  );
  assert.equal(new Set(files).size, files.length, 'one requirement per module');
});

test('every requirement has a test file that imports its module', async () => {
  const byModule = await modules();
  const tests = testFiles(join(REPO_ROOT, 'test')).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
  const missing: string[] = [];
  for (const r of RULES) {
    const file = byModule.get(r)!;
    const spec = `/src/requirements/${file.replace(/\.ts$/, '.js')}'`;
    if (!tests.some((t) => t.text.includes(spec))) missing.push(`${r.meta.key}: no test imports src/requirements/${file}`);
  }
  assert.deepEqual(missing, []);
});

test('every rule has its entry in docs/requirements.md, with its key and automation, and no entry is left without a rule', () => {
  const doc = readFileSync(join(REPO_ROOT, 'docs', 'requirements.md'), 'utf8');
  const missing = RULES.filter((r) => !doc.includes(`\n### \`${r.meta.key}\` (automation: ${r.meta.automation})\n`)).map((r) => r.meta.key);
  assert.deepEqual(missing, [], 'regenerate with: npm run docs:policies');
  const headings = doc.match(/^### `[a-z0-9-]+` \(automation: \w+\)$/gm) ?? [];
  assert.equal(headings.length, RULES.length, 'docs/requirements.md has one entry per rule, and no other');
});
