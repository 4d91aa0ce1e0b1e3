// The web app under load: the generated demo with 200 projects served by `steward serve` in its
// own process on loopback, and autocannon (50 connections) against the projects page, a project
// page, a badge and the report API, beside /healthz (one `select 1`, no page) of the same server
// measured in the same run as the floor. Target: each page's p99 within the floor's + 40 ms.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { buildDemo } from '../src/demo/build.js';

const PROJECTS = 200;
const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const TARGET_MS = 40;

const dir = mkdtempSync(join(tmpdir(), 'steward-bench-http-'));
const t0 = Date.now();
const world = await buildDemo({ dir, projects: PROJECTS });
process.stderr.write(`demo with ${PROJECTS} projects built in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
const entry = fileURLToPath(new URL('../src/cli/run.ts', import.meta.url));
const child = spawn(process.execPath, ['--import', 'tsx', entry, 'serve', '--port', '0', '--data-dir', world.dataDir, '--landscape', world.landscapeFile], { env: { ...process.env, DATABASE_URL: '' }, stdio: ['ignore', 'pipe', 'inherit'] });
try {
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`steward serve exited ${code} before listening`)));
  });
  const projects = (await (await fetch(`${url}/api/projects`)).json()) as { projects: { id: string }[] };
  const id = projects.projects[Math.floor(projects.projects.length / 2)]!.id;
  const targets: [string, string][] = [
    ['floor: /healthz', '/healthz'],
    ['projects page /', '/'],
    [`project page /projects/${id}`, `/projects/${id}`],
    [`badge /badge/${id}.svg`, `/badge/${id}.svg`],
    [`report API /api/projects/${id}/report`, `/api/projects/${id}/report`],
  ];
  for (const [, path] of targets) {
    const res = await fetch(`${url}${path}`);
    if (res.status !== 200) throw new Error(`${path}: expected 200 before measuring, found ${res.status}`);
  }
  const rows: { name: string; rps: number; p99: number }[] = [];
  for (const [name, path] of targets) {
    // a short warm-up, so the first JIT and cache misses are not measured
    await autocannon({ url: `${url}${path}`, connections: 10, duration: 1 });
    const r = await autocannon({ url: `${url}${path}`, connections: CONNECTIONS, duration: SECONDS });
    if (r.non2xx > 0 || r.errors > 0) throw new Error(`${path}: ${r.non2xx} non-2xx answers and ${r.errors} errors under load`);
    rows.push({ name, rps: r.requests.average, p99: r.latency.p99 });
  }
  const floor = rows[0]!;
  const lines = [`HTTP, ${CONNECTIONS} connections, ${SECONDS} s each, ${PROJECTS} projects (${process.platform}, node ${process.version})`, ''];
  lines.push(`${'route'.padEnd(58)} ${'req/s'.padStart(8)} ${'p99 ms'.padStart(8)} ${'p99 - floor'.padStart(12)}`);
  let ok = true;
  for (const r of rows) {
    const over = r.p99 - floor.p99;
    const verdict = r === floor ? '' : over <= TARGET_MS ? '  ok' : `  OVER the +${TARGET_MS} ms target`;
    if (r !== floor && over > TARGET_MS) ok = false;
    lines.push(`${r.name.padEnd(58)} ${r.rps.toFixed(0).padStart(8)} ${r.p99.toFixed(0).padStart(8)} ${(r === floor ? '' : `+${over.toFixed(0)}`).padStart(12)}${verdict}`);
  }
  lines.push('', ok ? `every page's p99 is within the floor + ${TARGET_MS} ms` : `some page's p99 is more than ${TARGET_MS} ms over the floor`);
  process.stdout.write(lines.join('\n') + '\n');
  process.exitCode = ok ? 0 : 1;
} finally {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
}
