// Runs the fuzz targets inside a worker thread whose heap is capped (resourceLimits), so an input
// that makes a parser hold too much memory ends the worker instead of passing unnoticed. Each
// input's CPU time is measured against the budget: on a machine shared with other work the wall
// time of one input says more about the neighbours than about the parser (the main thread only
// waits meanwhile, so the process's CPU time is this worker's, GC threads included). The wall
// time and the heap in use after each input are reported beside it; any exception is a failure.
import { parentPort, workerData } from 'node:worker_threads';
import { getHeapStatistics } from 'node:v8';
import fc from 'fast-check';
import { TARGETS } from './targets.js';

const { runs, budgetMs, seed } = workerData as { runs: number; budgetMs: number; seed: number };
const maxRepeated = Number(process.env.FUZZ_MAX_REPEATED ?? 128 * 1024);

for (const target of TARGETS) {
  parentPort!.postMessage({ kind: 'start', name: target.name });
  const fragment = fc.constantFrom(...target.fragments);
  const input = fc.oneof(
    fc.string({ maxLength: target.maxLength, unit: 'binary' }),
    fc.array(fc.oneof(fragment, fragment, fc.string({ maxLength: 12, unit: 'grapheme' })), { maxLength: 300 }).map((a) => a.join('')),
    // one fragment (or a pair) many times over: quadratic work shows here
    // up to 128 KiB (FUZZ_MAX_REPEATED): the size budget the YAML readers enforce, past any real file of these kinds
    fc
      .tuple(fragment, fragment, fc.integer({ min: 1, max: 20_000 }))
      .map(([a, b, n]) => (a + b).repeat(Math.min(n, Math.floor(maxRepeated / (a.length + b.length))))),
  );
  const budget = target.budgetMs?.ms ?? budgetMs;
  let ran = 0;
  let slowest = 0;
  let slowestWall = 0;
  let slowestInput = '';
  let maxHeap = 0;
  let failure: string | undefined;
  try {
    fc.assert(
      fc.property(input, (text) => {
        ran++;
        const started = performance.now();
        const cpu = process.cpuUsage();
        target.run(text);
        const used = process.cpuUsage(cpu);
        const ms = (used.user + used.system) / 1000;
        slowestWall = Math.max(slowestWall, performance.now() - started);
        // what the input left live or not yet collected: the cap (resourceLimits) is the bound, this the figure
        maxHeap = Math.max(maxHeap, getHeapStatistics().used_heap_size);
        if (ms > slowest) {
          slowest = ms;
          slowestInput = text.slice(0, 80);
        }
        if (ms > budget) throw new Error(`${Math.round(ms)} ms of CPU for one input of ${text.length} characters (budget ${budget} ms)`);
      }),
      { numRuns: runs, seed, endOnFailure: true },
    );
  } catch (err) {
    failure = (err as Error).message.slice(0, 1500);
  }
  parentPort!.postMessage({
    kind: 'done',
    name: target.name,
    ran,
    slowestMs: Math.round(slowest),
    slowestWallMs: Math.round(slowestWall),
    maxHeapMb: Math.round(maxHeap / 2 ** 20),
    slowestInput,
    failure,
  });
}
