// The torch release list a judgement of requirements 1 and 10 rests on: which list, of which
// date, and whether it can be trusted at the evaluation date. A list months older than the
// evaluation date, or one that does not know a torch version the repository names, judges
// "the latest two releases" against the wrong pair; such a judgement goes to a reviewer.
import { versionFromUrl } from '../evidence/python/torch.js';
import type { Evidence, TorchReleaseListInfo } from '../evidence/types.js';

/** About four months: longer than the usual gap between torch feature releases. */
export const STALE_LIST_DAYS = 122;

export interface TorchListFacts {
  /** the list as a reader would name it */
  name: string;
  /** the day the list was written or fetched, when it says */
  asOf?: string;
  /** the newest release it knows on or before the evaluation date */
  newest?: { version: string; date: string };
  /** why the judgement cannot rest on this list, when it cannot */
  concern?: string;
  /** versions the repository names that the list does not know */
  unknownVersions: string[];
}

function nameOf(info: TorchReleaseListInfo | undefined): string {
  if (!info) return 'the torch release list';
  switch (info.why) {
    case 'bundled':
      return 'the bundled torch release list';
    case 'pypi':
      return `PyPI's torch releases (${info.source})`;
    case 'user':
      return `the refreshed torch release list ${info.source}`;
    default:
      return `the torch release list ${info.source}`;
  }
}

function series(v: string): [number, number] | undefined {
  const m = /^(\d+)\.(\d+)/.exec(v);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/** Versions a declaration says exist: those it pins or requires at least (not `<` or `!=` bounds). */
function namedVersions(specifier: string, url: string | undefined): string[] {
  if (url !== undefined) {
    const v = versionFromUrl(url);
    return v ? [v] : [];
  }
  const out: string[] = [];
  for (const m of specifier.matchAll(/(===|==|~=|>=|<=|>|\^|~|=)?\s*v?(\d+\.\d+(?:\.\d+)?)/g)) {
    // `<2.13` and `!=2.13` name a version only to keep it out
    const before = specifier.slice(Math.max(0, (m.index ?? 0) - 1), m.index ?? 0);
    if (/[<!]/.test(before)) continue;
    out.push(m[2]!);
  }
  return out;
}

export function torchListFacts(evidence: Evidence, asOf: Date): TorchListFacts {
  const info = evidence.torchReleaseList;
  const name = nameOf(info);
  const newest = [...evidence.torchReleases].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))[0];
  const known = newest ? series(newest.version) : undefined;
  const unknown = new Set<string>();
  if (known) {
    for (const d of evidence.python.torch) {
      for (const v of namedVersions(d.specifier, d.url)) {
        const s = series(v);
        if (s && (s[0] > known[0] || (s[0] === known[0] && s[1] > known[1]))) unknown.add(v);
      }
    }
  }
  const facts: TorchListFacts = {
    name,
    ...(info?.asOf ? { asOf: info.asOf } : {}),
    ...(newest ? { newest } : {}),
    unknownVersions: [...unknown],
  };
  const concerns: string[] = [];
  if (info?.asOf && /^\d{4}-\d{2}-\d{2}/.test(info.asOf)) {
    const age = Math.floor((asOf.getTime() - Date.parse(`${info.asOf.slice(0, 10)}T00:00:00Z`)) / 86_400_000);
    if (age > STALE_LIST_DAYS)
      concerns.push(
        `${name} is from ${info.asOf.slice(0, 10)}, ${age} days before the evaluation date, longer than torch's usual release cadence, so newer releases may be missing`,
      );
  }
  if (unknown.size > 0) {
    concerns.push(
      `the repository names torch ${[...unknown].join(', ')}, which ${name} does not know (its newest is ${newest!.version} of ${newest!.date})`,
    );
  }
  if (concerns.length) facts.concern = concerns.join('; ');
  return facts;
}

/** How the list is named in a summary: `the bundled torch release list of 2026-11-27 (newest 2.11.0, 2026-03-23)`. */
export function describeList(f: TorchListFacts): string {
  const parts = [f.asOf ? `${f.name} of ${f.asOf.slice(0, 10)}` : f.name];
  if (f.newest) parts.push(`(newest ${f.newest.version}, ${f.newest.date})`);
  return parts.join(' ');
}

export const REFRESH_FIX = 'Refresh the torch release list with `steward data refresh` (or check online, which asks PyPI) and check again.';
