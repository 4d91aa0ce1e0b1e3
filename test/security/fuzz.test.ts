// Door: every parser of untrusted text, fuzzed with fast-check. Each input must parse without an
// exception within a CPU-time budget, in a worker whose heap is capped (the memory bound: an input
// that needs more ends the worker and fails the test); each parser's line says how many inputs
// ran, the most CPU and wall time one took, and the most heap in use after one.
// `npm test` runs 30 inputs per parser; `npm run fuzz` runs FUZZ_RUNS (default 5000).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TARGETS } from './fuzz/targets.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 5_000);
const HEAP_MB = 256;
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
// a long run (FUZZ_RUNS set, as `npm run fuzz` does) writes each parser's result as it finishes,
// so a run stopped part way still says what ran; and its time limit grows with the runs
const PROGRESS = process.env.FUZZ_RUNS ? (process.env.FUZZ_LOG ?? join(tmpdir(), `steward-fuzz-${SEED}.log`)) : undefined;
const TIMEOUT_MS = Math.max(15 * 60_000, RUNS * TARGETS.length * 150);

test(
  `fuzz: ${TARGETS.length} parsers × ${RUNS} inputs, ≤ ${BUDGET_MS} ms of CPU each, heap ≤ ${HEAP_MB} MB`,
  { timeout: TIMEOUT_MS },
  async () => {
    if (PROGRESS)
      appendFileSync(PROGRESS, `${new Date().toISOString()} fuzz started: ${TARGETS.length} parsers × ${RUNS} inputs (seed ${SEED})\n`);
    const results: {
      name: string;
      ran: number;
      slowestMs: number;
      slowestWallMs: number;
      maxHeapMb: number;
      slowestInput: string;
      failure?: string;
    }[] = [];
    const line = (r: (typeof results)[number]) =>
      `fuzz ${r.name}: ${r.ran} inputs, slowest ${r.slowestMs} ms CPU (${r.slowestWallMs} ms wall), heap ≤ ${r.maxHeapMb} MB after an input${r.failure ? ` — FAILED: ${r.failure.split('\n')[0]}` : ''}`;
    let current = '';
    const exit = await new Promise<{ code: number; error?: Error }>((resolve) => {
      const worker = new Worker(new URL('./fuzz/boot.mjs', import.meta.url), {
        workerData: { runs: RUNS, budgetMs: BUDGET_MS, seed: SEED },
        resourceLimits: { maxOldGenerationSizeMb: HEAP_MB, maxYoungGenerationSizeMb: 32 },
      });
      let error: Error | undefined;
      worker.on('message', (m: { kind: string; name: string } & (typeof results)[number]) => {
        if (m.kind === 'start') current = m.name;
        else {
          results.push(m);
          if (PROGRESS) appendFileSync(PROGRESS, `${new Date().toISOString()} ${line(m)}\n`);
        }
      });
      worker.on('error', (e) => (error = e));
      worker.on('exit', (code) => resolve({ code, ...(error ? { error } : {}) }));
    });
    let total = 0;
    for (const r of results) {
      total += r.ran;
      console.log(line(r));
    }
    console.log(`fuzz: ${total} inputs over ${results.length} parsers (seed ${SEED})`);
    assert.equal(
      exit.code,
      0,
      `the fuzz worker ended while fuzzing ${current}: ${exit.error?.message ?? `exit ${exit.code}`} (heap limit ${HEAP_MB} MB)`,
    );
    assert.equal(results.length, TARGETS.length);
    for (const r of results) {
      assert.equal(r.failure, undefined, `${r.name}: ${r.failure}`);
      assert.equal(r.ran, RUNS, r.name);
    }
  },
);
