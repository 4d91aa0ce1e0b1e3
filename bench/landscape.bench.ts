// Landscape: a generated 10 000-item landscape.yml validated (logo files included) and exported
// (landscape2 projects JSON and landscape.yml), against the floor of a bare `yaml` parse of the
// same text, measured in the same run. Target: validate + export under 1 s.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { parseLandscapeSource } from '../src/landscape/source.js';
import { landscapeFromSource } from '../src/landscape/read.js';
import { validateSource } from '../src/landscape/validate.js';
import { exportLandscape, exportProjectsJson } from '../src/landscape/export.js';
import { generateLandscape, SAFE_SVG } from '../test/landscape/sample.js';

const N = 10_000;
const RUNS = 5;
const text = generateLandscape(N);
const dir = mkdtempSync(join(tmpdir(), 'steward-bench-landscape-'));
const logos = join(dir, 'hosted_logos');
mkdirSync(logos);
for (let i = 0; i < N; i++) writeFileSync(join(logos, `project-${i}.svg`), SAFE_SVG);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const floor: number[] = [];
const full: number[] = [];
let summary = '';
try {
  for (let r = 0; r < RUNS; r++) {
    let t = performance.now();
    parseDocument(text);
    floor.push(performance.now() - t);

    t = performance.now();
    const src = parseLandscapeSource(text, join(dir, 'landscape.yml'));
    const result = validateSource(src, { logosDir: logos });
    const landscape = landscapeFromSource(src);
    const json = JSON.stringify(exportProjectsJson(landscape.items, { select: 'all' }));
    const yaml = exportLandscape(landscape.items);
    full.push(performance.now() - t);
    if (result.items !== N || result.errors.length)
      throw new Error(`expected ${N} clean items, got ${result.items} with ${result.errors.length} errors`);
    summary = `${result.items} items, ${result.errors.length} errors, ${result.warnings.length} warnings; JSON ${json.length} bytes, YAML ${yaml.length} bytes`;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const f = median(floor);
const m = median(full);
console.log(`landscape bench: ${N} items, ${(text.length / 1e6).toFixed(2)} MB of YAML, median of ${RUNS} runs`);
console.log(`  ${summary}`);
console.log(`  floor (bare yaml parseDocument): ${f.toFixed(0)} ms`);
console.log(
  `  validate (logo files included) + export JSON + YAML: ${m.toFixed(0)} ms  (${(m / f).toFixed(2)}× the floor; best ${Math.min(...full).toFixed(0)} ms)`,
);
console.log(`  target < 1000 ms: ${m < 1000 ? 'met' : 'NOT met'}`);
