// The community files gathered as typed facts: every module in this folder is one, its default
// export the kind's registration (../kind.ts), its file name the kind's id. Adding one is adding
// its file; the bundles list the folder when they are built (src/util/folder-modules.ts).
import type { CommunityFileKind } from '../kind.js';
import { folderModules, namedByFile } from '../../../util/folder-modules.js';

export const COMMUNITY_FILE_KINDS: readonly CommunityFileKind[] = (await folderModules(import.meta.url)).map(
  namedByFile<CommunityFileKind>('src/evidence/community/kinds', 'a community file'),
);
