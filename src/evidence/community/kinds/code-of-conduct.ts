// CODE_OF_CONDUCT: which code the file holds is read with it (./code-of-conduct.ts).
import type { CommunityFileKind } from '../kind.js';
import { classifyCodeOfConduct } from '../code-of-conduct.js';

export default {
  id: 'code-of-conduct',
  name: 'CODE_OF_CONDUCT file',
  matches: (base) => /^code[_-]of[_-]conduct([._-][^/]*)?$/i.test(base),
  read: (text) => ({ codeOfConduct: classifyCodeOfConduct(text) }),
} satisfies CommunityFileKind;
