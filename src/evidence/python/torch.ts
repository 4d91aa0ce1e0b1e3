// What a torch specifier says: its PEP 440 alternatives (Poetry, conda), the version a direct URL
// names, and the version of a release series it admits. Judging a project's declarations against
// the latest releases is the requirements' (requirements/judge-torch-support.ts).
import { satisfies, validRange } from '@renovatebot/pep440';
import type { TorchDeclaration } from '../types.js';

/** A specifier as one or more PEP 440 alternatives (Poetry and conda have `||` / `|`). */
export type Translation = { alternatives: string[] } | { error: string };

const OPS = /^(===|==|!=|~=|<=|>=|<|>|\^|~|=)?(.*)$/;

/** Drops a `+local` label: `torch==2.1.0+cu118` pins 2.1.0 for this purpose, and PEP 440 forbids locals in `>=`. */
function stripLocal(v: string): string {
  return v.replace(/\+[A-Za-z0-9.]*$/, '');
}

/** The numeric release parts of a version (`v2.10.1rc1` → 2, 10, 1). */
export function releaseParts(v: string): number[] | undefined {
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
