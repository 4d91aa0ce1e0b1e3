// Door: the repository's .mailmap (issue 11). A huge .mailmap must not make the check slow or
// large: Steward reads it at the evaluated commit itself, streamed and capped, parses it in one
// linear pass, and tells git not to load it (git's own loader took a minute for 48 MB).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { buildRepo, cleanupTemp, daysAgo } from '../support/repo.js';
import { readJudgedHistory } from '../support/history.js';
import { parseMailmap } from '../../src/evidence/mailmap.js';
import { loadDefaultPolicy } from '../../src/policy/load.js';

after(cleanupTemp);

const AS_OF = '2026-11-27T00:00:00Z';

/** `lines` distinct mappings, ~70 bytes each. */
function hugeMailmap(lines: number, first = ''): Buffer {
  const parts: string[] = [first];
  for (let i = 0; i < lines; i++) parts.push(`Proper Name ${i} <proper${i}@example.org> Commit Name ${i} <commit${i}@example.org>\n`);
  return Buffer.from(parts.join(''));
}

test('a 12 MB .mailmap: the history is read in seconds, the mailmap is capped and said to be, and its first entries still apply', async () => {
  const mailmap = hugeMailmap(170_000, 'Person One <one@example.org> <p1-old@example.org>\n');
  assert.ok(mailmap.length > 12 * 1024 * 1024);
  const dir = await buildRepo({
    commits: [
      { date: daysAgo(AS_OF, 20), author: { name: 'P1', email: 'p1-old@example.org' }, files: { '.mailmap': mailmap } },
      ...Array.from({ length: 30 }, (_, i) => ({
        date: daysAgo(AS_OF, 19 - i * 0.5),
        author: { name: `Commit Name ${i}`, email: `commit${i}@example.org` },
      })),
    ],
  });
  const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir }).toString().trim();
  const t0 = performance.now();
  const { history: h } = await readJudgedHistory(dir, commit, new Date(AS_OF), loadDefaultPolicy());
  const ms = performance.now() - t0;
  assert.ok(ms < 4000, `readHistory took ${Math.round(ms)} ms`);
  assert.equal(h.mailmap, true);
  assert.equal(h.mailmapTruncated, true);
  assert.equal(h.commits, 31);
  assert.ok(
    h.contributors.some((p) => p.name === 'Person One'),
    JSON.stringify(h.contributors.slice(0, 3)),
  );
  assert.ok(h.contributors.some((p) => p.name === 'Proper Name 0'));
});

test('the .mailmap parser is linear: lines of hostile shape (thousands of < and >) parse in bounded time', () => {
  const bad = `${'<'.repeat(200_000)}\n${'a <b> '.repeat(100_000)}\n${'<x@y>'.repeat(100_000)}\n`.repeat(4);
  const t0 = performance.now();
  const m = parseMailmap(bad);
  assert.ok(performance.now() - t0 < 1000);
  assert.equal(m.map({ name: 'n', email: 'e@x' }).name, 'n');
});
