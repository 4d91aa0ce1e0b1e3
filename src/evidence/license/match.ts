// Matching one candidate template against a stretch of a text: find where the template's wording
// is densest, word-diff the template against that window, and sort the differences into kinds —
// filled-in names and small substitutions (ignored), added or removed wording (reported, with any
// restriction the added wording states).
import { alignTokens } from './diff.js';
import { WILDCARD, type NormalizedText } from './normalize.js';
import { MEANING_WORDS, restrictionCues } from './restrictions.js';
import { bigramKey, isWildcard, templates, tokenOf, type Template } from './templates.js';

export interface LicenseDifference {
  kind: 'added' | 'removed';
  text: string;
  line?: number;
  /** the restriction this wording adds (non-commercial, Commons Clause …) */
  restriction?: string;
}

export interface Match {
  tpl: Template;
  /** token range of the matched license proper (absolute, end exclusive) */
  start: number;
  end: number;
  matched: number;
  coverage: number;
  confidence: number;
  score: number;
  accepted: 'exact' | 'normalized' | 'modified' | 'appendix' | null;
  differences: LicenseDifference[];
  restrictions: string[];
}

interface Hunk {
  t0: number;
  t1: number;
  x0: number;
  x1: number;
  /** matched license wording on both sides (not the head or the tail of the match) */
  inner?: boolean;
}

let titles: Map<string, string> | undefined;

/** The candidate whose title `words` (normalised tokens) are, if any. */
function titleOf(words: string): string | undefined {
  if (!titles) {
    titles = new Map();
    for (const t of templates()) {
      if (t.kind !== 'license' || t.optional === 0) continue;
      const own = [...t.ids.subarray(0, t.optional)]
        .map((id) => (isWildcard(id) ? '' : tokenOf(id)))
        .filter(Boolean)
        .join(' ');
      if (!titles.has(own)) titles.set(own, t.spdx);
    }
  }
  return titles.get(words);
}

/** Whether tokens [x0, x1) are one or more whole sentences of the text. */
function wholeSentence(norm: NormalizedText, x0: number, x1: number): boolean {
  const ends = norm.sentenceEnds;
  if (!ends) return false;
  return (x0 === 0 || ends[x0 - 1] === 1) && ends[x1 - 1] === 1;
}

// The densest stretch of `ids[from, to)` in bigrams the template has (maximum-sum subarray).
function densestRegion(tpl: Template, ids: Int32Array, from: number, to: number): { start: number; end: number; sum: number } {
  let best = { start: from, end: from, sum: 0 };
  let sum = 0;
  let start = from;
  for (let i = from; i < to; i++) {
    const a = ids[i]!;
    const b = i + 1 < to ? ids[i + 1]! : -1;
    let w: number;
    if (a === 0 || b === 0) w = 0;
    else w = a > 0 && b > 0 && tpl.bigrams.has(bigramKey(a, b)) ? 1 : -0.5;
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += w;
    if (sum > best.sum) best = { start, end: i + 2 > to ? to : i + 2, sum };
  }
  return best;
}

function densestWindow(tpl: Template, ids: Int32Array, from: number, to: number, size: number): { start: number; end: number } {
  const hit = (i: number) => {
    const a = ids[i]!;
    const b = ids[i + 1] ?? -1;
    return a > 0 && b > 0 && tpl.bigrams.has(bigramKey(a, b)) ? 1 : 0;
  };
  let sum = 0;
  for (let i = from; i < from + size; i++) sum += hit(i);
  let best = sum;
  let bestStart = from;
  for (let i = from + size; i < to; i++) {
    sum += hit(i) - hit(i - size);
    if (sum > best) {
      best = sum;
      bestStart = i - size + 1;
    }
  }
  return { start: bestStart, end: bestStart + size };
}

export function wordsOf(norm: NormalizedText, from: number, to: number): string {
  return norm.tokens
    .slice(from, to)
    .filter((t) => t !== WILDCARD)
    .join(' ');
}

export function rawOf(words: string[], from: number, to: number): string {
  return words
    .slice(from, to)
    .filter((w) => w !== '…')
    .join(' ');
}

