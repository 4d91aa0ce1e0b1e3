// Every requirement (a rule of the policy) keeps what ESLint keeps for each of its rules: a module
// of its own under src/requirements/, a unique key and number, a test file that imports the
// module itself (not only the index), and an entry in docs/requirements.md. Adding a requirement
// without these fails here, naming what is missing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REQUIREMENTS, type Requirement } from '../../src/requirements/index.js';
import { REPO_ROOT } from '../support/cli.js';

const SRC = join(REPO_ROOT, 'src', 'requirements');
const isRequirement = (x: unknown): x is Requirement =>
  typeof x === 'object' && x !== null && 'meta' in x && 'evaluate' in x && typeof (x as Requirement).evaluate === 'function';

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
async function modules(): Promise<Map<Requirement, string>> {
  const out = new Map<Requirement, string>();
  for (const name of readdirSync(SRC).filter((n) => n.endsWith('.ts') && n !== 'index.ts' && n !== 'types.ts')) {
    const mod: Record<string, unknown> = await import(pathToFileURL(join(SRC, name)).href);
    for (const value of Object.values(mod)) if (isRequirement(value)) out.set(value, name);
  }
  return out;
}

test('every requirement has a unique key and number, in order, from a module of its own', async () => {
  const keys = REQUIREMENTS.map((r) => r.meta.key);
  const duplicates = keys.filter((k, i) => keys.indexOf(k) !== i);
  assert.deepEqual(duplicates, [], 'requirement keys must be unique');
  assert.ok(
    keys.every((k) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(k)),
    `keys are kebab-case: ${keys.join(', ')}`,
  );
  assert.deepEqual(
    REQUIREMENTS.map((r) => r.meta.id),
    REQUIREMENTS.map((_, i) => i + 1),
    'numbers run 1..N in the order of REQUIREMENTS',
  );

  const byModule = await modules();
  const files = REQUIREMENTS.map((r) => byModule.get(r));
  assert.deepEqual(
    REQUIREMENTS.filter((_, i) => files[i] === undefined).map((r) => r.meta.key),
    [],
    'each requirement is exported by a module under src/requirements/',
  );
  const listed = new Set<Requirement>(REQUIREMENTS);
  assert.deepEqual(
    [...byModule].filter(([r]) => !listed.has(r)).map(([r, file]) => `${r.meta.key} (${file})`),
    [],
    'a requirement module that REQUIREMENTS does not list is never run',
  );
  assert.equal(new Set(files).size, files.length, 'one requirement per module');
});

test('every requirement has a test file that imports its module', async () => {
  const byModule = await modules();
  const tests = testFiles(join(REPO_ROOT, 'test')).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
  const missing: string[] = [];
  for (const r of REQUIREMENTS) {
    const file = byModule.get(r)!;
    const spec = `/src/requirements/${file.replace(/\.ts$/, '.js')}'`;
    if (!tests.some((t) => t.text.includes(spec))) missing.push(`${r.meta.key}: no test imports src/requirements/${file}`);
  }
  assert.deepEqual(missing, []);
});

test('every requirement has its entry in docs/requirements.md, with its number, title, key and automation', () => {
  const doc = readFileSync(join(REPO_ROOT, 'docs', 'requirements.md'), 'utf8');
  const missing = REQUIREMENTS.filter(
    (r) => !doc.includes(`\n### ${r.meta.id}. ${r.meta.title} (\`${r.meta.key}\`, automation: ${r.meta.automation})\n`),
  ).map((r) => r.meta.key);
  assert.deepEqual(missing, [], 'regenerate with: npx steward policy show --format markdown > docs/requirements.md');
  const headings = doc.match(/^### \d+\. .*\(`[a-z0-9-]+`, automation: \w+\)$/gm) ?? [];
  assert.equal(headings.length, REQUIREMENTS.length, 'docs/requirements.md has one entry per requirement, and no other');
});
