// SECURITY: how to report a vulnerability.
import type { CommunityFileKind } from '../kind.js';

export default {
  id: 'security',
  name: 'SECURITY file',
  matches: (base) => /^security(\.(md|markdown|rst|txt|adoc))?$/i.test(base),
} satisfies CommunityFileKind;
