// Builds FileMaps from path → text for the CI readers' tests.
import type { FileBlob, FileMap } from '../../../src/evidence/types.js';

export function fileMap(files: Record<string, string | Partial<FileBlob>>): FileMap {
  const out: FileMap = {};
  for (const [path, v] of Object.entries(files)) {
    out[path] = typeof v === 'string' ? { path, size: Buffer.byteLength(v), text: v } : { path, size: 0, ...v };
  }
  return out;
}
