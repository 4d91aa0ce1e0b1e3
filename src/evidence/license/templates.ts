// The curated candidate set the matcher compares against, built from the SPDX texts that
// `spdx-license-list` ships. Loaded and normalised lazily, at first use, and kept in memory: a
// `steward check` that never reaches a license file pays nothing.
import { createRequire } from 'node:module';
import { normalizeLicenseText, WILDCARD } from './normalize.js';
import { readPreparedTemplates, setPreparedCandidates, type PreparedIndex, type PreparedTemplate } from './prepared.js';

/** Permissive licenses (the default policy's allowlist). */
export const PERMISSIVE_CANDIDATES = [
  'Apache-2.0',
  'MIT',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'ISC',
  '0BSD',
  'MIT-0',
  'Zlib',
  'NCSA',
  'PSF-2.0',
  'BSL-1.0',
  'UPL-1.0',
  'PostgreSQL',
  'X11',
  'Unlicense',
] as const;

/**
 * Copyleft, non-commercial, source-available and near-neighbour licenses: present so that a text
 * of one of them is named for what it is instead of being read as a damaged permissive license.
 */
export const OTHER_CANDIDATES = [
  'GPL-2.0-only',
  'GPL-3.0-only',
  'LGPL-2.0-only',
  'LGPL-2.1-only',
  'LGPL-3.0-only',
  'AGPL-3.0-only',
  'MPL-1.1',
  'MPL-2.0',
  'EPL-1.0',
  'EPL-2.0',
  'EUPL-1.2',
  'CC-BY-NC-4.0',
  'CC-BY-NC-SA-4.0',
  'CC-BY-NC-ND-4.0',
  'CC-BY-4.0',
  'CC-BY-SA-4.0',
  'CC0-1.0',
  'SSPL-1.0',
  'BUSL-1.1',
  'Elastic-2.0',
  'PolyForm-Noncommercial-1.0.0',
  'BSD-4-Clause',
  'BSD-3-Clause-Clear',
  'BSD-2-Clause-Patent',
  'BSD-3-Clause-No-Military-License',
  'Apache-1.1',
  'Artistic-2.0',
  'AFL-3.0',
  'MS-PL',
  'ECL-2.0',
  'Python-2.0',
  'JSON',
  'Hippocratic-2.1',
  'WTFPL',
] as const;

export const CANDIDATE_IDS: readonly string[] = [...PERMISSIVE_CANDIDATES, ...OTHER_CANDIDATES];
setPreparedCandidates(CANDIDATE_IDS);

export interface Template {
  /** SPDX id; for an appendix, the id of the license it belongs to */
  spdx: string;
  kind: 'license' | 'appendix';
  ids: Int32Array;
  raw: string[];
  /**
   * How many leading tokens are the license's title block (`MIT License`, `Apache License Version
   * 2.0, January 2004 …`). SPDX's templates mark titles optional: a copy may drop them or carry
   * its own, and neither makes the text another or a modified license.
   */
  optional: number;
  /** non-wildcard tokens past the title block: what a copy must hold */
  words: number;
  /** the template's bigrams, built on first use (screening needs only their count) */
  bigrams: Set<number>;
  /** bigrams.size, known without building the set */
  bigramCount: number;
}

/** A template whose raw words and bigram set are made when a match first needs them. */
class LazyTemplate implements Template {
  private rawWords: string[] | undefined;
  private bigramSet: Set<number> | undefined;
  constructor(
    readonly spdx: string,
    readonly kind: Template['kind'],
    readonly ids: Int32Array,
    private readonly rawOf: () => string[],
    readonly optional: number,
    readonly words: number,
    readonly bigramCount: number,
    bigrams?: Set<number>,
  ) {
    this.bigramSet = bigrams;
  }
  get raw(): string[] {
    return (this.rawWords ??= this.rawOf());
  }
  get bigrams(): Set<number> {
    return (this.bigramSet ??= bigramsOf(this.ids));
  }
}

// Token ids are shared by all templates; a text word no template uses never matches anything.
const vocabulary = new Map<string, number>();
const WILDCARD_ID = 0;
vocabulary.set(WILDCARD, WILDCARD_ID);
export const UNKNOWN_ID = -1;

function intern(token: string): number {
  let id = vocabulary.get(token);
  if (id === undefined) {
    id = vocabulary.size;
    vocabulary.set(token, id);
  }
  return id;
}

