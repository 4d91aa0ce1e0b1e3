// The CI systems Steward reads: every module in this folder is one, its default export the
// system's registration (src/evidence/ci/system.ts), its file name the system's id. Adding a system
// is adding its file: the gatherer, the working-CI texts and the functional-testing texts all derive
// from this list, and the bundles list the folder when they are built (src/util/folder-modules.ts).
import type { CiSystemReader } from '../system.js';
import { folderModules, type FolderModule } from '../../../util/folder-modules.js';

/** The registrations of a folder's modules: each its default export, named by its file. */
function registrations(modules: FolderModule[]): CiSystemReader[] {
  return modules.map(({ file, exports }) => {
    const system = exports.default as CiSystemReader | undefined;
    if (system?.id !== file.replace(/\.ts$/, '')) {
      throw new Error(`src/evidence/ci/systems/${file}: its default export must be a CI system whose id is the file's name`);
    }
    return system;
  });
}

/** In the order the texts name them. */
export const CI_SYSTEMS: readonly CiSystemReader[] = registrations(await folderModules(import.meta.url)).sort(
  (a, b) => a.listed - b.listed || a.id.localeCompare(b.id),
);

/** The system whose configuration file a path is, if any. */
export function ciSystemOf(path: string): CiSystemReader | undefined {
  return CI_SYSTEMS.find((s) => s.matches(path));
}

/** A system by the id stored in evidence; undefined for an id no longer registered. */
export function ciSystemById(id: string): CiSystemReader | undefined {
  return CI_SYSTEMS.find((s) => s.id === id);
}

/** The configuration files a report names when none was found: `.github/workflows/*.yml, .gitlab-ci.yml, …`. */
export function ciFilesShown(): string {
  return CI_SYSTEMS.map((s) => s.shownAs).join(', ');
}
