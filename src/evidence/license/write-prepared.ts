// Build step: writes the normalised candidate templates beside the bundle (see prepared.ts).
import { join } from 'node:path';
import { CANDIDATE_IDS, prepareTemplates } from './templates.js';
import { PREPARED_FILE_NAME, preparedKey, writePreparedTemplates } from './prepared.js';

export function writePrepared(dir: string): string {
  const path = join(dir, PREPARED_FILE_NAME);
  writePreparedTemplates(path, preparedKey(CANDIDATE_IDS), prepareTemplates());
  return path;
}