export function tokenId(token: string): number {
  return vocabulary.get(token) ?? UNKNOWN_ID;
}

/** The token an id stands for (the inverse of tokenId). */
export function tokenOf(id: number): string {
  if (words.length !== vocabulary.size) words = [...vocabulary.keys()];
  return words[id] ?? '';
}
let words: string[] = [];

export function isWildcard(id: number): boolean {
  return id === WILDCARD_ID;
}

// Keys stay small integers (fast in Sets and Maps) while the vocabulary is under 32768 words; the
// candidate set's is about 2500. Past that, keys are still distinct, only slower.
export function bigramKey(a: number, b: number): number {
  return a < 32768 && b < 32768 ? a * 32768 + b : (a + 1) * 1_073_741_824 + b;
}

export function bigramsOf(ids: ArrayLike<number>, from = 0, to = ids.length): Set<number> {
  const set = new Set<number>();
  for (let i = from; i + 1 < to; i++) {
    const a = ids[i]!;
    const b = ids[i + 1]!;
    if (a > 0 && b > 0) set.add(bigramKey(a, b));
  }
  return set;
}

const END_OF_TERMS = /^\s*END OF TERMS AND CONDITIONS\s*$/m;

/** The license proper and, where the text carries one, its "how to apply" appendix. */
export function splitTemplateText(spdx: string, text: string): { license: string; appendix?: string } {
  let body = text;
  // SPDX's LGPL-3.0 text is the LGPL followed by the whole GPL-3.0; a COPYING.LESSER holds only
  // the former, and the GPL is its own candidate.
  if (spdx.startsWith('LGPL-3.0')) {
    const gpl = body.indexOf('GNU GENERAL PUBLIC LICENSE', 100);
    if (gpl > 0) return { license: body.slice(0, gpl) };
  }
  const end = END_OF_TERMS.exec(body);
  if (end) {
    const cut = end.index + end[0].length;
    const appendix = body.slice(cut).trim();
    body = body.slice(0, cut);
    return appendix.length > 0 ? { license: body, appendix } : { license: body };
  }
  return { license: body };
}

const ATTRIBUTION_PARAGRAPH = /^(?:portions\s+)?(?:copyright\b|©|\(c\))/i;

/**
 * The lines of `text`'s title block: the short paragraphs before its first sentence (a name, a
 * version and date, a URL, a heading such as TERMS AND CONDITIONS), skipping copyright paragraphs,
 * which are variable text of their own. The SPDX list this candidate set is built from ships the
 * texts without SPDX's template markup; this is the markup SPDX gives every title.
 */
