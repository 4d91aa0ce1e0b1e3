// The published pages are what the data renders: docs/requirements.md (every rule) and
// docs/policies/<id>.md (each shipped policy), as `npm run docs:policies` writes them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderDocs } from '../../src/policy/docs.js';
import { shippedPolicies } from '../../src/policy/catalogue.js';
import { REPO_ROOT } from '../support/cli.js';

test('the committed rule and policy pages are what the rules and data/policies render', () => {
  const pages = renderDocs();
  for (const id of new Set(shippedPolicies().map((p) => p.id))) assert.ok(pages.has(`docs/policies/${id}.md`), `a page for ${id}`);
  for (const [path, text] of pages) {
    const file = join(REPO_ROOT, path);
    assert.ok(existsSync(file), `${path} is missing: run npm run docs:policies`);
    assert.equal(readFileSync(file, 'utf8'), text, `${path} differs from what the data renders: run npm run docs:policies`);
  }
});
