// GitHub Actions `strategy.matrix` expansion with GitHub's include/exclude rules, and
// `${{ matrix.x.y }}` substitution. GitHub refuses matrices over 256 jobs; so do we, by
// falling back to "every value appears once" instead of the full product.

export type Combo = Record<string, unknown>;

export const MAX_JOBS = 256;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Equality of plain YAML values, iterative so a deeply nested value cannot exhaust the stack. */
export function sameValue(a: unknown, b: unknown): boolean {
  const stack: [unknown, unknown][] = [[a, b]];
  let budget = 100_000;
  while (stack.length) {
    if (--budget < 0) return false;
    const [x, y] = stack.pop()!;
    if (x === y) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
    if (Array.isArray(x) !== Array.isArray(y)) return false;
    const kx = Object.keys(x);
    const ky = Object.keys(y);
    if (kx.length !== ky.length) return false;
    for (const k of kx) stack.push([(x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k]]);
  }
  return true;
}

export interface Expansion {
  combos: Combo[];
  /** why the result is an approximation (too many jobs, a matrix computed at run time) */
  note?: string;
}

export function expandMatrix(matrix: unknown): Expansion {
  if (matrix === undefined || matrix === null) return { combos: [{}] };
  if (typeof matrix === 'string') return { combos: [{}], note: `the matrix is computed at run time (${matrix.slice(0, 80)})` };
  if (!isObject(matrix)) return { combos: [{}], note: 'the matrix is not a mapping' };
  const keys = Object.keys(matrix).filter((k) => k !== 'include' && k !== 'exclude');
  const values = keys.map((k) => {
    const v = matrix[k];
    // a value computed at run time (`${{ fromJSON(...) }}`) stays as its expression
    return Array.isArray(v) ? v : [v];
  });
  let note: string | undefined;
  let combos: Combo[] = [];
  const size = values.reduce((n, v) => n * Math.max(1, v.length), 1);
  if (keys.length === 0) {
    combos = [];
  } else if (size <= MAX_JOBS) {
    combos = [{}];
    keys.forEach((k, i) => {
      const next: Combo[] = [];
      for (const c of combos) for (const v of values[i]!.length ? values[i]! : [undefined]) next.push({ ...c, [k]: v });
      combos = next;
    });
  } else {
    note = `the matrix has ${size} combinations, more than GitHub's ${MAX_JOBS}; each value is counted once instead`;
    const longest = Math.min(MAX_JOBS, Math.max(...values.map((v) => v.length)));
    for (let i = 0; i < longest; i++) {
      const c: Combo = {};
      keys.forEach((k, j) => (c[k] = values[j]![i % Math.max(1, values[j]!.length)]));
      combos.push(c);
    }
  }
  const exclude = Array.isArray(matrix.exclude) ? matrix.exclude.slice(0, MAX_JOBS).filter(isObject) : [];
  combos = combos.filter((c) => !exclude.some((e) => Object.keys(e).every((k) => partialMatch(c[k], e[k]))));
  const include = Array.isArray(matrix.include) ? matrix.include.slice(0, MAX_JOBS).filter(isObject) : [];
  const original = new Set(keys);
  const base = combos.length;
  for (const inc of include) {
    let added = false;
    // an include extends every original combination whose original values it does not overwrite
    for (let i = 0; i < base; i++) {
      const c = combos[i]!;
      if (Object.keys(inc).every((k) => !original.has(k) || sameValue(c[k], inc[k]))) {
        Object.assign(c, inc);
        added = true;
      }
    }
    if (!added) combos.push({ ...inc });
  }
  if (combos.length === 0) combos = [{}];
  return note ? { combos: combos.slice(0, MAX_JOBS), note } : { combos: combos.slice(0, MAX_JOBS) };
}

/** An exclude entry matches when its given keys match (and, for objects, the keys it gives). */
function partialMatch(value: unknown, pattern: unknown): boolean {
  if (isObject(pattern) && isObject(value)) return Object.keys(pattern).every((k) => sameValue(value[k], pattern[k]));
  return sameValue(value, pattern);
}

const EXPR = /\$\{\{\s*([^}]*?)\s*\}\}/g;

/**
 * Substitutes `${{ matrix.a.b }}` from a combination. An expression that is anything else
 * stays unresolved; the quoted labels inside it (`cond && 'ubuntu-latest' || 'windows-latest'`)
 * are returned as the possibilities.
 */
export function substitute(text: string, combo: Combo): string[] {
  let unresolved: string | undefined;
  const out = text.replace(EXPR, (whole, inner: string) => {
    const m = /^matrix((?:\.[\w-]+)+)$/.exec(inner.trim());
    if (m) {
      let v: unknown = combo;
      for (const part of m[1]!.slice(1).split('.')) v = isObject(v) ? v[part] : undefined;
      if (typeof v === 'string' || typeof v === 'number') return String(v);
    }
    unresolved = inner;
    return whole;
  });
  if (unresolved === undefined) return [out];
  // `cond && 'a' || 'b'`: the values follow && and ||; a literal after == is only compared with
  const chosen = [...unresolved.matchAll(/(?:&&|\|\|)\s*'([^']+)'/g)].map((m) => m[1]!);
  const literals = chosen.length ? chosen : [...unresolved.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
  return literals.length > 0 && out.trim() === text.trim() && /^\s*\$\{\{[^}]*\}\}\s*$/.test(text) ? literals : [out];
}
