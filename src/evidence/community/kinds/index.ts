// The community files gathered as typed facts: every module in this folder is one, its default
// export the kind's registration (../kind.ts), its file name the kind's id. Adding one is adding
// its file; the bundles list the folder when they are built (src/util/folder-modules.ts).
import type { CommunityFileKind } from '../kind.js';
import { folderModules } from '../../../util/folder-modules.js';

export const COMMUNITY_FILE_KINDS: readonly CommunityFileKind[] = (await folderModules(import.meta.url)).map(({ file, exports }) => {
  const kind = exports.default as CommunityFileKind | undefined;
  if (kind?.id !== file.replace(/\.ts$/, '')) {
    throw new Error(`src/evidence/community/kinds/${file}: its default export must be a community file whose id is the file's name`);
  }
  return kind;
});
