// Which torch feature releases a project's declared specifiers admit. Requirements 1 and 10 both
// judge through judgeTorchSupport(), so they can never disagree about the same declarations.
import { satisfies, validRange } from '@renovatebot/pep440';
import type { TorchDeclaration } from '../types.js';
import { AUXILIARY_DIR } from './choose.js';

/** A specifier as one or more PEP 440 alternatives (Poetry and conda have `||` / `|`). */
export type Translation = { alternatives: string[] } | { error: string };

const OPS = /^(===|==|!=|~=|<=|>=|<|>|\^|~|=)?(.*)$/;

/** Drops a `+local` label: `torch==2.1.0+cu118` pins 2.1.0 for this purpose, and PEP 440 forbids locals in `>=`. */
function stripLocal(v: string): string {
  return v.replace(/\+[A-Za-z0-9.]*$/, '');
}

function releaseParts(v: string): number[] | undefined {
  const m = /^v?(\d+(?:\.\d+)*)/.exec(v);
  return m ? m[1]!.split('.').map(Number) : undefined;
}

function poetryClause(clause: string): string | undefined {
  const m = OPS.exec(clause)!;
  const op = m[1] ?? '';
  const v = stripLocal(m[2]!.trim());
  if (v === '*' || (op === '' && v === '')) return '';
  if (op === '^' || op === '~') {
    const parts = releaseParts(v);
    if (!parts) return undefined;
    let upper: number[];
    if (op === '~') {
      upper = parts.length === 1 ? [parts[0]! + 1] : [parts[0]!, parts[1]! + 1];
    } else {
      let i = parts.findIndex((p) => p !== 0);
      if (i < 0) i = parts.length - 1;
      upper = [...parts.slice(0, i), parts[i]! + 1];
    }
    return `>=${v},<${upper.join('.')}`;
  }
  if (op === '' || op === '=') return v.endsWith('*') ? `==${v.replace(/\.?\*$/, '')}.*` : `==${v}`;
  return `${op}${v}`;
}

function condaClause(clause: string): string | undefined {
  const m = OPS.exec(clause)!;
  const op = m[1] ?? '';
  let v = stripLocal(m[2]!.trim());
  if (v === '*' || (op === '' && v === '')) return '';
  const glob = v.endsWith('*');
  v = v.replace(/\.?\*$/, '');
  if (!v) return '';
  // conda: `=2.1` and a bare `2.1` are fuzzy (2.1.*), `==2.1` is exact
  if (op === '' || op === '=') return `==${v}.*`;
  if (op === '==' || op === '!=') return glob ? `${op}${v}.*` : `${op}${v}`;
  if (op === '^' || op === '~') return undefined;
  return `${op}${v}`;
}

/** Turns a declared specifier into PEP 440 alternatives, or says why it can't be read. */
export function toPep440(specifier: string, syntax: TorchDeclaration['syntax'] = 'pep440'): Translation {
  const spec = specifier.trim();
  if (spec.length > 1000) return { error: `a ${spec.length}-character specifier is not a version constraint` };
  if (spec.includes('{{') || spec.includes('${{') || spec.includes('{%')) {
    return { error: `a template expression (${spec}) decides the version at build time` };
  }
  if (syntax === 'pep440') {
    const clauses = spec
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean);
    const cleaned = clauses.map(stripLocal).join(',');
    return validRange(cleaned) ? { alternatives: [cleaned] } : { error: `\`${spec}\` is not a PEP 440 specifier` };
  }
  const alternatives: string[] = [];
  for (const alt of spec.split(syntax === 'poetry' ? /\|\|?/ : /\|/)) {
    // `>= 2.0 , < 3` and Poetry's space-separated `>=2.0 <3`
    const clauses = alt
      .replace(/([<>=!~^]+)\s+/g, '$1')
      .split(/[\s,]+/)
      .filter(Boolean);
    const out: string[] = [];
    for (const c of clauses) {
      const t = syntax === 'poetry' ? poetryClause(c) : condaClause(c);
      if (t === undefined) return { error: `\`${spec}\` is not a ${syntax} version constraint` };
      if (t) out.push(t);
    }
    const joined = out.join(',');
    if (!validRange(joined)) return { error: `\`${spec}\` is not a ${syntax} version constraint` };
    alternatives.push(joined);
  }
  return { alternatives };
}

/** A torch wheel URL names its version (`torch-2.1.0+cu118-cp311-…whl`); other URLs don't. */
export function versionFromUrl(url: string): string | undefined {
  const m = /(?:^|\/)torch-(\d+(?:\.\d+)+)(?:[+%][^-]*)?-[^/]*\.whl(?:$|[?#])/i.exec(url);
  return m ? m[1] : undefined;
}

/**
 * The version in the X.Y series that satisfies the alternatives, if any. Admission can only change
 * at the versions a specifier names, so X.Y.0, each named X.Y.z and the patch after it are
 * enough to decide (`>2.10.0` and `==2.10.1` admit 2.10 through 2.10.1).
 */
export function admittingVersion(alternatives: string[], series: string): string | undefined {
  for (const alt of alternatives) {
    const candidates = new Set([`${series}.0`]);
    for (const m of alt.matchAll(/\d+(?:\.\d+)*/g)) {
      const parts = m[0].split('.').map(Number);
      if (`${parts[0]}.${parts[1] ?? 0}` !== series) continue;
      const patch = parts[2] ?? 0;
      candidates.add(`${series}.${patch}`).add(`${series}.${patch + 1}`);
    }
    for (const v of candidates) if (satisfies(v, alt)) return v;
  }
  return undefined;
}

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
