// The candidate templates normalised ahead of time. Normalising the ~50 SPDX texts costs about
// 70 ms, most of a cold `steward check`'s license work; the build writes the normalised tokens
// beside the bundled CLI (dist/bundle/license-templates.json) and the matcher reads them instead.
// Run from the TypeScript sources (tests, tsx) there is no such file and templates are normalised
// at first use, as before: the two paths give identical templates (tested).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface PreparedTemplate {
  spdx: string;
  kind: 'license' | 'appendix';
  tokens: string[];
  raw: string[];
  /** leading title tokens (see Template.optional) */
  optional: number;
}

interface PreparedFile {
  /** the candidate list and the SPDX list version the file was made from */
  key: string;
  templates: PreparedTemplate[];
}

export const PREPARED_FILE_NAME = 'license-templates.json';

export function preparedKey(candidateIds: readonly string[]): string {
  const require = createRequire(import.meta.url);
  const { version } = require('spdx-license-list/package.json') as { version: string };
  return `spdx-license-list@${version}:titles:${candidateIds.join(',')}`;
}

let candidateIdsForKey: readonly string[] | undefined;

/** Called by templates.ts with its candidate list, so the key check needs no import cycle. */
export function setPreparedCandidates(ids: readonly string[]): void {
  candidateIdsForKey = ids;
}

/** The prepared templates next to this module, or undefined when absent or made from other inputs. */
export function readPreparedTemplates(): PreparedTemplate[] | undefined {
  let file: PreparedFile;
  try {
    file = JSON.parse(readFileSync(new URL(`./${PREPARED_FILE_NAME}`, import.meta.url), 'utf8')) as PreparedFile;
  } catch {
    return undefined;
  }
  if (!candidateIdsForKey || file.key !== preparedKey(candidateIdsForKey)) return undefined;
  return file.templates;
}

export function writePreparedTemplates(path: string, key: string, templates: PreparedTemplate[]): void {
  writeFileSync(path, JSON.stringify({ key, templates } satisfies PreparedFile));
}
