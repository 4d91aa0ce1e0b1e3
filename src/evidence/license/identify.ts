// Identifies the license(s) a text holds by content. The text is normalised, each stretch of it is
// screened against the candidate templates by shared word bigrams, the densest stretch is
// word-diffed against the template, and the differences are sorted into kinds: filled-in names
// and small substitutions (ignored), and added or removed wording (reported; restrictive wording
// makes the license `modified` and never permissive). What lies outside every matched license is
// reported as a header or notice part; several licenses in one text are found one after another.
import { matchTemplate, rawOf, wordsOf, type LicenseDifference, type Match } from './match.js';
import { normalizeLicenseText, type NormalizedText } from './normalize.js';
import { restrictionCues, saysDualLicensed } from './restrictions.js';
import { bigramIndex, bigramsOf, templates, tokenId, type Template } from './templates.js';

export type { LicenseDifference } from './match.js';

export interface LicensePart {
  kind: 'license' | 'appendix' | 'header' | 'notice';
  startLine: number;
  endLine: number;
  spdx?: string;
  modified?: boolean;
  confidence?: number;
  /** the first words of a header or notice, for the report */
  excerpt?: string;
}

export type IdentifyMethod = 'exact' | 'normalized-template' | 'modified-template' | 'reference' | 'none';

export interface LicenseIdentification {
  /** SPDX id of the license proper (the first license text in the file) */
  spdx?: string;
  /** the expression the file states: the id, or `A OR B` when it says the licenses are alternatives */
  expression?: string;
  /** Dice similarity of the license proper's words to the template's, 0–1 */
  confidence: number;
  method: IdentifyMethod;
  modified: boolean;
  differences: LicenseDifference[];
  /** kinds of restriction found in added wording */
  restrictions: string[];
  parts: LicensePart[];
  /** copyright / attribution lines */
  attributions: string[];
  spdxTags: string[];
  /** best-scoring candidates when nothing was identified */
  closest?: { spdx: string; similarity: number }[];
  reason?: string;
}

export interface IdentifyOptions {
  /** longest text analysed, in characters (the rest is ignored and the reason says so) */
  maxChars?: number;
  /** most license texts looked for in one file */
  maxLicenses?: number;
}

const MAX_CHARS = 1_000_000;
const MAX_TOKENS = 80_000;
const MAX_LICENSES = 10;
function unknown(reason: string, extra: Partial<LicenseIdentification> = {}): LicenseIdentification {
  return {
    confidence: 0,
    method: 'none',
    modified: false,
    differences: [],
    restrictions: [],
    parts: [],
    attributions: [],
    spdxTags: [],
    reason,
    ...extra,
  };
}

function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  if (sample.includes('\u0000')) return true;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) odd++;
  }
  return odd > sample.length * 0.1;
}

interface Segment {
  start: number;
  end: number;
  best?: Match | null;
  near: Match[];
}

function bestInSegment(seg: Segment, norm: NormalizedText, ids: Int32Array): Match | null {
  if (seg.end - seg.start < 12) return null;
  const all = templates();
  const sharedBy = new Int32Array(all.length);
  const idx = bigramIndex();
  for (const k of bigramsOf(ids, seg.start, seg.end)) {
    const holders = idx.get(k);
    if (holders) for (const i of holders) sharedBy[i]!++;
  }
  let best: Match | null = null;
  const screened: { tpl: Template; shared: number }[] = [];
  all.forEach((tpl, i) => {
    const shared = sharedBy[i]!;
    if (tpl.bigramCount === 0 || (shared / tpl.bigramCount < 0.45 && shared < 300)) return;
    screened.push({ tpl, shared });
  });
  // Most shared wording first; a candidate whose share of its own words cannot reach the best
  // score so far is not diffed (the diff of two long, different licenses is the one costly step).
  const bound = (x: { tpl: Template; shared: number }) => (x.tpl.words * x.shared) / x.tpl.bigramCount + 10;
  screened.sort((a, b) => bound(b) - bound(a));
  for (const x of screened) {
    const tpl = x.tpl;
    if (best && bound(x) < best.score) continue;
    const m = matchTemplate(tpl, norm, ids, seg.start, seg.end);
    if (!m) continue;
    if (!m.accepted) {
      seg.near.push(m);
      continue;
    }
    if (!best || m.score > best.score) best = m;
    // The template verbatim, as one stretch: a later (smaller) candidate cannot explain more.
    if (m.accepted === 'exact' && m.coverage === 1) break;
  }
  return best;
}

