// License evidence from files on disk, for `steward license`: one license text identified
// whatever its name, or a project directory (its root license files, LICENSES/ as REUSE lays it
// out, and the packaging files whose metadata names a license). The CLI only prints the result.
import { lstatSync, readdirSync, readlinkSync, statSync, type Stats } from 'node:fs';
import { basename, join } from 'node:path';
import type { EvidenceProblem, FileBlob, LicenseEvidence, LicenseFileEvidence, TreeEntry } from '../types.js';
import { extractLicense, wantsLicenseFile } from './index.js';
import { identifyLicense } from './identify.js';
import { extractPython, packagingKind } from '../python/index.js';
import { InputError } from '../../util/errors.js';
import { readRegularFile } from '../../util/read-file.js';

const READ_LIMIT = 4 * 1024 * 1024;

/** One file as the gatherers store it: text when it is UTF-8, flagged when binary, cut at 4 MiB. */
export function readBlob(abs: string, rel: string): FileBlob {
  // a FIFO or a device is refused, not read: the read would wait for a writer forever
  const { bytes, size } = readRegularFile(abs, READ_LIMIT);
  const blob: FileBlob = { path: rel, size };
  if (size > READ_LIMIT) blob.truncated = true;
  if (bytes.subarray(0, 8192).includes(0)) return { ...blob, binary: true };
  try {
    return { ...blob, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ...blob, invalidUtf8: true, text: new TextDecoder('utf-8').decode(bytes) };
  }
}

export interface LocalLicense {
  evidence: LicenseEvidence;
  /** the path named a directory (a project), not one file */
  directory: boolean;
}

/** The license evidence of `path`, a license file or a project directory; InputError when nothing can be read there. */
export function licenseAt(path: string, problems: EvidenceProblem[]): LocalLicense {
  let stat: Stats;
  try {
    stat = statSync(path);
  } catch (err) {
    throw new InputError(
      `expected a license file or a project directory, found nothing readable at ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  if (stat.isDirectory()) {
    const names = readdirSync(path);
    const rels = [...names, ...(names.includes('LICENSES') ? readdirSync(join(path, 'LICENSES')).map((n) => `LICENSES/${n}`) : [])];
    const tree: TreeEntry[] = [];
    const files: Record<string, FileBlob> = {};
    for (const rel of rels.sort()) {
      const abs = join(path, rel);
      const st = lstatSync(abs);
      if (!st.isFile() && !st.isSymbolicLink()) continue;
      tree.push({ path: rel, mode: st.isSymbolicLink() ? '120000' : '100644', type: 'blob', oid: '' });
      if (!wantsLicenseFile(rel) && packagingKind(rel) === undefined) continue;
      files[rel] = st.isSymbolicLink() ? { path: rel, size: 0, symlinkTarget: readlinkSync(abs) } : readBlob(abs, rel);
    }
    return { evidence: extractLicense(tree, files, extractPython(files, problems), problems), directory: true };
  }
  const rel = basename(path);
  const blob = readBlob(path, rel);
  const evidence = extractLicense(
    [{ path: rel, mode: '100644', type: 'blob', oid: '' }],
    { [rel]: blob },
    { torch: [], classifiers: [], licenseMeta: [], urls: {}, files: [] },
    problems,
  );
  if (evidence.files.length > 0) return { evidence, directory: false };
  // A single file is identified whatever its name.
  const r = identifyLicense(blob.text ?? (blob.binary ? '\u0000' : ''));
  const f: LicenseFileEvidence = {
    path: rel,
    confidence: r.confidence,
    method: r.method,
    ...(r.spdx ? { spdx: r.spdx } : {}),
    ...(r.expression ? { expression: r.expression } : {}),
    ...(r.modified ? { modified: true } : {}),
    differences: r.differences,
    parts: r.parts,
    ...(r.reason ? { reason: r.reason } : {}),
    restrictions: r.restrictions,
    ...(r.closest ? { closest: r.closest } : {}),
  };
  return { evidence: { ...evidence, files: [f], ...(r.expression && !r.modified ? { expression: r.expression } : {}) }, directory: false };
}
