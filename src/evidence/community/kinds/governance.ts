// GOVERNANCE: how decisions are made and who makes them; its opening is quoted for a reviewer.
import type { CommunityFileKind } from '../kind.js';
import { governanceExcerpt } from '../governance.js';

export default {
  id: 'governance',
  name: 'GOVERNANCE file',
  matches: (base) => /^governance([._-][^/]*)?$/i.test(base),
  read(text) {
    const excerpt = governanceExcerpt(text);
    return excerpt !== undefined ? { excerpt } : {};
  },
} satisfies CommunityFileKind;
