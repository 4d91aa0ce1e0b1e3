// PEP 508 requirement strings (`torch[cuda]>=2.0,<3 ; python_version >= "3.9"`, `torch @ https://…`)
// read leniently: what we need is the name, the specifier as written, a URL and the marker.

export interface Requirement508 {
  /** the name as written */
  name: string;
  /** PEP 503 normalised: lower case, runs of `-_.` as one `-` */
  normalized: string;
  extras: string[];
  /** the version specifier as written, without parentheses; `` when unbounded */
  specifier: string;
  url?: string;
  marker?: string;
}

const NAME = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*/;

export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** True for the distribution names that are PyTorch itself (`torch`, and the old `pytorch` alias). */
export function isTorchName(name: string): boolean {
  const n = normalizeName(name);
  return n === 'torch' || n === 'pytorch';
}

/** Parses one requirement; undefined when the text does not start with a distribution name. */
export function parsePep508(input: string): Requirement508 | undefined {
  if (input.length > 10_000) return undefined; // no real requirement is this long
  const m = NAME.exec(input);
  if (!m) return undefined;
  const name = m[1]!;
  let rest = input.slice(m[0].length);
  const extras: string[] = [];
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0) return undefined;
    for (const e of rest.slice(1, close).split(',')) if (e.trim()) extras.push(e.trim());
    rest = rest.slice(close + 1).trimStart();
  }
  let url: string | undefined;
  let marker: string | undefined;
  let specifier = '';
  if (rest.startsWith('@')) {
    // `name @ url ; marker`: the marker needs whitespace before `;` (a URL may hold `;`)
    const body = rest.slice(1).trim();
    const semi = body.search(/\s;/);
    url = (semi < 0 ? body : body.slice(0, semi)).trim();
    if (semi >= 0) marker = body.slice(semi).replace(/^\s*;/, '').trim() || undefined;
  } else {
    const semi = rest.indexOf(';');
    let spec = semi < 0 ? rest : rest.slice(0, semi);
    if (semi >= 0) marker = rest.slice(semi + 1).trim() || undefined;
    spec = spec.trim();
    if (spec.startsWith('(') && spec.endsWith(')')) spec = spec.slice(1, -1).trim();
    // anything else after the name must look like a specifier, or this was not a requirement
    if (spec && !/^[<>=!~]/.test(spec)) return undefined;
    specifier = spec.replace(/\s+/g, '');
  }
  const out: Requirement508 = { name, normalized: normalizeName(name), extras, specifier };
  if (url !== undefined) out.url = url;
  if (marker !== undefined) out.marker = marker;
  return out;
}