function classifyHunks(tpl: Template, norm: NormalizedText, ids: Int32Array, hunks: Hunk[]) {
  const differences: LicenseDifference[] = [];
  const restrictions: string[] = [];
  let substantive = 0;
  let minor = 0;
  let substituted = 0;
  for (const h of hunks) {
    const delWords: string[] = [];
    let wild = false;
    let title = false;
    for (let i = h.t0; i < h.t1; i++) {
      if (isWildcard(tpl.ids[i]!)) wild = true;
      else if (i < tpl.optional) title = true;
      else delWords.push(tpl.raw[i]!.toLowerCase());
    }
    const insWords: string[] = [];
    for (let j = h.x0; j < h.x1; j++) if (ids[j] !== 0) insWords.push(norm.tokens[j]!);
    const insText = insWords.join(' ');
    const delText = delWords.join(' ');
    const cues = insWords.length > 0 ? restrictionCues(insText, delText) : [];
    if (delWords.length === 0 && insWords.length === 0) continue;
    // Inside the title block (optional in SPDX's templates) another title is no difference.
    const inTitle = h.t1 <= tpl.optional && (title || h.t0 < tpl.optional);
    if (cues.length === 0 && inTitle && delWords.length === 0 && insWords.length <= 12) continue;
    // A whole sentence added between sentences of the license, however short and plain, is
    // wording the license does not have: a modification, never a notice or a filled-in name.
    if (cues.length === 0 && h.inner && delWords.length === 0 && insWords.length >= 3 && wholeSentence(norm, h.x0, h.x1)) {
      substantive += insWords.length;
      differences.push({ kind: 'added', text: rawOf(norm.raw, h.x0, h.x1), line: norm.lines[h.x0] });
      continue;
    }
    if (cues.length === 0) {
      if (wild && delWords.length <= 3 && insWords.length <= 60) continue;
      const meaningful = [...delWords, ...insWords].some((w) => MEANING_WORDS.has(w));
      if (!meaningful && delWords.length <= 6 && insWords.length <= 6) {
        minor += Math.max(delWords.length, insWords.length);
        // a name put in place of the template's (SPDX marks such holders variable): explained wording
        if (insWords.length > 0) substituted += delWords.length;
        continue;
      }
    }
    substantive += delWords.length + insWords.length;
    if (delWords.length > 0) {
      differences.push({ kind: 'removed', text: rawOf(tpl.raw, h.t0, h.t1) });
    }
    if (insWords.length > 0) {
      const d: LicenseDifference = { kind: 'added', text: rawOf(norm.raw, h.x0, h.x1), line: norm.lines[h.x0] };
      if (cues.length > 0) {
        d.restriction = cues.join(', ');
        restrictions.push(...cues);
      }
      differences.push(d);
    }
  }
  return { differences, restrictions, substantive, minor, substituted };
}

