// `npm run docs:policies`: writes docs/requirements.md and docs/policies/<id>.md from the rules and
// the policies in data/policies (test/policy/docs.test.ts fails when the committed pages differ).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderDocs } from '../src/policy/docs.js';

const root = fileURLToPath(new URL('..', import.meta.url));
for (const [path, text] of renderDocs()) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
  process.stdout.write(`${path}\n`);
}
