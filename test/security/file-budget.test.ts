// Door: a file built to cost time. Every file read from a checked repository has a budget: its
// size (1 MiB read, the rest marked truncated) and its parse time (src/evidence/budget.ts,
// STEWARD_FILE_TIME_BUDGET_MS, 3 s by default). A parse that runs out of time stops, keeps what
// it read, and the evidence says the file was truncated and where, instead of the check waiting.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildRepo, cleanupTemp, daysAgo } from '../support/repo.js';
import { readRequirementsTxt } from '../../src/evidence/python/requirements-txt.js';
import { parseMailmap } from '../../src/evidence/mailmap.js';
import { Deadline, FILE_TIME_BUDGET_MS, fileTimeBudgetMs } from '../../src/evidence/budget.js';
import { check } from '../../src/check/index.js';

after(cleanupTemp);

const AS_OF = '2026-11-27T00:00:00Z';
const REQUIREMENTS = 'torch>=2.0 ; python_version > "3.8" --hash=sha256:00\n'.repeat(20_000); // about 1 MiB
const MAILMAP = Array.from({ length: 60_000 }, (_, i) => `Person ${i} <p${i}@example.org> Commit ${i} <c${i}@example.org>`).join('\n');

test('the per-file time budget is 3 s unless STEWARD_FILE_TIME_BUDGET_MS says otherwise', () => {
  assert.equal(FILE_TIME_BUDGET_MS, 3000);
  assert.equal(fileTimeBudgetMs({}), 3000);
  assert.equal(fileTimeBudgetMs({ STEWARD_FILE_TIME_BUDGET_MS: '250' }), 250);
  assert.equal(fileTimeBudgetMs({ STEWARD_FILE_TIME_BUDGET_MS: 'soon' }), 3000);
});

test('a parse that runs out of its time budget stops, keeps what it read, and says where', () => {
  const whole = readRequirementsTxt('requirements.txt', REQUIREMENTS, false);
  assert.equal(whole.cut, undefined);
  assert.equal(whole.torch.length, 20_000);

  // a clock that moves 1 ms per reading (the first when the deadline is set): the budget of 50 ms
  // is spent at the 50th reading, made before line 50 × 32 (the clock is read every 32 lines)
  let t = 0;
  const started = performance.now();
  const cut = readRequirementsTxt('requirements.txt', REQUIREMENTS, false, new Deadline(50, () => t++));
  assert.ok(performance.now() - started < 1000);
  assert.deepEqual(cut.cut, { line: 50 * 32, budgetMs: 50 });
  assert.equal(cut.torch.length, 50 * 32 - 1, 'the lines before the cut are kept');

  t = 0;
  const mailmap = parseMailmap(MAILMAP, new Deadline(10, () => t++));
  assert.deepEqual(mailmap.cut, { line: 10 * 32, budgetMs: 10 });
  assert.equal(mailmap.size, 10 * 32 - 1);
  assert.equal(parseMailmap(MAILMAP).cut, undefined);
});

test('a check of a repository whose files outlast the budget reports them truncated, and finishes', async () => {
  const dir = await buildRepo({
    commits: [{ date: daysAgo(AS_OF, 3), files: { 'requirements.txt': REQUIREMENTS, '.mailmap': MAILMAP, 'README.md': '# x\n' } }],
  });
  const before = process.env.STEWARD_FILE_TIME_BUDGET_MS;
  process.env.STEWARD_FILE_TIME_BUDGET_MS = '1';
  try {
    const r = await check(dir, { asOf: new Date(AS_OF), offline: true });
    const said = r.report.problems.map((p) => `${p.file}: ${p.message}`);
    assert.ok(
      said.some((m) =>
        /^requirements\.txt: truncated: parsing stopped at line \d+ when the 1 ms time budget per file ran out; the rest was not read$/.test(
          m,
        ),
      ),
      said.join('\n'),
    );
    assert.ok(
      said.some((m) => /^\.mailmap: truncated: parsing stopped at line \d+ when the 1 ms time budget per file ran out/.test(m)),
      said.join('\n'),
    );
    assert.equal(r.evidence.history.mailmapTruncated, true);
  } finally {
    if (before === undefined) delete process.env.STEWARD_FILE_TIME_BUDGET_MS;
    else process.env.STEWARD_FILE_TIME_BUDGET_MS = before;
  }
});
