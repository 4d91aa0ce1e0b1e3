// License identification by content (requirements 7 and 15).
import type { EvidenceProblem, FileMap, LicenseEvidence, PythonEvidence, TreeEntry } from '../types.js';

export function wantsLicenseFile(_path: string): boolean {
  return false;
}

export function extractLicense(
  _tree: TreeEntry[],
  _files: FileMap,
  _python: PythonEvidence,
  _problems: EvidenceProblem[],
): LicenseEvidence {
  return { files: [], signals: [], disagreements: [], thirdParty: [] };
}
