// The build's normalised templates must be exactly what the matcher would build at first use.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { CANDIDATE_IDS, prepareTemplates, spdxText, splitTemplateText } from '../../../src/evidence/license/templates.js';
import { normalizeLicenseText } from '../../../src/evidence/license/normalize.js';
import { preparedKey, writePreparedTemplates } from '../../../src/evidence/license/prepared.js';
import { cleanupTemp, tempDir } from '../../support/repo.js';

after(cleanupTemp);

test('prepared templates equal the templates normalised from the SPDX texts, and round-trip through the file', () => {
  const prepared = prepareTemplates();
  const licenses = prepared.filter((p) => p.kind === 'license');
  assert.deepEqual(licenses.map((p) => p.spdx), [...CANDIDATE_IDS]);
  for (const p of prepared) {
    const parts = splitTemplateText(p.spdx, spdxText(p.spdx));
    const text = p.kind === 'license' ? parts.license : parts.appendix;
    assert.ok(text !== undefined, `${p.spdx} ${p.kind}`);
    const norm = normalizeLicenseText(text);
    assert.deepEqual(p.tokens, norm.tokens, p.spdx);
    assert.deepEqual(p.raw, norm.raw, p.spdx);
  }
  const file = join(tempDir(), 'license-templates.json');
  writePreparedTemplates(file, preparedKey(CANDIDATE_IDS), prepared);
  const back = JSON.parse(readFileSync(file, 'utf8'));
  assert.equal(back.key, preparedKey(CANDIDATE_IDS));
  assert.match(back.key, /^spdx-license-list@\d+\.\d+\.\d+:titles:Apache-2.0,MIT,/);
  assert.deepEqual(back.templates, prepared);
});
