// The CI systems Steward reads: every module in this folder is one, its default export the
// system's registration (src/evidence/ci/system.ts), its file name the system's id. Adding a system
// is adding its file: the gatherer, the working-CI texts and the functional-testing texts all derive
// from this list, and the bundles list the folder when they are built (src/util/folder-modules.ts).
import type { CiSystemReader } from '../system.js';
import { folderModules, namedByFile } from '../../../util/folder-modules.js';

/** In the order the texts name them. */
export const CI_SYSTEMS: readonly CiSystemReader[] = (await folderModules(import.meta.url))
  .map(namedByFile<CiSystemReader>('src/evidence/ci/systems', 'a CI system'))
  .sort((a, b) => a.listed - b.listed || a.id.localeCompare(b.id));

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
