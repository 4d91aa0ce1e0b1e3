// The packaging formats Steward reads: every module in this folder is one, its default export the
// format's registration (../format.ts), its file name the format's id. Adding a format is adding
// its file; the bundles list the folder when they are built (src/util/folder-modules.ts).
import { pathParts, type PackagingFormat } from '../format.js';
import { folderModules, namedByFile } from '../../../util/folder-modules.js';

/** In the order metadata is read. */
export const PACKAGING_FORMATS: readonly PackagingFormat[] = (await folderModules(import.meta.url))
  .map(namedByFile<PackagingFormat>('src/evidence/python/formats', 'a packaging format'))
  .sort((a, b) => a.listed - b.listed || a.id.localeCompare(b.id));

/** The format a path is a file of, if any. */
export function packagingFormatOf(path: string): PackagingFormat | undefined {
  const parts = pathParts(path);
  return PACKAGING_FORMATS.find((f) => f.matches(parts));
}
