// RELEASE: the release methodology, cadence and criteria. RELEASING.md and RELEASE_PROCESS.md say
// the same; release notes (RELEASE_NOTES, RELEASES, CHANGELOG) do not.
import type { CommunityFileKind } from '../kind.js';

export default {
  id: 'release',
  name: 'RELEASE file',
  matches: (base) => /^(release|releasing|release[_-](process|policy|guide))(\.(md|markdown|rst|txt|adoc))?$/i.test(base),
} satisfies CommunityFileKind;
