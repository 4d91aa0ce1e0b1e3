// The build's normalised templates must be exactly what the matcher would build at first use.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import {
  CANDIDATE_IDS,
  prepareTemplates,
  spdxText,
  splitTemplateText,
  templates,
  tokenOf,
} from '../../../src/evidence/license/templates.js';
import { normalizeLicenseText } from '../../../src/evidence/license/normalize.js';
import { preparedKey, readPreparedTemplates, writePreparedTemplates } from '../../../src/evidence/license/prepared.js';
import { cleanupTemp, tempDir } from '../../support/repo.js';

after(cleanupTemp);

test('prepared templates equal the templates normalised from the SPDX texts, and round-trip through the file', () => {
  const prepared = prepareTemplates();
  const licenses = prepared.filter((p) => p.kind === 'license');
  assert.deepEqual(
    licenses.map((p) => p.spdx),
    [...CANDIDATE_IDS],
  );
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
  assert.match(back.key, /^spdx-license-list@\d+\.\d+\.\d+:titles:ids:Apache-2.0,MIT,/);
  // read back: the same tokens (through the vocabulary), raw words, title blocks and bigram counts
  const loaded = readPreparedTemplates(file);
  assert.ok(loaded, 'the file is read back');
  assert.equal(loaded.templates.length, prepared.length);
  loaded.templates.forEach((t, i) => {
    const p = prepared[i]!;
    assert.equal(t.spdx, p.spdx);
    assert.equal(t.kind, p.kind);
    assert.equal(t.optional, p.optional);
    assert.deepEqual(
      [...t.ids].map((id) => loaded.vocabulary[id]),
      p.tokens,
      p.spdx,
    );
    assert.deepEqual(t.raw(), p.raw, p.spdx);
    const pairs = new Set<string>();
    for (let j = 0; j + 1 < t.ids.length; j++) if (t.ids[j]! > 0 && t.ids[j + 1]! > 0) pairs.add(`${t.ids[j]} ${t.ids[j + 1]}`);
    assert.equal(t.bigrams, pairs.size, p.spdx);
  });
});

test('templates from the prepared file match as the ones normalised at first use do: same ids, words, bigrams, results', async () => {
  // a fresh module instance that reads the file the build writes
  const file = join(tempDir(), 'license-templates.json');
  writePreparedTemplates(file, preparedKey(CANDIDATE_IDS), prepareTemplates());
  const fromSources = templates();
  const loaded = readPreparedTemplates(file)!;
  loaded.templates.forEach((t, i) => {
    const s = fromSources[i]!;
    assert.deepEqual(
      [...t.ids].map((id) => loaded.vocabulary[id]),
      [...s.ids].map((id) => tokenOf(id)),
      s.spdx,
    );
    assert.equal(t.bigrams, s.bigramCount, s.spdx);
    assert.equal(t.bigrams, s.bigrams.size, s.spdx);
  });
  // the stored screening index is the one built from the ids: every key, its templates in order
  const built = new Map<number, number[]>();
  loaded.templates.forEach((t, i) => {
    for (let j = 0; j + 1 < t.ids.length; j++) {
      const [a, b] = [t.ids[j]!, t.ids[j + 1]!];
      if (a <= 0 || b <= 0) continue;
      const list = built.get(a * 32768 + b) ?? [];
      if (list[list.length - 1] !== i) list.push(i);
      built.set(a * 32768 + b, list);
    }
  });
  const index = loaded.index!;
  assert.deepEqual(
    [...index.keys],
    [...built.keys()].sort((x, y) => x - y),
  );
  index.keys.forEach((k, n) => assert.deepEqual([...index.holders.subarray(index.starts[n]!, index.starts[n + 1]!)], built.get(k)));
  assert.deepEqual(
    loaded.vocabulary.slice(0, 50),
    Array.from({ length: 50 }, (_, id) => tokenOf(id)),
    'the ids of the file are the ones interning in order gives',
  );
});
