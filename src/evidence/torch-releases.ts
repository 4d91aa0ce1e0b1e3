// The torch feature releases known at a date: the bundled list (data/torch-releases.json), or a file.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InputError } from '../util/errors.js';

export const BUNDLED_TORCH_RELEASES = fileURLToPath(new URL('../../data/torch-releases.json', import.meta.url));

export interface TorchRelease {
  version: string;
  date: string;
}

/** Releases published on or before `asOf`, newest first. */
export function torchReleasesAt(asOf: Date, file = BUNDLED_TORCH_RELEASES): TorchRelease[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new InputError(`cannot read the torch release list ${file}: ${(err as Error).message}`);
  }
  const list = (raw as { releases?: unknown }).releases;
  if (!Array.isArray(list)) throw new InputError(`${file}: expected {"releases": [{"version", "date"}...]}`);
  const day = asOf.toISOString().slice(0, 10);
  return list
    .filter((r): r is TorchRelease => typeof r?.version === 'string' && typeof r?.date === 'string')
    .filter((r) => r.date <= day)
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}
