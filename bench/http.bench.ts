// The web app under load: the generated demo with 200 projects served by `steward serve` in its
// own process on loopback, and autocannon (50 connections) against the projects page, a project
// page, a badge and the report API, beside /healthz (one `select 1`, no page) of the same server
// measured in the same run as the floor, each asked as a browser asks (Accept-Encoding: gzip).
// Target: each page's p99 within the floor's + 40 ms.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { buildDemo } from '../src/demo/build.js';
import { startServe } from '../test/support/serve-process.js';

const PROJECTS = 200;
const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const TARGET_MS = 40;
// what a browser sends: the public answers are kept gzipped beside the plain body
const HEADERS = { 'accept-encoding': 'gzip, deflate, br' };

const dir = mkdtempSync(join(tmpdir(), 'steward-bench-http-'));
const t0 = Date.now();
const world = await buildDemo({ dir, projects: PROJECTS });
process.stderr.write(`demo with ${PROJECTS} projects built in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
const server = await startServe(['--port', '0', '--data-dir', world.dataDir, '--landscape', world.landscapeFile], {
  env: { ...process.env, DATABASE_URL: '' },
  stderr: 'inherit',
});
try {
  const url = server.url;
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
    await autocannon({ url: `${url}${path}`, connections: 10, duration: 1, headers: HEADERS });
    const r = await autocannon({ url: `${url}${path}`, connections: CONNECTIONS, duration: SECONDS, headers: HEADERS });
    if (r.non2xx > 0 || r.errors > 0) throw new Error(`${path}: ${r.non2xx} non-2xx answers and ${r.errors} errors under load`);
    rows.push({ name, rps: r.requests.average, p99: r.latency.p99 });
  }
  const floor = rows[0]!;
  const lines = [
    `HTTP, ${CONNECTIONS} connections, ${SECONDS} s each, ${PROJECTS} projects, Accept-Encoding: ${HEADERS['accept-encoding']} (${process.platform}, node ${process.version})`,
    '',
  ];
  lines.push(`${'route'.padEnd(58)} ${'req/s'.padStart(8)} ${'p99 ms'.padStart(8)} ${'p99 - floor'.padStart(12)}`);
  let ok = true;
  for (const r of rows) {
    const over = r.p99 - floor.p99;
    const verdict = r === floor ? '' : over <= TARGET_MS ? '  ok' : `  OVER the +${TARGET_MS} ms target`;
    if (r !== floor && over > TARGET_MS) ok = false;
    lines.push(
      `${r.name.padEnd(58)} ${r.rps.toFixed(0).padStart(8)} ${r.p99.toFixed(0).padStart(8)} ${(r === floor ? '' : `+${over.toFixed(0)}`).padStart(12)}${verdict}`,
    );
  }
  lines.push(
    '',
    ok ? `every page's p99 is within the floor + ${TARGET_MS} ms` : `some page's p99 is more than ${TARGET_MS} ms over the floor`,
  );
  process.stdout.write(lines.join('\n') + '\n');
  process.exitCode = ok ? 0 : 1;
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
