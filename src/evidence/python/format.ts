// What a packaging format registers (src/evidence/python/formats/<id>.ts, its default export): its
// id, the name the texts give it, which paths are its files, and its reader: a metadata file gives
// the package's name, torch requirements, classifiers, license and URLs; a declarations file only
// declares requirements (read all together, as one may include another).
import type { EvidenceProblem, FileMap, TorchDeclaration } from '../types.js';
import type { PackagingFacts } from './facts.js';

export interface PackagingFormat {
  /** its file name in formats/: `pyproject`, `requirements` */
  id: string;
  /** how the texts name it: `pyproject.toml` */
  name: string;
  /** metadata formats are read in this order (ascending); ties by id */
  listed: number;
  /** whether a path (relative to the repository's root, in parts) is one of its files */
  matches(path: PathParts): boolean;
  metadata?(file: string, text: string, problems: EvidenceProblem[]): PackagingFacts;
  declarations?(paths: string[], files: FileMap, problems: EvidenceProblem[]): TorchDeclaration[];
}

export interface PathParts {
  /** `a/b/c.txt` is 3 */
  depth: number;
  base: string;
  dir: string;
}

/** A path in parts, worked out once: every path of the tree is asked about (300 000 in a large one). */
export function pathParts(path: string): PathParts {
  const slash = path.lastIndexOf('/');
  let depth = 1;
  for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) depth++;
  return { depth, base: path.slice(slash + 1), dir: path.slice(0, Math.max(0, slash)) };
}
