// What a community file registers (src/evidence/community/kinds/<id>.ts, its default export): its
// id (the key of its facts in `evidence.community.files`), the name the texts give it, and which
// base names it takes in GitHub's places. The gatherer reads every registered kind once; rules
// judge the facts and never read the file.
import type { CommunityFileFound } from '../types.js';
export interface CommunityFileKind {
  /** stored in the evidence (`community.files.<id>`): never renamed once released */
  id: string;
  /** how the texts name it: `SECURITY file` */
  name: string;
  /** whether a base name (any case) is one of these files */
  matches(base: string): boolean;
  /** what it reads from a usable file's text beyond its presence (a governance text's opening, which code of conduct) */
  read?(text: string): Pick<CommunityFileFound, 'excerpt' | 'codeOfConduct'>;
}
