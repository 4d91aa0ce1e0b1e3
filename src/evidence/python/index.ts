// Python packaging metadata: distribution name, torch declarations, classifiers, license metadata.
import type { FileExtractor, PythonEvidence } from '../types.js';

export const pythonExtractor: FileExtractor<PythonEvidence> = {
  name: 'python',
  wants: () => false,
  extract: () => ({ torch: [], classifiers: [], licenseMeta: [], urls: {}, files: [] }),
};
