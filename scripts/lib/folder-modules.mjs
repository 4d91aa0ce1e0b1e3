// The bundle-time half of src/util/folder-modules.ts: esbuild cannot follow a folder listed at run
// time, so a registry (a folder's index.ts) that registers the folder's modules with `await folderModules(import.meta.url)`
// is handed to esbuild with that call replaced by static imports of the folder's modules, listed
// now by the same rule. Both build scripts (the CLI, the GitHub Action) use it, so a new file in a
// registry's folder is in every bundle without an edit elsewhere.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';

const CALL = 'folderModules(import.meta.url)';
const AWAITED = /await\s+folderModules\(import\.meta\.url\)/g;

/** the rule of src/util/folder-modules.ts isFolderModule (test/util/folder-modules.test.ts holds them equal) */
export function isFolderModule(name) {
  return /\.ts$/.test(name) && !/\.d\.ts$/.test(name) && name !== 'index.ts';
}

/** The source of `path` with its folder's modules imported statically, or undefined when it is no registry. */
export function withFolderModules(path, text) {
  if (basename(path) !== 'index.ts' || !text.includes(CALL)) return undefined;
  if (text.split(CALL).length - 1 !== (text.match(AWAITED) ?? []).length) {
    throw new Error(`${path}: folderModules(import.meta.url) must be awaited where it is called, as the build replaces the awaited call`);
  }
  const names = readdirSync(dirname(path))
    .filter(isFolderModule)
    .filter((n) => n !== basename(path))
    .sort();
  const imports = names.map((n, i) => `import * as __folderModule${i} from './${n}';\n`).join('');
  const list = `[${names.map((n, i) => `{ file: ${JSON.stringify(n)}, exports: __folderModule${i} }`).join(', ')}]`;
  return imports + text.replace(AWAITED, list);
}

/**
 * The esbuild plugin; `chain(path, text)` is another plugin's rewrite of the same sources (the
 * Action's), applied after this one as esbuild gives a file to one onLoad only.
 */
export function folderModulesPlugin(chain = (_path, text) => text) {
  return {
    name: 'folder-modules',
    setup(b) {
      b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        const listed = withFolderModules(args.path, text);
        const chained = chain(args.path, listed ?? text);
        if (listed === undefined && chained === text) return undefined;
        return { loader: 'ts', contents: chained };
      });
    },
  };
}
