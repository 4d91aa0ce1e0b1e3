// Turns a license text into the word tokens the matcher compares. Everything that differs between
// copies of the same license without changing its meaning is removed here: case, punctuation and
// quotes, bullets and clause enumerators (1. / a. / (ii)), Markdown headings, emphasis and links,
// line breaks and CRLF, a BOM, copyright and attribution lines, and fill-in placeholders such as
// `<year>` or `[fullname]` (which become one wildcard token, so a filled-in name is a known kind of
// difference rather than an unexplained one).

/** The token that stands for a fill-in placeholder, in templates and in texts. */
export const WILDCARD = '\u0001';

export interface NormalizedText {
  /** lower-cased word tokens */
  tokens: string[];
  /** the same words as written, for showing differences */
  raw: string[];
  /** 1-based line of each token in the original text */
  lines: number[];
  /** copyright / attribution statements removed from the token stream, with their lines */
  attributions: { line: number; text: string }[];
  /** `SPDX-License-Identifier:` values found in the text */
  spdxTags: { line: number; value: string }[];
  /** number of lines in the text */
  lineCount: number;
  /** 1 where a token ends a sentence (a full stop, ! or ? after it, or the end of its paragraph) */
  sentenceEnds?: Uint8Array;
}

const WORD = /[\p{L}\p{N}\u0001&]+/gu;
const ENDS_SENTENCE = /^["'”’)\]]*[.!?](?:["'”’)\]]*)(?:\s|$)/;

const YEARISH = /\b(1[89]\d\d|20\d\d)\b|©|\(c\)|<year>|\[year\]|\[yyyy\]|\byear\b|all rights reserved/i;
const COPYRIGHT_START = /^(?:portions\s+)?(?:copyright\b|©|\(c\)\s*(?:\d|copyright))/i;
const RIGHTS_RESERVED = /^all rights reserved\.?$/i;
const SPDX_TAG = /SPDX-License-Identifier:\s*(.+?)\s*(?:\*\/|-->)?\s*$/i;

// Line-start decorations: Markdown headings and quotes, list bullets, and clause enumerators
// (1. 1.1. 1) (1) a. (a) i. (iv) ...). Copyright lines are recognised before these are stripped, so
// that `(c) 2020 Someone` is read as attribution, not as clause c.
const HEADING = /^#{1,6}\s+/;
const QUOTE = /^>+\s*/;
const BULLET = /^[-*+•·◦‣▪–—]\s+/;
const ENUMERATOR = /^(?:\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-z]|[ivxlc]{1,6})[.)]|\((?:\d{1,3}|[a-z]|[ivxlc]{1,6})\))(?=\s|$)\s*/i;

const HTML_TAG = /<\/?(?:br|p|div|span|b|i|u|strong|em|a|h[1-6]|ul|ol|li|pre|code|center|hr)\b[^>]*>/gi;
const MD_IMAGE = /!\[[^\]\n]*\]\([^)\n]*\)/g;
const MD_LINK = /\[([^\]\n]{1,200})\]\((?:[^)\n]{0,500})\)/g;
// a fill-in: <...>, [...], {...} or {{...}} holding no URL or e-mail address
const PLACEHOLDER = /\{\{[^{}\n]{1,100}\}\}|\$\{[^{}\n]{1,100}\}|<([^<>\n]{1,100})>|\[([^[\]\n]{1,100})\]|\{([^{}\n]{1,100})\}/g;

function stripDecorations(line: string): string {
  let s = line.trim();
  // Most lines start with a letter that no decoration starts with.
  if (/^[b-hj-uwyzB-HJ-UWYZ]/.test(s) && !/^\w[.)]/.test(s)) return s;
  for (let i = 0; i < 4; i++) {
    const before = s;
    s = s.replace(HEADING, '').replace(QUOTE, '').replace(BULLET, '').replace(ENUMERATOR, '');
    if (s === before) break;
  }
  return s;
}

function isAttribution(s: string): boolean {
  if (RIGHTS_RESERVED.test(s)) return true;
  return COPYRIGHT_START.test(s) && YEARISH.test(s);
}

// The line after a copyright line is more of it (more holders, a postal address) when it is short
// and says nothing a license says.
function isAttributionContinuation(s: string): boolean {
  return (
    s.length < 80 &&
    !/\b(permission|permitted|redistribution|licen[cs]e|granted|provided|software|warrant\w*|liab\w*|use|copy|distribute|everyone)\b/i.test(
      s,
    )
  );
}

function replacePlaceholders(s: string): string {
  return s.replace(PLACEHOLDER, (whole, angle?: string, square?: string, brace?: string) => {
    const inner = angle ?? square ?? brace ?? whole;
    if (/:\/\/|@|^\s*www\./i.test(inner)) return ` ${inner} `;
    return ` ${WILDCARD} `;
  });
}

const SPELLING: Record<string, string> = {
  licence: 'license',
  licences: 'licenses',
  licenced: 'licensed',
  licencing: 'licensing',
  https: 'http',
  '&': 'and',
};

/** Normalises `text` (already decoded) into comparable tokens. Never throws. */
export function normalizeLicenseText(text: string): NormalizedText {
  const out: NormalizedText = { tokens: [], raw: [], lines: [], attributions: [], spdxTags: [], lineCount: 0 };
  const ends: number[] = [];
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split(/\r\n|\r|\n/);
  out.lineCount = lines.length;
  // A copyright statement may go on for a line or two (holders, an address) until a blank line.
  let continuing = 0;
  for (let n = 0; n < lines.length; n++) {
    const original = lines[n] ?? '';
    // (a bounded line: the lazy tag pattern is quadratic on a hostile megabyte of spaces)
    const tag = original.length < 500 ? SPDX_TAG.exec(original) : null;
    if (tag?.[1]) {
      out.spdxTags.push({ line: n + 1, value: tag[1] });
      continue;
    }
    const trimmed = original.trim();
    if (trimmed === '') {
      continuing = 0;
      if (out.tokens.length > 0) ends.push(out.tokens.length - 1);
      continue;
    }
    const bare = trimmed.replace(/^[#>*\-\s]+/, '').replace(/^\*\*|\*\*$/g, '');
    const own = isAttribution(bare);
    if (own || (continuing > 0 && isAttributionContinuation(bare))) {
      out.attributions.push({ line: n + 1, text: trimmed });
      continuing = own ? 2 : continuing - 1;
      continue;
    }
    continuing = 0;
    let s = stripDecorations(original);
    if (/[<[{$]/.test(s)) s = replacePlaceholders(s.replace(MD_IMAGE, ' ').replace(MD_LINK, ' $1 ').replace(HTML_TAG, ' '));
    WORD.lastIndex = 0;
    for (let m = WORD.exec(s); m; m = WORD.exec(s)) {
      const word = m[0];
      const after = m.index + word.length;
      if (ENDS_SENTENCE.test(s.slice(after, after + 8))) ends.push(out.tokens.length);
      const lower = word.toLowerCase();
      // A word glued to a wildcard (`<year>s`) is just the wildcard.
      const tok = lower.includes(WILDCARD) ? WILDCARD : (SPELLING[lower] ?? lower);
      out.tokens.push(tok);
      out.raw.push(tok === WILDCARD ? '…' : word);
      out.lines.push(n + 1);
    }
  }
  const flags = new Uint8Array(out.tokens.length);
  for (const i of ends) flags[i] = 1;
  if (flags.length > 0) flags[flags.length - 1] = 1;
  out.sentenceEnds = flags;
  return out;
}
