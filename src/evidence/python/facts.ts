// What each packaging-file reader returns; index.ts merges these into PythonEvidence.
import type { TorchDeclaration } from '../types.js';

export interface PackagingFacts {
  name?: { name: string; line?: number };
  torch: TorchDeclaration[];
  classifiers: string[];
  license: { value: string; kind: 'expression' | 'text' | 'file' | 'classifier' }[];
  urls: Record<string, string>;
}

export function emptyFacts(): PackagingFacts {
  return { torch: [], classifiers: [], license: [], urls: {} };
}

/** 1-based number of the first line at or after `from` (0-based) containing `needle`. */
export function lineOf(lines: string[], needle: string, from = 0): number | undefined {
  if (!needle) return undefined;
  for (let i = Math.max(0, from); i < lines.length; i++) if (lines[i]!.includes(needle)) return i + 1;
  return undefined;
}

/** A file path's depth: `a/b/c.txt` is 3. */
export function depth(path: string): number {
  return path.split('/').length;
}

/** Requirement files and environments named for development, tests, docs or examples. */
export function looksOptional(path: string): boolean {
  return /(^|[/_.-])(dev|devel|develop|test|tests|testing|doc|docs|lint|ci|bench|benchmarks?|examples?|tutorials?|notebooks?|optional|extras?|style|typing|mypy)([/_.-]|$)/i.test(
    path,
  );
}
