// Builds the CLI that `bin/steward.js` runs: one ESM bundle (with a chunk per lazily loaded
// command) under dist/bundle, plus what a cold start would otherwise compute: the license
// templates normalised and the default policy parsed. A bundle
// because loading ~150 modules one by one cost about a quarter of a `steward check` start-up;
// type-checking is `npm run typecheck`, apart from this. `node scripts/build.mjs --out dist/NAME`
// builds elsewhere (scripts/run-tests.mjs does, for the CLI the tests run); the folder must be two
// levels below the root, as the sources find data/ and node_modules from there.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { folderModulesPlugin } from './lib/folder-modules.mjs';

// Packages every command loads at start-up are bundled too: kysely alone is some 90 small ES
// modules that node would resolve and load one by one, about 40% of the CPU of a `steward people
// list`. The rest stay in node_modules: native (better-sqlite3), or loaded only by some commands.
const BUNDLED_PACKAGES = new Set(['kysely', 'commander', 'picocolors']);
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      const parts = args.path.split('/');
      const name = args.path.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
      return BUNDLED_PACKAGES.has(name) ? undefined : { path: args.path, external: true };
    });
  },
};

const root = fileURLToPath(new URL('..', import.meta.url));
const outIndex = process.argv.indexOf('--out');
const outdir = outIndex > 0 ? resolve(root, process.argv[outIndex + 1]) : `${root}dist/bundle`;
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
  plugins: [externalPackages, folderModulesPlugin()],
  // commander is CommonJS: its require() of node's modules needs a require in the ES module
  banner: {
    js: "import { createRequire as __stewardCreateRequire } from 'node:module';\nconst require = __stewardCreateRequire(import.meta.url);",
  },
  sourcemap: true,
  logLevel: 'warning',
});
const { writeBuildAssets } = await import(`${outdir}/build-assets.js`);
writeBuildAssets(outdir);
