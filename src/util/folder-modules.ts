// A registry that is a folder: every module beside the registry's index is one entry, so adding an
// entry is adding its file. Run from the sources (tsx, the tests) the folder is listed here; a bundle
// has no folder to list, so the build scripts replace the awaited call in a registry (the folder's
// index.ts) with static imports of the same files, listed at bundle time (scripts/lib/folder-modules.mjs,
// whose rule for which files count must stay the one below).
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Whether a file in a registry's folder is an entry: a module that is not the index itself. */
export function isFolderModule(name: string): boolean {
  return /\.ts$/.test(name) && !/\.d\.ts$/.test(name) && name !== 'index.ts';
}

/**
 * The modules of the folder holding `url` (the registry's own `import.meta.url`), each with the
 * file name it came from, in name order.
 */
export async function folderModules(url: string): Promise<FolderModule[]> {
  const dir = dirname(fileURLToPath(url));
  const names = readdirSync(dir).filter(isFolderModule).sort();
  return Promise.all(
    names.map(async (file) => ({ file, exports: (await import(pathToFileURL(`${dir}/${file}`).href)) as Record<string, unknown> })),
  );
}

/**
 * A registry's entry from one of its folder's modules: the module's default export, whose id must
 * be the file's name, as evidence stores that id and is judged by looking it up (a module copied to
 * a new file and left with the old id would replace the first one). `folder` and `what` name the
 * registry in the error. A registry writes
 * `(await folderModules(import.meta.url)).map(namedByFile<T>(folder, what))`: the build replaces only
 * the awaited call, so the bundle holds `REGISTRY = [{ file, exports }, …].map(…)`, the shape
 * test/util/folder-modules.test.ts looks for.
 */
export function namedByFile<T extends { id: string }>(folder: string, what: string): (module: FolderModule) => T {
  return ({ file, exports }) => {
    const entry = exports.default as T | undefined;
    if (entry?.id !== file.replace(/\.ts$/, '')) {
      throw new Error(`${folder}/${file}: its default export must be ${what} whose id is the file's name`);
    }
    return entry;
  };
}

export interface FolderModule {
  /** the file name in the folder: `buildkite.ts` */
  file: string;
  exports: Record<string, unknown>;
}
