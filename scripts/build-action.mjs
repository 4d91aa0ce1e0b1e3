// Builds the GitHub Action's entry point: action/dist/index.js, one file holding everything it runs
// (a JavaScript action runs from a checkout with nothing installed), beside the prepared license
// templates and default policy. `npm run build:action`; test/action checks the committed files equal
// a fresh build. `node scripts/build-action.mjs --out DIR` builds elsewhere (the test does).
//
// The sources load a few CommonJS packages lazily through createRequire(import.meta.url) (to keep
// `steward check` start-up cheap); an installed CLI finds them in node_modules, the action has none.
// Here those calls are pointed at a module that imports the same packages statically, so they are
// bundled. The store (better-sqlite3 is native) must not be reachable: the build fails if it is.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join, relative } from 'node:path';
import { folderModulesPlugin } from './lib/folder-modules.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outIndex = process.argv.indexOf('--out');
const outdir = outIndex > 0 ? process.argv[outIndex + 1] : join(root, 'action', 'dist');
rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });

const BUNDLED_REQUIRE = 'steward:bundled-require';
const bundledRequire = {
  name: 'bundled-require',
  setup(b) {
    b.onResolve({ filter: /^steward:bundled-require$/ }, () => ({ path: BUNDLED_REQUIRE, namespace: 'steward' }));
    b.onLoad({ filter: /.*/, namespace: 'steward' }, () => ({
      resolveDir: root,
      loader: 'js',
      contents: `
import * as yaml from 'yaml';
import spdxExpressionParse from 'spdx-expression-parse';
import spdxCorrect from 'spdx-correct';
import spdxListPackage from 'spdx-license-list/package.json';
const modules = { yaml, 'spdx-expression-parse': spdxExpressionParse, 'spdx-correct': spdxCorrect, 'spdx-license-list/package.json': spdxListPackage };
export function bundledRequire(id) {
  if (id in modules) return modules[id];
  throw new Error('the action bundle does not hold ' + id + ' (it holds ' + Object.keys(modules).join(', ') + '; the license templates come prepared beside it)');
}`,
    }));
  },
};
// esbuild gives a source to one onLoad only, so this rewrite runs inside the folder-modules plugin's
function withBundledRequire(_path, text) {
  if (!text.includes('createRequire(import.meta.url)')) return text;
  return (
    `import { bundledRequire as __stewardRequire } from '${BUNDLED_REQUIRE}';\n` +
    text.replaceAll('createRequire(import.meta.url)', '(() => __stewardRequire)()')
  );
}

const result = await build({
  absWorkingDir: root,
  entryPoints: { index: 'src/action/main.ts' },
  outdir,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: false,
  legalComments: 'eof',
  metafile: true,
  logLevel: 'warning',
  plugins: [bundledRequire, folderModulesPlugin(withBundledRequire)],
  // bundled CommonJS packages call require() for Node's own modules
  banner: {
    js: "import { createRequire as __stewardCreateRequire } from 'node:module';\nconst require = __stewardCreateRequire(import.meta.url);",
  },
});
const inputs = Object.keys(result.metafile.inputs);
const forbidden = inputs.filter((p) => /(^|\/)src\/store\/|better-sqlite3|(^|\/)pg\//.test(p));
if (forbidden.length) {
  console.error(`the action bundle reaches the store, which it must not (better-sqlite3 is native): ${forbidden.join(', ')}`);
  process.exit(1);
}
// the prepared license templates and policy, made by the same code as the CLI's (built apart, so a
// concurrent `npm run build` rewriting dist/bundle does not matter); two levels below the root, as
// the sources find data/ and node_modules from there
mkdirSync(join(root, 'dist'), { recursive: true });
const assetsDir = mkdtempSync(join(root, 'dist', 'action-assets-'));
try {
  await build({
    absWorkingDir: root,
    entryPoints: { 'build-assets': 'src/cli/build-assets.ts' },
    outdir: assetsDir,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    plugins: [folderModulesPlugin()],
    outExtension: { '.js': '.mjs' },
    logLevel: 'warning',
  });
  const { writeBuildAssets } = await import(pathToFileURL(join(assetsDir, 'build-assets.mjs')).href);
  writeBuildAssets(outdir);
} finally {
  rmSync(assetsDir, { recursive: true, force: true });
}
// the bundle is ESM whatever package.json is beside the checkout
writeFileSync(join(outdir, 'package.json'), '{ "type": "module" }\n');
console.log(`${relative(root, outdir)}/index.js: ${inputs.length} modules`);
