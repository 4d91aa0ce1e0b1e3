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

export interface FolderModule {
  /** the file name in the folder: `buildkite.ts` */
  file: string;
  exports: Record<string, unknown>;
}
