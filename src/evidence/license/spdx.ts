// SPDX ids and expressions as projects write them: parsing `MIT OR Apache-2.0`, correcting
// free text (`Apache 2.0`), mapping Trove classifiers. Judging an expression against a policy's
// allowlist is the requirements' (requirements/judge-license-expression.ts). The two SPDX
// packages are CommonJS and loaded on first use.
import { createRequire } from 'node:module';

export type ExpressionNode =
  { license: string; plus?: boolean; exception?: string } | { left: ExpressionNode; conjunction: 'and' | 'or'; right: ExpressionNode };

let parser: ((s: string) => ExpressionNode) | undefined;
let corrector: ((s: string, opts?: { upgrade?: boolean }) => string | null) | undefined;

function load(): void {
  if (parser && corrector) return;
  const require = createRequire(import.meta.url);
  parser = require('spdx-expression-parse') as (s: string) => ExpressionNode;
  corrector = require('spdx-correct') as (s: string) => string | null;
}

/** Parses an SPDX expression; `null` when it is not one. */
export function parseExpression(expr: string): ExpressionNode | null {
  load();
  try {
    return parser!(expr.trim());
  } catch {
    return null;
  }
}

export function expressionIds(node: ExpressionNode): string[] {
  if ('license' in node) return [node.license];
  return [...expressionIds(node.left), ...expressionIds(node.right)];
}

/** Ids compared without `-only` / `-or-later` / `+`: a license text never says which. */
export function licenseFamily(spdx: string): string {
  return spdx.replace(/\+$/, '').replace(/-(only|or-later)$/, '');
}

/**
 * The SPDX id free text names (`Apache 2.0`, `MIT License`), or undefined. A bare "BSD" names no
 * single license and gives `BSD-*`, which agrees with any BSD id.
 */
export function correctLicense(text: string): string | undefined {
  const t = text.trim();
  if (t === '' || t.length > 80) return undefined;
  if (/^(the\s+)?bsd(\s+licen[sc]e)?$/i.test(t)) return 'BSD-*';
  const node = parseExpression(t);
  if (node) return expressionToString(node);
  load();
  try {
    return corrector!(t) ?? undefined;
  } catch {
    return undefined;
  }
}

export function expressionToString(node: ExpressionNode): string {
  if ('license' in node) return `${node.license}${node.plus ? '+' : ''}${node.exception ? ` WITH ${node.exception}` : ''}`;
  const side = (n: ExpressionNode) =>
    'conjunction' in n && n.conjunction !== node.conjunction ? `(${expressionToString(n)})` : expressionToString(n);
  return `${side(node.left)} ${node.conjunction.toUpperCase()} ${side(node.right)}`;
}

const TROVE: [RegExp, string][] = [
  [/MIT No Attribution|MIT-0/i, 'MIT-0'],
  [/\bMIT\b/i, 'MIT'],
  [/Apache Software License|Apache License/i, 'Apache-2.0'],
  [/0BSD|Zero-Clause BSD/i, '0BSD'],
  [/\bBSD License\b/i, 'BSD-*'],
  [/\bISC License\b|\bISCL\b/i, 'ISC'],
  [/Affero General Public License v3/i, 'AGPL-3.0-only'],
  [/Lesser General Public License v3/i, 'LGPL-3.0-only'],
  [/Lesser General Public License v2/i, 'LGPL-2.1-only'],
  [/General Public License v3/i, 'GPL-3.0-only'],
  [/General Public License v2/i, 'GPL-2.0-only'],
  [/Mozilla Public License 2\.0/i, 'MPL-2.0'],
  [/Eclipse Public License 2\.0/i, 'EPL-2.0'],
  [/Eclipse Public License 1\.0/i, 'EPL-1.0'],
  [/The Unlicense/i, 'Unlicense'],
  [/Python Software Foundation License/i, 'PSF-2.0'],
  [/Boost Software License/i, 'BSL-1.0'],
  [/Universal Permissive License/i, 'UPL-1.0'],
  [/zlib\/libpng/i, 'Zlib'],
  [/NCSA/i, 'NCSA'],
  [/PostgreSQL/i, 'PostgreSQL'],
  [/CC0/i, 'CC0-1.0'],
];

/** The SPDX id a `License :: …` Trove classifier names, if it names one. */
export function classifierToSpdx(classifier: string): string | undefined {
  if (!/^License\s*::/i.test(classifier)) return undefined;
  for (const [re, id] of TROVE) if (re.test(classifier)) return id;
  return undefined;
}

/** Whether two license ids (or `BSD-*`) name the same license. */
export function sameLicense(a: string, b: string): boolean {
  if (a === 'BSD-*' || b === 'BSD-*') return /^BSD-/.test(a) && /^BSD-/.test(b);
  return licenseFamily(a).toLowerCase() === licenseFamily(b).toLowerCase();
}
