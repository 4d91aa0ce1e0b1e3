// `npm run bench:online`: online evidence for 500 generated repositories against the loopback
// GitHub and PyPI/anaconda stand-ins with 50 ms added to every answer. Prints requests per
// repository cold (target ≤ 3 to GitHub) and warm (target 0 billable when unchanged), wall time
// against a floor (the round trips a repository needs at that latency, at the same concurrency)
// and peak memory.
import { rmSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeGitHub } from '../test/support/fake-github.js';
import { FakePyPI } from '../test/support/fake-pypi.js';
import { createOnlineSession, gatherOnline, type OnlineSession } from '../src/evidence/online/index.js';

const REPOS = Number(process.env.BENCH_REPOS ?? 500);
const LATENCY = Number(process.env.BENCH_LATENCY_MS ?? 50);
const PARALLEL = Number(process.env.BENCH_PARALLEL ?? 16);

const gh = new FakeGitHub({ tokens: { bench: { limit: 100_000 } }, latencyMs: LATENCY });
const pypi = new FakePyPI();
pypi.latencyMs = LATENCY;

function generate(): void {
  for (let i = 0; i < REPOS; i++) {
    const owner = `org${i % 50}`;
    gh.addRepo({
      owner,
      name: `proj${i}`,
      stars: (i * 37) % 900,
      license: i % 3 ? 'Apache-2.0' : 'MIT',
      archived: i % 97 === 0,
      runs: Array.from({ length: 1 + (i % 4) }, (_, k) => ({
        name: `wf${k}`,
        workflowId: k + 1,
        branch: 'main',
        conclusion: (i + k) % 5 ? ('success' as const) : ('failure' as const),
        updatedAt: `2026-11-${String(1 + (k % 25)).padStart(2, '0')}T00:00:00Z`,
      })),
      ...(i % 4 ? { latestRelease: { name: `v${i}`, tagName: `v${i}`, publishedAt: '2026-10-01T00:00:00Z' } } : {}),
      contributing: i % 2 === 0,
    });
    if (i % 3 !== 2) {
      pypi.addProject({
        name: `proj${i}`,
        releases: i % 5 ? { '1.0': [{ filename: `proj${i}-1.0-py3-none-any.whl` }] } : { '0.1': [{ filename: `proj${i}-0.1.tar.gz` }] },
        requiresDist: { '1.0': ['torch>=2.0'] },
        projectUrls: { Source: `https://github.com/${owner}/proj${i}` },
      });
    }
    if (i % 7 === 0) pypi.addConda({ channel: 'conda-forge', name: `proj${i}`, versions: ['1.0'], platforms: ['noarch'] });
  }
  for (let o = 0; o < 50; o += 2)
    gh.addRepo({
      owner: `org${o}`,
      name: '.github',
      stars: 0,
      files: { 'CODE_OF_CONDUCT.md': 'Be kind.' },
      codeOfConduct: { key: 'other', name: 'Other' },
    });
}

async function pass(session: OnlineSession): Promise<{ ms: number; errors: number }> {
  const t0 = performance.now();
  let next = 0;
  let errors = 0;
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= REPOS) return;
      const owner = `org${i % 50}`;
      const { online } = await gatherOnline(
        { host: 'github', slug: `${owner}/proj${i}`, webUrl: `https://github.com/${owner}/proj${i}` },
        { distribution: { name: `proj${i}`, file: 'pyproject.toml' } },
        { session },
      );
      if (Object.keys(online.errors).length) errors++;
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return { ms: performance.now() - t0, errors };
}

function per(n: number): string {
  return (n / REPOS).toFixed(2);
}

async function main(): Promise<void> {
  generate();
  await gh.start();
  await pypi.start();
  const cacheDir = mkdtempSync(join(tmpdir(), 'steward-bench-online-'));
  const newSession = () =>
    createOnlineSession({
      tokens: [{ token: 'bench', origin: 'bench' }],
      cacheDir,
      baseUrls: { github: gh.url, pypi: pypi.url, conda: pypi.url },
    });
  try {
    console.log(`online evidence: ${REPOS} repositories, ${LATENCY} ms added latency, ${PARALLEL} repositories at a time`);
    for (const label of ['cold', 'warm (unchanged, new process-like session, same disk cache)']) {
      gh.log = [];
      pypi.log = [];
      const s = newSession();
      const { ms, errors } = await pass(s);
      const ghBillable = gh.billable;
      const pypiReq = pypi.log.filter((l) => l.path.startsWith('/pypi/')).length;
      const condaReq = pypi.log.filter((l) => l.path.startsWith('/package/')).length;
      const pypiBillable = pypi.log.filter((l) => l.status !== 304).length;
      // floor: GitHub needs two round trips per repository cold (REST ∥ GraphQL, then runs), one warm (both probes at once)
      const trips = label === 'cold' ? 2 : 1;
      const floorMs = (REPOS / PARALLEL) * trips * LATENCY;
      console.log(`\n${label}`);
      console.log(`  GitHub requests/repo   ${per(gh.requests)}  (billable ${per(ghBillable)}, 304s ${per(gh.notModified)})`);
      console.log(
        `  PyPI requests/repo     ${per(pypiReq)}  conda requests/repo ${per(condaReq)}  (billable together ${per(pypiBillable)})`,
      );
      console.log(
        `  client counters        github ${s.counters.github.requests} sent / ${s.counters.github.notModified} not modified / ${s.counters.github.reused} GraphQL answers reused; rate limit left ${s.counters.github.rateLimitRemaining}`,
      );
      console.log(
        `  wall time              ${(ms / 1000).toFixed(2)} s  (floor ${(floorMs / 1000).toFixed(2)} s, ratio ${(ms / floorMs).toFixed(2)})`,
      );
      console.log(`  repositories with errors ${errors}`);
    }
    const peak = process.resourceUsage().maxRSS / 1024;
    console.log(`\npeak memory (max RSS, whole process incl. the stand-in servers) ${peak.toFixed(0)} MiB`);
  } finally {
    await gh.stop();
    await pypi.stop();
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

await main();
