// Builds the CLI that `bin/steward.js` runs: one ESM bundle (with a chunk per lazily loaded
// command) under dist/bundle, plus what a cold start would otherwise compute: the license
// templates normalised and the default policy parsed. A bundle
// because loading ~150 modules one by one cost about a quarter of a `steward check` start-up;
// type-checking is `npm run typecheck`, apart from this.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/bundle`;
rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { run: 'src/cli/run.ts', 'build-assets': 'src/cli/build-assets.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
const { writeBuildAssets } = await import(`${outdir}/build-assets.js`);
writeBuildAssets(outdir);
