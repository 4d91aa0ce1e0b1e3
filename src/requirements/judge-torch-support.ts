// Which of the latest torch feature releases a project's declarations admit, judged for
// requirements 1 and 10 and the early warning: all three judge through judgeTorchSupport(), so
// they can never disagree about the same declarations. The declarations are the evidence's.
import type { TorchDeclaration } from '../evidence/types.js';
import { AUXILIARY_DIR } from '../evidence/python/choose.js';
import { admittingVersion, releaseParts, toPep440, versionFromUrl, type Translation } from '../evidence/python/torch.js';

export interface TorchAdmission {
  declaration: TorchDeclaration;
  /** 0 install metadata, 1 conda recipe run, 2 requirements / environment files, 3 build-time, 4 optional */
  rank: number;
  /** per release series: admitted, or null when the specifier can't be read */
  admitted: Record<string, boolean | null>;
  /** the version that showed admission, per series */
  via: Record<string, string>;
  error?: string;
}

export type TorchOutcome = 'admits-all' | 'excludes-latest' | 'excludes-older' | 'undeclared' | 'indeterminate' | 'no-releases';

export interface TorchJudgement {
  /** the latest N feature release series as of the date, newest first (`2.11`, `2.10`) */
  releases: string[];
  declarations: TorchAdmission[];
  /** the declarations the outcome rests on: the best-ranked tier present */
  judged: TorchAdmission[];
  admitted: Record<string, boolean | null>;
  outcome: TorchOutcome;
  /** every judged declaration is optional (extras, dependency groups, dev requirements) */
  optionalOnly: boolean;
}

/**
 * A requirements or environment file that serves the documentation, examples, tutorials,
 * notebooks or benchmarks: it says what those need, not what the project declares (skorch keeps
 * torch out of its own dependencies and lists it only in docs/ and examples/ requirements).
 */
export function isAuxiliary(d: TorchDeclaration): boolean {
  // a research baseline's or an example's own packaging pins what it was run with, not what the project supports
  return AUXILIARY_DIR.test(d.file);
}

export function rankOf(d: TorchDeclaration): number {
  if (d.optional) return 4;
  if (/^(build-system|setup_requires|conda-recipe:(build|host))/.test(d.scope)) return 3;
  if (d.scope.startsWith('conda-recipe')) return 1;
  if (/(^|\/)(pyproject\.toml|setup\.cfg|setup\.py)$/.test(d.file)) return 0;
  return 2;
}

/** The latest `n` feature-release series published on or before `asOf`, newest first. */
export function latestSeries(releases: { version: string; date: string }[], asOf: Date, n: number): string[] {
  const day = asOf.toISOString().slice(0, 10);
  const series = new Map<string, number[]>();
  for (const r of releases) {
    if (typeof r?.date !== 'string' || r.date.slice(0, 10) > day) continue;
    const parts = releaseParts(String(r.version));
    if (!parts) continue;
    const key = `${parts[0]}.${parts[1] ?? 0}`;
    series.set(key, [parts[0]!, parts[1] ?? 0]);
  }
  return [...series.entries()]
    .sort((a, b) => b[1][0]! - a[1][0]! || b[1][1]! - a[1][1]!)
    .slice(0, Math.max(0, n))
    .map(([k]) => k);
}

export function admissionOf(d: TorchDeclaration, releases: string[]): TorchAdmission {
  const out: TorchAdmission = { declaration: d, rank: rankOf(d), admitted: {}, via: {} };
  let translation: Translation;
  if (d.url !== undefined) {
    const v = versionFromUrl(d.url);
    translation = v ? { alternatives: [`==${v}`] } : { error: `a direct URL (${d.url}) names no torch version` };
  } else {
    translation = toPep440(d.specifier, d.syntax);
  }
  for (const r of releases) {
    if ('error' in translation) {
      out.admitted[r] = null;
      continue;
    }
    const v = admittingVersion(translation.alternatives, r);
    out.admitted[r] = v !== undefined;
    if (v) out.via[r] = v;
  }
  if ('error' in translation) out.error = translation.error;
  return out;
}

export function judgeTorchSupport(
  declarations: TorchDeclaration[],
  releaseList: { version: string; date: string }[],
  asOf: Date,
  n: number,
): TorchJudgement {
  const releases = latestSeries(releaseList, asOf, n);
  const all = declarations.map((d) => admissionOf(d, releases));
  // auxiliary files are reported with the rest but never make torch declared
  const primary = all.filter((a) => !isAuxiliary(a.declaration));
  const best = Math.min(...primary.map((a) => a.rank));
  const judged = primary.filter((a) => a.rank === best);
  const admitted: Record<string, boolean | null> = {};
  for (const r of releases) {
    const values = judged.map((a) => a.admitted[r]);
    admitted[r] = values.includes(false) ? false : values.includes(null) ? null : true;
  }
  let outcome: TorchOutcome;
  if (primary.length === 0) outcome = 'undeclared';
  else if (releases.length < n || releases.length === 0) outcome = 'no-releases';
  else if (admitted[releases[0]!] === false) outcome = 'excludes-latest';
  else if (releases.some((r) => admitted[r] === false)) outcome = 'excludes-older';
  else if (releases.some((r) => admitted[r] === null)) outcome = 'indeterminate';
  else outcome = 'admits-all';
  return { releases, declarations: all, judged, admitted, outcome, optionalOnly: judged.length > 0 && best === 4 };
}

/**
 * A specifier that admits every release in `releases` (oldest last), keeping the lower bounds
 * that already do: `>=1.13,<2.0` becomes `>=1.13`; `==1.10.0` becomes `>=2.10`.
 */
export function suggestSpecifier(d: TorchDeclaration, releases: string[]): string {
  const oldest = releases[releases.length - 1] ?? '2.0';
  const fallback = `>=${oldest}`;
  const t = d.url === undefined ? toPep440(d.specifier, d.syntax) : undefined;
  if (!t || 'error' in t || t.alternatives.length !== 1) return fallback;
  const kept = t.alternatives[0]!.split(',')
    .filter((c) => /^(>=|>)/.test(c))
    .filter((c) => releases.every((r) => admittingVersion([c], r) !== undefined));
  const candidate = kept.join(',');
  return candidate && releases.every((r) => admittingVersion([candidate], r) !== undefined) ? candidate : fallback;
}
