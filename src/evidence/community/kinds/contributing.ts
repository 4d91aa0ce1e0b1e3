// CONTRIBUTING: how to contribute (GitHub links it when an issue or pull request is opened).
import type { CommunityFileKind } from '../kind.js';

export default {
  id: 'contributing',
  name: 'CONTRIBUTING file',
  matches: (base) => /^contributing([._-][^/]*)?$/i.test(base),
} satisfies CommunityFileKind;
