// `npm run bench:license`: runs the generated license corpus through Steward's detector and through
// licensee (Debian's ruby-licensee, installed when missing) in the same run, and prints accuracy
// per mutation class, permissive false positives and time per file for both.
//
// Both detectors are timed in-process per file (licensee inside one Ruby process, so Ruby's start-up
// is not counted against it), over PASSES passes each, keeping each file's fastest time: the machine
// is shared, and one busy moment should not decide the comparison. The first, cold call of each
// (loading its templates) is reported apart from the median.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCorpus, family, isCorrect, expectedKey, ALLOWLIST, type CorpusCase } from '../test/evidence/license/corpus.js';
import { identifyLicense } from '../src/evidence/license/identify.js';

const PASSES = 2;

const RUBY = `
require 'json'
require 'licensee'
cases = JSON.parse(File.read(ARGV[0]))
PASSES.times do |pass|
  cases.each do |c|
    t0 = Process.clock_gettime(Process::CLOCK_MONOTONIC)
    file = Licensee::ProjectFiles::LicenseFile.new(c['text'], 'LICENSE')
    lic = file.license
    ms = (Process.clock_gettime(Process::CLOCK_MONOTONIC) - t0) * 1000.0
    puts JSON.generate({ pass: pass, id: c['id'], spdx: lic && lic.spdx_id, key: lic && lic.key, confidence: file.confidence, ms: ms })
  end
end
`.replace('PASSES', String(PASSES));

interface Answer {
  key: string;
  permissive: boolean;
  /** fastest of the passes */
  ms: number;
  /** the first pass */
  cold: number;
}

const allowFamilies = new Set(ALLOWLIST.map(family));

function haveLicensee(): boolean {
  return spawnSync('ruby', ['-e', 'require "licensee"'], { stdio: 'ignore' }).status === 0;
}