/** Candidate licenses whose wording the text holds almost entirely. */
function containedLicenses(ids: Int32Array): string[] {
  const all = templates();
  const sharedBy = new Int32Array(all.length);
  const idx = bigramIndex();
  for (const k of bigramsOf(ids)) {
    const holders = idx.get(k);
    if (holders) for (const i of holders) sharedBy[i]!++;
  }
  return all.filter((t, i) => t.kind === 'license' && t.bigramCount > 0 && sharedBy[i]! / t.bigramCount >= 0.9).map((t) => t.spdx);
}

function partOf(norm: NormalizedText, from: number, to: number): { startLine: number; endLine: number } {
  return { startLine: norm.lines[from] ?? 1, endLine: norm.lines[Math.max(from, to - 1)] ?? 1 };
}

/** Identifies the license text `input`. Never throws; bounded in time for any input. */
export function identifyLicense(input: string, opts: IdentifyOptions = {}): LicenseIdentification {
  if (input.trim() === '') return unknown('the file is empty');
  if (looksBinary(input)) return unknown('the file is binary, not a license text');
  const maxChars = opts.maxChars ?? MAX_CHARS;
  const notes: string[] = [];
  let text = input;
  if (text.length > maxChars) {
    text = text.slice(0, maxChars);
    notes.push(`only the first ${maxChars} characters of ${input.length} were analysed`);
  }
  const norm = normalizeLicenseText(text);
  templates();
  let count = norm.tokens.length;
  if (count > MAX_TOKENS) {
    count = MAX_TOKENS;
    notes.push(`only the first ${MAX_TOKENS} words were analysed`);
  }
  const ids = new Int32Array(count);
  for (let i = 0; i < count; i++) ids[i] = tokenId(norm.tokens[i]!);
  const base = {
    attributions: norm.attributions.map((a) => a.text),
    spdxTags: norm.spdxTags.map((t) => t.value),
  };
  if (count === 0) return unknown('the file holds no license wording (only copyright lines or markup)', base);

  const maxLicenses = opts.maxLicenses ?? MAX_LICENSES;
  const whole = containedLicenses(ids);
  if (whole.length > maxLicenses) {
    return unknown(
      `the file holds more than ${maxLicenses} license texts (${whole.slice(0, 5).join(', ')} …); it is a collection, not one license`,
      base,
    );
  }
  const matches: Match[] = [];
  const near: Match[] = [];
  let segments: Segment[] = [{ start: 0, end: count, near: [] }];
  let tooMany = false;
  for (;;) {
    for (const s of segments) if (s.best === undefined) s.best = bestInSegment(s, norm, ids);
    let pick: Segment | undefined;
    for (const s of segments) if (s.best && (!pick || s.best.score > pick.best!.score)) pick = s;
    if (!pick) break;
    if (matches.filter((m) => m.tpl.kind === 'license').length >= maxLicenses) {
      tooMany = true;
      break;
    }
    const m = pick.best!;
    matches.push(m);
    segments = segments.flatMap((s) =>
      s === pick
        ? [
            { start: s.start, end: m.start, near: [] },
            { start: m.end, end: s.end, near: [] },
          ]
        : [s],
    );
  }
  for (const s of segments) near.push(...s.near);
  matches.sort((a, b) => a.start - b.start);

  if (tooMany) {
    return unknown(`the file holds more than ${maxLicenses} license texts; it is a collection, not one license`, {
      ...base,
      parts: matches.map((m) => ({ kind: 'license' as const, ...partOf(norm, m.start, m.end), spdx: m.tpl.spdx })),
    });
  }

  // Parts in reading order: matched licenses and appendices, and the text between them.
  const parts: LicensePart[] = [];
  const outside: { from: number; to: number; before: boolean }[] = [];
  let pos = 0;
  const firstLicense = matches.find((m) => m.tpl.kind === 'license');
  for (const m of [...matches, null]) {
    const to = m ? m.start : count;
    if (to > pos) {
      const before = !firstLicense || to <= firstLicense.start;
      const excerpt = rawOf(norm.raw, pos, Math.min(to, pos + 24));
      parts.push({ kind: before ? 'header' : 'notice', ...partOf(norm, pos, to), excerpt });
      outside.push({ from: pos, to, before });
    }
    if (m) {
      const part: LicensePart = { kind: m.tpl.kind, ...partOf(norm, m.start, m.end), spdx: m.tpl.spdx, confidence: m.confidence };
      if (m.accepted === 'modified') part.modified = true;
      parts.push(part);
      pos = m.end;
    }
  }
  const outsideText = outside.map((o) => wordsOf(norm, o.from, o.to)).join(' ');
  const closest = [...near, ...matches]
    .filter((m) => m.tpl.kind === 'license')
    .sort((a, b) => b.confidence - a.confidence)
    .filter((m, i, all) => all.findIndex((x) => x.tpl.spdx === m.tpl.spdx) === i)
    .slice(0, 3)
    .map((m) => ({ spdx: m.tpl.spdx, similarity: m.confidence }));

  const primary = firstLicense;
  if (!primary) {
    const appendix = matches.find((m) => m.tpl.kind === 'appendix');
    if (appendix) {
      // A notice that applies a license says little on its own; other terms around it (a
      // source-available license that names Apache-2.0 as its future license) may say more.
      const restrictions = restrictionCues(outsideText);
      const otherTerms = outsideText.split(' ').length > 100;
      const ref: LicenseIdentification = {
        ...base,
        spdx: appendix.tpl.spdx,
        confidence: Math.round(appendix.confidence * 900) / 1000,
        method: 'reference',
        modified: restrictions.length > 0,
        differences: [],
        restrictions,
        parts,
        reason: [
          `only the notice that applies the ${appendix.tpl.spdx} license was found, not the license text`,
          ...(otherTerms ? ['the file holds other terms around it'] : []),
          ...notes,
        ].join('; '),
      };
      if (!ref.modified && !otherTerms) ref.expression = appendix.tpl.spdx;
      return ref;
    }
    const hint = closest.length ? `; closest: ${closest.map((c) => `${c.spdx} ${(c.similarity * 100).toFixed(0)}%`).join(', ')}` : '';
    return unknown(`no candidate license template matches the text${hint}${notes.length ? `; ${notes.join('; ')}` : ''}`, {
      ...base,
      parts,
      closest,
    });
  }

  // Restrictive wording outside the license proper (a Commons Clause before it, a rider after it)
  // still binds: it makes the license modified.
  const differences = [...primary.differences];
  const restrictions = [...primary.restrictions];
  for (const o of outside) {
    const words = wordsOf(norm, o.from, o.to);
    const cues = restrictionCues(words);
    if (cues.length > 0) {
      differences.push({
        kind: 'added',
        text: rawOf(norm.raw, o.from, o.to).slice(0, 600),
        line: norm.lines[o.from],
        restriction: cues.join(', '),
      });
      restrictions.push(...cues);
    }
  }
  const modified = primary.accepted === 'modified' || restrictions.length > 0;
  const licenseIds = [...new Set(matches.filter((m) => m.tpl.kind === 'license' && m.accepted !== 'modified').map((m) => m.tpl.spdx))];
  const expression =
    !modified && licenseIds.length > 1 && saysDualLicensed(outsideText) ? licenseIds.join(' OR ') : modified ? undefined : primary.tpl.spdx;
  const result: LicenseIdentification = {
    ...base,
    spdx: primary.tpl.spdx,
    confidence: primary.confidence,
    method: modified ? 'modified-template' : primary.accepted === 'exact' ? 'exact' : 'normalized-template',
    modified,
    differences,
    restrictions: [...new Set(restrictions)],
    parts,
  };
  if (expression) result.expression = expression;
  if (modified) result.closest = closest;
  if (notes.length) result.reason = notes.join('; ');
  return result;
}