export function titleLines(text: string): Set<number> {
  const out = new Set<number>();
  const lines = text.split(/\r\n|\r|\n/);
  let n = 0;
  while (n < lines.length) {
    if (lines[n]!.trim() === '') {
      n++;
      continue;
    }
    const para: number[] = [];
    while (n < lines.length && lines[n]!.trim() !== '') para.push(n++);
    const body = para.map((i) => lines[i]!.trim()).join(' ');
    if (ATTRIBUTION_PARAGRAPH.test(body.replace(/^[#>*\-\s]+/, ''))) continue;
    const words = body.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
    if (words.length > 12 || /[.;]$/.test(body)) break;
    for (const i of para) out.add(i + 1);
  }
  return out;
}

function buildTemplate(spdx: string, kind: Template['kind'], text: string): Template {
  const norm = normalizeLicenseText(text);
  return fromTokens(spdx, kind, { ...norm, optional: kind === 'license' ? leadingTitleTokens(norm.lines, titleLines(text)) : 0 });
}

function leadingTitleTokens(tokenLines: number[], title: Set<number>): number {
  let n = 0;
  while (n < tokenLines.length && title.has(tokenLines[n]!)) n++;
  return n;
}

function fromTokens(spdx: string, kind: Template['kind'], norm: { tokens: string[]; raw: string[]; optional?: number }): Template {
  const ids = new Int32Array(norm.tokens.length);
  norm.tokens.forEach((t, i) => {
    ids[i] = intern(t);
  });
  const bigrams = bigramsOf(ids);
  return new LazyTemplate(spdx, kind, ids, () => norm.raw, norm.optional ?? 0, wordsOf(ids, norm.optional ?? 0), bigrams.size, bigrams);
}

/** Non-wildcard tokens past the title block. */
function wordsOf(ids: Int32Array, optional: number): number {
  let words = 0;
  for (let i = optional; i < ids.length; i++) if (ids[i] !== WILDCARD_ID) words++;
  return words;
}

let cache: Template[] | undefined;
let index: BigramIndex | undefined;
let preparedIndex: PreparedIndex | undefined;

/** bigram key → indexes (into `templates()`) of the templates holding it */
export interface BigramIndex {
  get(key: number): Iterable<number> | undefined;
}
const textCache = new Map<string, string>();

/** The SPDX list's text of `spdx` (throws for an id the list does not have). */
export function spdxText(spdx: string): string {
  let text = textCache.get(spdx);
  if (text === undefined) {
    const require = createRequire(import.meta.url);
    const entry = require(`spdx-license-list/licenses/${spdx}.json`) as { licenseText: string };
    text = entry.licenseText;
    textCache.set(spdx, text);
  }
  return text;
}

/** All candidate templates (licenses and appendices), built once. */
export function templates(): Template[] {
  if (cache) return cache;
  const out: Template[] = [];
  const prepared = vocabulary.size === 1 ? readPreparedTemplates() : undefined;
  if (prepared) {
    // the file's ids are the ones interning its tokens in order would give: take its vocabulary as is
    prepared.vocabulary.forEach((token, id) => vocabulary.set(token, id));
    for (const p of prepared.templates)
      out.push(new LazyTemplate(p.spdx, p.kind, p.ids, p.raw, p.optional, wordsOf(p.ids, p.optional), p.bigrams));
    preparedIndex = prepared.index;
    cache = out;
    return out;
  }
  for (const spdx of CANDIDATE_IDS) {
    const parts = splitTemplateText(spdx, spdxText(spdx));
    out.push(buildTemplate(spdx, 'license', parts.license));
    if (parts.appendix) out.push(buildTemplate(spdx, 'appendix', parts.appendix));
  }
  cache = out;
  return out;
}

/** bigram → indexes (into `templates()`) of the templates holding it: screening costs the text's size. */
export function bigramIndex(): BigramIndex {
  if (index) return index;
  const all = templates();
  if (preparedIndex) {
    const { keys, starts, holders } = preparedIndex;
    index = {
      get(key: number) {
        let lo = 0;
        let hi = keys.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (keys[mid]! < key) lo = mid + 1;
          else hi = mid;
        }
        return lo < keys.length && keys[lo] === key ? holders.subarray(starts[lo]!, starts[lo + 1]!) : undefined;
      },
    };
    return index;
  }
  const map = new Map<number, number[]>();
  all.forEach((t, i) => {
    const ids = t.ids;
    for (let j = 0; j + 1 < ids.length; j++) {
      const a = ids[j]!;
      const b = ids[j + 1]!;
      if (a <= 0 || b <= 0) continue;
      const k = bigramKey(a, b);
      const list = map.get(k);
      if (!list) map.set(k, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    }
  });
  index = map;
  return map;
}

/** The license proper of `spdx` as the candidate set uses it (for tests and the corpus). */
export function templateLicenseText(spdx: string): string {
  return splitTemplateText(spdx, spdxText(spdx)).license;
}

/** The appendix ("How to apply …") of `spdx`, if its SPDX text has one. */
export function templateAppendixText(spdx: string): string | undefined {
  return splitTemplateText(spdx, spdxText(spdx)).appendix;
}

/** The candidate templates' normalised tokens, as the build stores them (see prepared.ts). */
export function prepareTemplates(): PreparedTemplate[] {
  const out: PreparedTemplate[] = [];
  for (const spdx of CANDIDATE_IDS) {
    const parts = splitTemplateText(spdx, spdxText(spdx));
    const sections: [PreparedTemplate['kind'], string | undefined][] = [
      ['license', parts.license],
      ['appendix', parts.appendix],
    ];
    for (const [kind, text] of sections) {
      if (text === undefined) continue;
      const norm = normalizeLicenseText(text);
      const optional = kind === 'license' ? leadingTitleTokens(norm.lines, titleLines(text)) : 0;
      out.push({ spdx, kind, tokens: norm.tokens, raw: norm.raw, optional });
    }
  }
  return out;
}