function installLicensee(): boolean {
  console.log('licensee is missing: installing the Debian package ruby-licensee …');
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const run = (args: string[]) =>
    spawnSync(sudo.length ? 'sudo' : args[0]!, sudo.length ? args : args.slice(1), {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  if (run(['apt-get', 'install', '-y', 'ruby-licensee']).status !== 0) {
    run(['apt-get', 'update']);
    run(['apt-get', 'install', '-y', 'ruby-licensee']);
  }
  return haveLicensee();
}

function runLicensee(corpus: CorpusCase[]): Map<string, Answer> | null {
  if (!haveLicensee() && !installLicensee()) return null;
  const dir = mkdtempSync(join(tmpdir(), 'steward-bench-license-'));
  try {
    const input = join(dir, 'cases.json');
    writeFileSync(input, JSON.stringify(corpus.map((c) => ({ id: c.id, text: c.text }))));
    const r = spawnSync('ruby', ['-e', RUBY, input], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) {
      console.error(`licensee failed (exit ${r.status}): ${r.stderr.slice(0, 2000)}`);
      return null;
    }
    const out = new Map<string, Answer>();
    for (const line of r.stdout.split('\n')) {
      if (!line.startsWith('{')) continue;
      const j = JSON.parse(line) as { pass: number; id: string; spdx: string | null; ms: number };
      const spdx = j.spdx && j.spdx !== 'NOASSERTION' ? j.spdx : undefined;
      const prev = out.get(j.id);
      if (prev) {
        prev.ms = Math.min(prev.ms, j.ms);
        continue;
      }
      out.set(j.id, {
        key: spdx ? family(spdx) : 'unknown',
        permissive: spdx ? allowFamilies.has(family(spdx)) : false,
        ms: j.ms,
        cold: j.ms,
      });
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function runSteward(corpus: CorpusCase[]): { answers: Map<string, Answer>; strict: number } {
  const answers = new Map<string, Answer>();
  const strict = firstPass(corpus, answers);
  for (let pass = 1; pass < PASSES; pass++) {
    for (const c of corpus) {
      const t0 = performance.now();
      identifyLicense(c.text);
      const ms = performance.now() - t0;
      const a = answers.get(c.id);
      if (a) a.ms = Math.min(a.ms, ms);
    }
  }
  return { answers, strict };
}

function firstPass(corpus: CorpusCase[], answers: Map<string, Answer>): number {
  let strict = 0;
  for (const c of corpus) {
    const t0 = performance.now();
    const r = identifyLicense(c.text);
    const ms = performance.now() - t0;
    const key = r.spdx ? (r.modified ? `modified:${family(r.spdx)}` : family(r.spdx)) : 'unknown';
    const ids = r.expression ? r.expression.split(' OR ') : [];
    const permissive = !r.modified && ids.length > 0 && ids.some((id) => allowFamilies.has(family(id)));
    const secondOk = !c.expect.second || r.parts.some((p) => p.kind === 'license' && p.spdx === c.expect.second);
    if (key === expectedKey(c) && secondOk) strict++;
    answers.set(c.id, { key, permissive, ms, cold: ms });
  }
  return strict;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.floor(s.length / 2)]!;
}

function pct(n: number, d: number): string {
  return d === 0 ? '   -  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`;
}

const corpus = buildCorpus();
console.log(`corpus: ${corpus.length} cases, ${new Set(corpus.map((c) => c.license)).size} licenses`);
const steward = runSteward(corpus);
const licensee = runLicensee(corpus);
if (!licensee) console.log('licensee unavailable: only Steward is measured');

const classes = [...new Set(corpus.map((c) => c.mutation))];
console.log(`\n${'mutation class'.padEnd(18)} ${'cases'.padStart(5)}  ${'steward'.padStart(7)}  ${'licensee'.padStart(8)}`);
const tally = { s: 0, l: 0, sFp: 0, lFp: 0 };
const misses: string[] = [];
for (const cls of classes) {
  const cs = corpus.filter((c) => c.mutation === cls);
  let s = 0;
  let l = 0;
  for (const c of cs) {
    const a = steward.answers.get(c.id)!;
    if (isCorrect(c, a.key)) s++;
    else misses.push(`  steward  ${c.id}: expected ${expectedKey(c)}, got ${a.key}`);
    if (!c.expect.permissive && a.permissive) tally.sFp++;
    const b = licensee?.get(c.id);
    if (b && isCorrect(c, b.key)) l++;
    if (b && !c.expect.permissive && b.permissive) tally.lFp++;
  }
  tally.s += s;
  tally.l += l;
  console.log(
    `${cls.padEnd(18)} ${String(cs.length).padStart(5)}  ${pct(s, cs.length).padStart(7)}  ${licensee ? pct(l, cs.length).padStart(8) : '       -'}`,
  );
}
console.log(
  `${'overall'.padEnd(18)} ${String(corpus.length).padStart(5)}  ${pct(tally.s, corpus.length).padStart(7)}  ${licensee ? pct(tally.l, corpus.length).padStart(8) : '       -'}`,
);
console.log(
  `\nsteward strict (modified texts must be named as modified <id>, second licenses found): ${pct(steward.strict, corpus.length)}`,
);
console.log(`non-permissive or modified texts reported as permissive: steward ${tally.sFp}, licensee ${licensee ? tally.lFp : '-'}`);
const report = (name: string, answers: Map<string, Answer>) => {
  const ms = corpus.map((c) => answers.get(c.id)?.ms ?? NaN);
  const first = answers.get(corpus[0]!.id)?.cold ?? NaN;
  console.log(
    `time per file, median of best-of-${PASSES}: ${name} ${median(ms).toFixed(2)} ms (max ${Math.max(...ms).toFixed(1)} ms; first call, cold: ${first.toFixed(1)} ms)`,
  );
};
report('steward ', steward.answers);
if (licensee) report('licensee', licensee);
if (misses.length) console.log(`\nsteward misses:\n${misses.join('\n')}`);
