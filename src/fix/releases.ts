// What a repository's tags say about how it releases: the versioning scheme the tag names follow
// and the cadence their dates show. Written into a README "Releases" section by `steward fix`, so
// it describes what the project does, not what a template would like it to do.
import type { Evidence } from '../evidence/types.js';
import { gitLines } from '../evidence/git/run.js';

export interface TagDate {
  name: string;
  date: string;
}

export interface ReleaseHistory {
  tags: TagDate[];
  /** `semantic versioning (MAJOR.MINOR.PATCH)`, `calendar versioning (YYYY.MM)` … or undefined when mixed */
  versioning?: string;
  /** tag prefix seen (`v`) */
  prefix: string;
  /** median days between consecutive releases over the last year's releases (or all, when fewer than 3 there) */
  medianDays?: number;
  /** releases in the year to asOf */
  lastYear: number;
}

const SEMVER = /^(v?)(\d+)\.(\d+)\.(\d+)(?:[-.]?(?:a|b|rc|alpha|beta|post|dev)[.\d]*)?$/i;
const TWO_PART = /^(v?)(\d+)\.(\d+)$/;
const CALVER = /^(v?)(20\d\d)[.-](0?[1-9]|1[0-2])(?:[.-]\d+)*$/;

/** Tags dated at or before asOf (tagger date, else the commit's), oldest first. */
export async function readTagDates(evidence: Evidence): Promise<TagDate[]> {
  const limit = new Date(evidence.asOf).getTime();
  const out: TagDate[] = [];
  await gitLines(['for-each-ref', '--format=%(refname:strip=2)%00%(creatordate:unix)', 'refs/tags'], { cwd: evidence.repo.root }, (line) => {
    const [name, t] = line.split('\0');
    const ms = Number(t) * 1000;
    if (name && Number.isFinite(ms) && ms <= limit) out.push({ name, date: new Date(ms).toISOString() });
  });
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.name < b.name ? -1 : 1));
}

function scheme(names: string[]): { versioning?: string; prefix: string } {
  const prefixed = names.filter((n) => /^v\d/.test(n)).length;
  const prefix = prefixed * 2 > names.length ? 'v' : '';
  const all = (re: RegExp) => names.length > 0 && names.filter((n) => re.test(n)).length >= Math.ceil(names.length * 0.8);
  if (all(CALVER)) return { versioning: 'calendar versioning (YEAR.MONTH…)', prefix };
  if (all(SEMVER)) return { versioning: 'semantic versioning (MAJOR.MINOR.PATCH)', prefix };
  if (all(TWO_PART)) return { versioning: 'MAJOR.MINOR version numbers', prefix };
  return { prefix };
}

function median(xs: number[]): number | undefined {
  if (xs.length === 0) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1]! + s[m]!) / 2;
}

export function describeReleases(tags: TagDate[], asOf: string): ReleaseHistory {
  const asOfMs = new Date(asOf).getTime();
  const yearAgo = asOfMs - 365 * 86_400_000;
  const recent = tags.filter((t) => new Date(t.date).getTime() > yearAgo);
  const basis = recent.length >= 3 ? recent : tags;
  const gaps: number[] = [];
  for (let i = 1; i < basis.length; i++) gaps.push((new Date(basis[i]!.date).getTime() - new Date(basis[i - 1]!.date).getTime()) / 86_400_000);
  const m = median(gaps);
  const s = scheme(tags.map((t) => t.name));
  return { tags, ...s, ...(m !== undefined ? { medianDays: Math.round(m) } : {}), lastYear: recent.length };
}

function cadence(days: number): string {
  if (days <= 10) return 'about every week';
  if (days <= 21) return 'about every two weeks';
  if (days <= 45) return 'about every month';
  if (days <= 75) return 'about every two months';
  if (days <= 120) return 'about every three months';
  if (days <= 240) return 'about every six months';
  return 'about once a year or less often';
}

/** The README section, or undefined when there is no tag to describe. */
export function releasesSection(h: ReleaseHistory, heading = '##'): string | undefined {
  const latest = h.tags[h.tags.length - 1];
  if (!latest) return undefined;
  const lines: string[] = [`${heading} Releases`, ''];
  const how = h.versioning ? `Releases follow ${h.versioning}` : 'Releases are tagged in git';
  const tagForm = h.prefix ? ` and are tagged \`${h.prefix}<version>\`` : '';
  lines.push(`${how}${tagForm}. The latest is \`${latest.name}\` (${latest.date.slice(0, 10)}).`);
  if (h.medianDays !== undefined) {
    lines.push(`${h.tags.length} releases have been tagged; they come out ${cadence(h.medianDays)} (a median of ${h.medianDays} days between releases${h.lastYear >= 3 ? ', over the last year' : ''}).`);
  }
  lines.push('Each release is a git tag; its changes are the commits since the previous tag.');
  return lines.join('\n') + '\n';
}
