// SUPPORT: where users and developers get help (GitHub links it from the new-issue page).
import type { CommunityFileKind } from '../kind.js';

export default {
  id: 'support',
  name: 'SUPPORT file',
  matches: (base) => /^support(\.(md|markdown|rst|txt|adoc))?$/i.test(base),
} satisfies CommunityFileKind;
