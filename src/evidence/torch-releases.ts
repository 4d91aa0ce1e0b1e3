// The torch feature releases known at a date: the bundled list (data/torch-releases.json), or a
// file given by the caller or by STEWARD_TORCH_RELEASES (a newer list without a new Steward).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InputError } from '../util/errors.js';

export const BUNDLED_TORCH_RELEASES = fileURLToPath(new URL('../../data/torch-releases.json', import.meta.url));

export interface TorchRelease {
  version: string;
  date: string;
}

/** The list file to read: the argument, else STEWARD_TORCH_RELEASES, else the bundled one. */
export function torchReleasesFile(file?: string): string {
  return file ?? (process.env.STEWARD_TORCH_RELEASES || BUNDLED_TORCH_RELEASES);
}

/** Every release in a list file, validated; an entry of the wrong shape is an input error naming it. */
export function readTorchReleases(file: string): TorchRelease[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new InputError(`cannot read the torch release list ${file}: ${(err as Error).message}`);
  }
  const list = (raw as { releases?: unknown } | null)?.releases;
  if (!Array.isArray(list)) throw new InputError(`${file}: expected {"releases": [{"version", "date"}...]}, found ${JSON.stringify(raw)?.slice(0, 80)}`);
  return list.map((r: unknown, i) => {
    const e = r as Partial<TorchRelease> | null;
    if (typeof e?.version !== 'string' || !/^\d+\.\d+(\.\d+)?$/.test(e.version) || typeof e.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(e.date)) {
      throw new InputError(`${file}: releases[${i}]: expected {"version": "X.Y.Z", "date": "YYYY-MM-DD"}, found ${JSON.stringify(r)?.slice(0, 120)}`);
    }
    return { version: e.version, date: e.date };
  });
}

/** Releases published on or before `asOf` (its UTC day), newest first. */
export function torchReleasesAt(asOf: Date, file?: string): TorchRelease[] {
  const day = asOf.toISOString().slice(0, 10);
  return readTorchReleases(torchReleasesFile(file))
    .filter((r) => r.date <= day)
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}