export function matchTemplate(tpl: Template, norm: NormalizedText, ids: Int32Array, from: number, to: number): Match | null {
  const dense = densestRegion(tpl, ids, from, to);
  if (dense.sum < Math.min(0.3 * tpl.words, 200) || dense.sum < 8) return null;
  // Neighbouring licenses that share wording (GPL next to AGPL) can make the dense stretch far
  // longer than the template; the diff then looks only at the template-sized window with most hits.
  const longest = Math.ceil(1.3 * tpl.ids.length) + 40;
  if (dense.end - dense.start > longest) Object.assign(dense, densestWindow(tpl, ids, dense.start, dense.end, longest));
  const margin = 12;
  const rs = Math.max(from, dense.start - margin);
  const re = Math.min(to, dense.end + margin);
  const region = ids.subarray(rs, re);
  // Past this many edits fewer than half the template's words can be matched: not this license.
  const maxD = Math.abs(region.length - tpl.ids.length) + Math.ceil(0.6 * tpl.ids.length) + 20;
  const align = alignTokens(tpl.ids, region, maxD);
  if (!align) return null;
  const pairs: [number, number][] = [];
  for (let i = 0; i < align.length; i++) if (align[i]! >= 0) pairs.push([i, align[i]!]);
  // Stray words matched far from the rest (a "the" in an appended notice) are not the license.
  const runAt = (k: number, dir: 1 | -1): number => {
    let n = 1;
    while (k + dir * n >= 0 && k + dir * n < pairs.length) {
      const [ti, xj] = pairs[k + dir * (n - 1)]!;
      const [ti2, xj2] = pairs[k + dir * n]!;
      if (ti2 - ti !== dir || xj2 - xj !== dir) break;
      n++;
    }
    return n;
  };
  while (pairs.length > 1) {
    const n = runAt(pairs.length - 1, -1);
    if (n >= pairs.length) break;
    const gap = pairs[pairs.length - n]![1] - pairs[pairs.length - n - 1]![1];
    if (n <= 3 && gap > 4) pairs.splice(pairs.length - n, n);
    else break;
  }
  while (pairs.length > 1) {
    const n = runAt(0, 1);
    if (n >= pairs.length) break;
    const gap = pairs[n]![1] - pairs[n - 1]![1];
    if (n <= 3 && gap > 4) pairs.splice(0, n);
    else break;
  }
  if (pairs.length === 0) return null;
  // A run of title words matched away from the rest (a README-style header naming the license
  // before its text) is not the license's own title.
  while (pairs.length > 1) {
    const n = runAt(0, 1);
    if (n >= pairs.length || pairs[n - 1]![0] >= tpl.optional) break;
    if (pairs[n]![1] - pairs[n - 1]![1] > 4) pairs.splice(0, n);
    else break;
  }
  let matched = 0;
  let titleMatched = 0;
  for (const [ti] of pairs) {
    if (isWildcard(tpl.ids[ti]!)) continue;
    if (ti < tpl.optional) titleMatched++;
    else matched++;
  }
  // A differing first or last stretch (another title, a reworded last line) belongs to the
  // license when the template has unmatched words there too.
  let start = rs + pairs[0]![1];
  let end = rs + pairs[pairs.length - 1]![1] + 1;
  // (an optional title the copy left out is not such a stretch)
  const leadT = pairs[0]![0] - tpl.optional;
  if (leadT > 0) start = Math.max(rs, start - (leadT + 3));
  const tailT = tpl.ids.length - 1 - pairs[pairs.length - 1]![0];
  if (tailT > 0) end = Math.min(re, end + tailT + 3);
  const hunks: Hunk[] = [];
  let ti = 0;
  let xj = start;
  const closing = [tpl.ids.length, end - rs] as [number, number];
  for (const [a, b] of [...pairs, closing]) {
    const bx = rs + b;
    if (a > ti || bx > xj) {
      const prev = hunks[hunks.length - 1];
      const inner = ti > 0 && a < tpl.ids.length && bx < end;
      if (prev && ti - prev.t1 <= 2 && xj - prev.x1 <= 2) {
        prev.t1 = a;
        prev.x1 = bx;
        prev.inner = prev.inner === true && inner;
      } else hunks.push({ t0: ti, t1: a, x0: xj, x1: bx, inner });
    }
    ti = a + 1;
    xj = bx + 1;
  }
  const c = classifyHunks(tpl, norm, ids, hunks);
  // Another candidate's title over this one's words (MIT-0's text under "MIT License") is not
  // plainly either license: a difference, though titles are optional.
  if (tpl.optional > 0) {
    const body = pairs.find(([t]) => t >= tpl.optional);
    const titleEnd = body ? rs + body[1] : start;
    if (titleEnd > start) {
      const written = norm.tokens
        .slice(start, titleEnd)
        .filter((t) => t !== WILDCARD)
        .join(' ');
      const named = titleOf(written);
      if (named !== undefined && named !== tpl.spdx) {
        c.substantive += titleEnd - start;
        c.differences.unshift({ kind: 'added', text: rawOf(norm.raw, start, titleEnd), line: norm.lines[start] });
      }
    }
  }
  const textWords = end - start;
  const coverage = tpl.words === 0 ? 0 : Math.min(1, (matched + c.substituted) / tpl.words);
  let titleWords = 0;
  for (let i = 0; i < tpl.optional; i++) if (!isWildcard(tpl.ids[i]!)) titleWords++;
  const confidence = (2 * (matched + titleMatched)) / (tpl.words + titleWords + textWords);
  let accepted: Match['accepted'] = null;
  if (tpl.kind === 'appendix') accepted = coverage >= 0.5 && matched >= 15 ? 'appendix' : null;
  else if (c.substantive === 0 && coverage >= 0.92) accepted = c.minor === 0 && hunks.length === 0 ? 'exact' : 'normalized';
  else if (coverage >= 0.5 && matched >= 25 && c.substantive <= 0.6 * tpl.words) accepted = 'modified';
  return {
    tpl,
    start,
    end,
    matched,
    coverage,
    confidence: Math.round(confidence * 1000) / 1000,
    // a title that matches still tells siblings apart
    score: matched + 0.5 * titleMatched - 2 * c.substantive - 0.5 * c.minor,
    accepted,
    differences: c.differences,
    restrictions: [...new Set(c.restrictions)],
  };
}
