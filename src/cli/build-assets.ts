// Build step: writes beside the bundle what a cold start would otherwise compute: the normalised
// license templates (see prepared.ts) and the default policy parsed and validated (policy/load.ts).
import { join } from 'node:path';
import { CANDIDATE_IDS, prepareTemplates } from '../evidence/license/templates.js';
import { PREPARED_FILE_NAME, preparedKey, writePreparedTemplates } from '../evidence/license/prepared.js';
import { PREPARED_POLICY_FILE_NAME, preparedDefaultPolicy } from '../policy/load.js';
import { writeFileSync } from 'node:fs';

export function writeBuildAssets(dir: string): string {
  const path = join(dir, PREPARED_FILE_NAME);
  writePreparedTemplates(path, preparedKey(CANDIDATE_IDS), prepareTemplates());
  writeFileSync(join(dir, PREPARED_POLICY_FILE_NAME), JSON.stringify(preparedDefaultPolicy()));
  return path;
}
