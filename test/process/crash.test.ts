// Crash safety: a periodic review over 200 projects is killed with SIGKILL mid-way (once from
// outside at a random point, once from inside right after a send and before it is marked
// delivered), then run again to the end. Every project is reviewed exactly once; every notice
// is delivered: sent at least once, always under its outbox row's key, so receipt deduplicated
// by key is exactly once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../../src/process/engine.js';
import { fixedClock } from '../../src/process/calendar.js';
import { importLandscape } from '../../src/process/engine-import.js';
import type { Landscape, LandscapeItem } from '../../src/landscape/index.js';
import { idempotencyKey, listOutbox, listReviewSteps, openStore, readAudit, verifyAudit } from '../../src/store/index.js';
import { cleanupTemp, tempDir } from '../support/repo.js';

test.after(cleanupTemp);

const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));
const N = 200;

function run(
  args: string[],
  env: Record<string, string>,
  killAfterLines?: number,
): Promise<{ code: number | null; signal: string | null; lines: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    let buf = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        lines.push(buf.slice(0, i));
        buf = buf.slice(i + 1);
        if (killAfterLines !== undefined && lines.length === killAfterLines) child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code !== 0 && signal !== 'SIGKILL') reject(new Error(`child exited ${code}: ${err}`));
      else resolve({ code, signal, lines });
    });
  });
}

function item(i: number): LandscapeItem {
  const name = `Project ${String(i).padStart(3, '0')}`;
  return {
    id: `modeling--x--p${i}`,
    name,
    category: 'Modeling',
    subcategory: 'X',
    homepage_url: '',
    repo_url: `https://github.com/crash/p${i}`,
    logo: 'x.svg',
    extra: { accepted: '2026-01-01' },
    line: i + 1,
  };
}

test('SIGKILL in the middle of a periodic review over 200 projects: each reviewed once, each notice delivered once', async () => {
  const dataDir = tempDir('steward-crash-');
  const sink = join(dataDir, 'sink.jsonl');
  {
    const store = await openStore({ dataDir });
    const engine = createEngine({ store, clock: fixedClock('2026-01-02T00:00:00.000Z') });
    const landscape: Landscape = {
      file: 'landscape.yml',
      format: 'landscape',
      categories: [],
      items: Array.from({ length: N }, (_, i) => item(i + 1)),
      problems: [],
    };
    const imported = await importLandscape(engine, { id: 'sam', role: 'staff' }, landscape);
    assert.equal(imported.active.length, N);
    await store.close();
  }
  const args = [dataDir, sink, '2026-07-01'];
  // 1: killed from outside part-way through the reviews
  const first = await run(args, { EVAL_DELAY_MS: '3' }, 70);
  assert.equal(first.signal, 'SIGKILL');
  // 2: kills itself right after a send, before marking it delivered
  const second = await run(args, { CRASH_AFTER_SEND: '5' });
  assert.equal(second.signal, 'SIGKILL');
  // 3: runs to the end
  const third = await run(args, {});
  assert.equal(third.code, 0);
  const done = JSON.parse(third.lines.at(-1)!.replace(/^done /, '')) as { errors: unknown[] };
  assert.deepEqual(done.errors, []);

  const store = await openStore({ dataDir });
  try {
    const steps = await listReviewSteps(store.db);
    const perProject = new Map<string, number>();
    for (const s of steps) perProject.set(s.project_id, (perProject.get(s.project_id) ?? 0) + 1);
    assert.equal(perProject.size, N, 'every project reviewed');
    assert.ok(
      [...perProject.values()].every((n) => n === 1),
      'no project reviewed twice',
    );
    const audit = await readAudit(store.db);
    assert.equal(audit.filter((e) => e.action === 'review.failed' || e.action === 'review.passed').length, N);
    assert.equal((await verifyAudit(store.db)).ok, true);

    const failing = Array.from({ length: N }, (_, i) => i + 1).filter((n) => n % 3 === 0).length;
    const rows = await listOutbox(store.db);
    assert.equal(rows.length, failing, 'one notice per failing project');
    assert.ok(rows.every((r) => r.status === 'delivered'));
    const sent = readFileSync(sink, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { key: string });
    const keys = new Set(sent.map((s) => s.key));
    assert.deepEqual([...keys].sort(), rows.map((r) => idempotencyKey(r.id)).sort(), 'every notice received, under its own key');
    // the self-kill happened between a send and its mark: that row was sent again, with the same key
    assert.ok(sent.length > keys.size, 'the crash between send and mark was exercised');
    assert.ok(sent.length - keys.size <= 2, `at most the in-flight sends repeat (repeated ${sent.length - keys.size})`);
    assert.ok(existsSync(sink));
  } finally {
    await store.close();
  }
});
