// The block structure of a README or docs page, Markdown or reStructuredText: headings,
// paragraphs, lists, code blocks, HTML and links, each with its line. Line-based and linear, so
// a hostile 1 MB file costs one pass; it is not a renderer, only what requirements 4, 5, 6 and
// 16 need to ask (what comes first, what follows a heading, where the links go).

import { cleanInline, extractLinks } from './inline.js';

export { cleanInline, countWords, isLinkOnly } from './inline.js';
export { sectionAfter } from './sections.js';

// the shapes are the evidence's (stored and re-judged), so they are declared with it
export type { Block, BlockKind, DocFormat, DocStructure, Link } from '../types.js';
import type { Block, BlockKind, DocFormat, DocStructure } from '../types.js';

/** Markdown for .md/.markdown/.txt/no extension (plain text reads as Markdown paragraphs), RST for .rst/.rest. */
export function formatOf(path: string): DocFormat {
  return /\.(rst|rest)$/i.test(path) ? 'rst' : 'markdown';
}

/** Past these bounds a file is not documentation a person reads; the rest is not analysed. */
export const MAX_DOC_CHARS = 512 * 1024;
export const MAX_LINE_CHARS = 4000;

export function parseDoc(text: string, format: DocFormat): DocStructure {
  const lines = text
    .slice(0, MAX_DOC_CHARS)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => (l.length > MAX_LINE_CHARS ? l.slice(0, MAX_LINE_CHARS) : l));
  const blocks = format === 'rst' ? parseRst(lines) : parseMarkdown(lines);
  return { format, blocks, links: extractLinks(lines, format) };
}

// ---------------------------------------------------------------- Markdown

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)?.*$/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]|$)/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const LIST_ITEM = /^ {0,3}([-*+]|\d{1,9}[.)])([ \t]+|$)/;
const RULE = /^ {0,3}([-*_])([ \t]*\1){2,}[ \t]*$/;
// CommonMark's HTML blocks: raw (script, pre, style, textarea: up to the closing tag), block-level
// tag names (up to a blank line), and a line that is one complete tag and nothing else. Any other
// line that opens with a tag (`<a href=…><img …></a> then words`) is a paragraph with inline HTML.
const HTML_RAW = /^ {0,3}<(script|pre|style|textarea)(?:[\s>]|$)/i;
const HTML_BLOCK_TAG =
  /^ {0,3}<\/?(address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|picture|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[\s>]|\/>|$)/i;
const HTML_LONE_TAG =
  /^ {0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:"[^"\n]{0,2000}"|'[^'\n]{0,2000}'|[^\s"'=<>`]{1,2000}))?){0,50}\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)\s*$/;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** The text of a `<pre>` block: tags dropped, the few entities code uses decoded. */
function preText(raw: string): { text: string; leadingLines: number } {
  let body = raw.replace(/^ {0,3}<pre\b[^>]{0,1000}>(?:\s*<code\b[^>]{0,1000}>)?/i, '');
  let leadingLines = 0;
  while (body.startsWith('\n')) {
    body = body.slice(1);
    leadingLines++;
  }
  body = body
    .replace(/(?:<\/code>\s*)?<\/pre>[^\n]*$/i, '')
    .replace(/<\/?[A-Za-z][^>\n]{0,1000}>/g, '')
    .replace(/&(lt|gt|amp|quot|apos|nbsp|#39);/g, (_, e: string) => ENTITIES[e] ?? '');
  return { text: body.replace(/\n+$/, ''), leadingLines };
}
const HTML_HEADING = /^ {0,3}<h([1-6])\b[^>]*>(.*?)<\/h\1>/i;
const TABLE_ROW = /^ {0,3}\|.*\|\s*$|^[^|`]*\|[^|]*\|/;
const TABLE_DELIM = /^ {0,3}\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

function isBlank(s: string | undefined): boolean {
  return s === undefined || s.trim() === '';
}

function indentOf(s: string): number {
  let n = 0;
  for (const ch of s) {
    if (ch === ' ') n++;
    else if (ch === '\t') n += 4 - (n % 4);
    else break;
  }
  return n;
}

function parseMarkdown(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  let lastNonBlank: BlockKind | undefined;
  let prevBlank = true;
  const push = (b: Block) => {
    blocks.push(b);
    lastNonBlank = b.kind;
  };
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlank(line)) {
      prevBlank = true;
      i++;
      continue;
    }
    const start = i + 1;
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1]!;
      const indent = indentOf(line);
      const body: string[] = [];
      i++;
      while (i < lines.length) {
        const l = lines[i]!;
        const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(l);
        if (close && close[1]![0] === marker[0] && close[1]!.length >= marker.length) {
          i++;
          break;
        }
        body.push(indent > 0 ? l.replace(new RegExp(`^ {0,${indent}}`), '') : l);
        i++;
      }
      push({
        kind: 'code',
        line: start,
        text: body.join('\n'),
        lang: (fence[2] ?? '').toLowerCase(),
        style: 'fenced',
        bodyLine: start + 1,
      });
      prevBlank = false;
      continue;
    }
    // indented code: after a blank line, not the continuation of a list item
    if (indentOf(line) >= 4 && prevBlank && (lastNonBlank !== 'list' || indentOf(line) >= 8)) {
      const body: string[] = [];
      while (i < lines.length && (isBlank(lines[i]) || indentOf(lines[i]!) >= 4)) {
        body.push(lines[i]!.replace(/^( {4}|\t| {0,3}\t)/, ''));
        i++;
      }
      while (body.length > 0 && isBlank(body[body.length - 1])) body.pop();
      push({ kind: 'code', line: start, text: body.join('\n'), lang: '', style: 'indented', bodyLine: start });
      prevBlank = false;
      continue;
    }
    const atx = ATX.exec(line);
    if (atx) {
      // the closing run of #s is dropped by hand: a regex for it backtracks on long lines
      const content = line.slice(atx[0].length).trimEnd();
      const closed = content.replace(/(^|[ \t])#+$/, '').trim();
      push({ kind: 'heading', line: start, level: atx[1]!.length, text: cleanInline(closed) });
      i++;
      prevBlank = false;
      continue;
    }
    const htmlHeading = HTML_HEADING.exec(line);
    if (htmlHeading) {
      push({ kind: 'heading', line: start, level: Number(htmlHeading[1]), text: cleanInline(htmlHeading[2]!) });
      i++;
      prevBlank = false;
      continue;
    }
    const raw = HTML_RAW.exec(line);
    if (raw) {
      const close = new RegExp(`</${raw[1]!}\\s*>`, 'i');
      const body: string[] = [];
      while (i < lines.length) {
        const l = lines[i++]!;
        body.push(l);
        if (close.test(l)) break;
      }
      if (raw[1]!.toLowerCase() === 'pre') {
        const pre = preText(body.join('\n'));
        const lang = /<code\b[^>]*class=["'][^"']*\b(?:language|lang)-([\w+-]+)/i.exec(body[0] ?? '')?.[1] ?? '';
        push({ kind: 'code', line: start, text: pre.text, lang: lang.toLowerCase(), style: 'html', bodyLine: start + pre.leadingLines });
      } else push({ kind: 'html', line: start, text: body.join('\n') });
      prevBlank = false;
      continue;
    }
    if (/^ {0,3}<!--/.test(line) || HTML_BLOCK_TAG.test(line) || (prevBlank && HTML_LONE_TAG.test(line))) {
      const body: string[] = [];
      const comment = /^\s*<!--/.test(line);
      while (i < lines.length) {
        const l = lines[i]!;
        if (!comment && isBlank(l)) break;
        body.push(l);
        i++;
        if (comment && l.includes('-->')) break;
      }
      push({ kind: 'html', line: start, text: body.join('\n') });
      prevBlank = false;
      continue;
    }
    if (RULE.test(line)) {
      i++;
      prevBlank = false;
      continue;
    }
    if (/^ {0,3}>/.test(line)) {
      const body: string[] = [];
      while (i < lines.length && /^ {0,3}>/.test(lines[i]!)) body.push(lines[i++]!.replace(/^ {0,3}> ?/, ''));
      push({ kind: 'quote', line: start, text: body.join('\n') });
      prevBlank = false;
      continue;
    }
    if (TABLE_ROW.test(line) && lines[i + 1] !== undefined && TABLE_DELIM.test(lines[i + 1]!)) {
      const body: string[] = [];
      while (i < lines.length && !isBlank(lines[i]) && lines[i]!.includes('|')) body.push(lines[i++]!);
      push({ kind: 'table', line: start, text: body.join('\n') });
      prevBlank = false;
      continue;
    }
    if (LIST_ITEM.test(line)) {
      const body: string[] = [];
      // one block per list: items and their lazy or indented continuation lines
      while (i < lines.length && !isBlank(lines[i])) {
        const l = lines[i]!;
        if (body.length > 0 && (FENCE.test(l) || ATX.test(l))) break;
        body.push(l.replace(LIST_ITEM, '').trim());
        i++;
      }
      push({ kind: 'list', line: start, text: body.join('\n') });
      prevBlank = false;
      continue;
    }
    // a paragraph, possibly a setext heading
    const body: string[] = [];
    let heading: number | undefined;
    while (i < lines.length && !isBlank(lines[i])) {
      const l = lines[i]!;
      if (body.length > 0) {
        const setext = SETEXT.exec(l);
        if (setext) {
          heading = setext[1]![0] === '=' ? 1 : 2;
          i++;
          break;
        }
        if (FENCE.test(l) || ATX.test(l) || /^ {0,3}>/.test(l) || HTML_HEADING.test(l) || RULE.test(l)) break;
        if (LIST_ITEM.test(l) && !/^ {0,3}\d/.test(l)) break;
      }
      body.push(l.trim());
      i++;
    }
    if (heading !== undefined) push({ kind: 'heading', line: start, level: heading, text: cleanInline(body.join(' ')) });
    else push({ kind: 'paragraph', line: start, text: body.join('\n') });
    prevBlank = false;
  }
  return blocks;
}

// ---------------------------------------------------------------- reStructuredText

const RST_ADORN = /^([!-/:-@[-`{-~])\1{2,}\s*$/;
const RST_DIRECTIVE = /^(\s*)\.\.\s+(?:\|[^|]+\|\s+)?([A-Za-z][\w:+.-]*)::\s*(.*)$/;
const RST_LIST = /^\s*([-*+•]|#\.|\d{1,9}[.)]|\(\d{1,9}\))\s+/;
const CODE_DIRECTIVES = new Set(['code-block', 'code', 'sourcecode', 'prompt', 'ipython', 'jupyter-execute', 'testcode', 'doctest']);

function parseRst(lines: string[]): Block[] {
  const blocks: Block[] = [];
  const styles: string[] = [];
  const levelOf = (style: string) => {
    let k = styles.indexOf(style);
    if (k < 0) k = styles.push(style) - 1;
    return k + 1;
  };
  let i = 0;
  let literalNext = false;
  let literalIndent = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlank(line)) {
      i++;
      continue;
    }
    const start = i + 1;
    const indent = indentOf(line);
    if (literalNext && indent > literalIndent) {
      const body = takeIndented(lines, i, literalIndent);
      i = body.next;
      blocks.push({ kind: 'code', line: start, text: body.text, lang: '', style: 'literal', bodyLine: body.first + 1 });
      literalNext = false;
      continue;
    }
    literalNext = false;
    // over- and underlined title
    if (
      RST_ADORN.test(line) &&
      lines[i + 1] !== undefined &&
      !isBlank(lines[i + 1]) &&
      lines[i + 2] !== undefined &&
      lines[i + 2]!.trim() === line.trim()
    ) {
      blocks.push({ kind: 'heading', line: start + 1, level: levelOf('over' + line.trim()[0]), text: cleanInline(lines[i + 1]!.trim()) });
      i += 3;
      continue;
    }
    // underlined title
    const under = lines[i + 1];
    if (
      indent === 0 &&
      under !== undefined &&
      RST_ADORN.test(under) &&
      !RST_ADORN.test(line) &&
      under.trim().length >= Math.min(line.trim().length, 3)
    ) {
      blocks.push({ kind: 'heading', line: start, level: levelOf('under' + under.trim()[0]), text: cleanInline(line.trim()) });
      i += 2;
      continue;
    }
    if (RST_ADORN.test(line)) {
      i++; // a transition
      continue;
    }
    const directive = RST_DIRECTIVE.exec(line);
    if (directive) {
      const name = directive[2]!.toLowerCase();
      const body = takeIndented(lines, i + 1, indent, true);
      i = body.next;
      if (CODE_DIRECTIVES.has(name)) {
        const lang = name === 'prompt' || name === 'ipython' ? (directive[3]!.trim().split(/\s+/)[0] ?? '') : directive[3]!.trim();
        blocks.push({
          kind: 'code',
          line: start,
          text: body.text,
          lang:
            lang.toLowerCase() ||
            (name.includes('python') || name === 'ipython' || name === 'doctest' || name === 'testcode' || name === 'jupyter-execute'
              ? 'python'
              : ''),
          style: 'code-block',
          bodyLine: body.first + 1,
        });
      } else if (name === 'raw' || name === 'image' || name === 'figure' || name === 'include') {
        blocks.push({ kind: name === 'raw' ? 'html' : 'directive', line: start, text: name });
      } else {
        // admonitions and the like hold prose; keep it as a quote-like block
        blocks.push({ kind: 'directive', line: start, text: `${name}\n${body.text}` });
      }
      continue;
    }
    if (/^\s*\.\.(\s|$)/.test(line)) {
      // a comment or a hyperlink target: skip it and its indented body
      i = takeIndented(lines, i + 1, indent).next;
      continue;
    }
    if (/^\s*>>>/.test(line)) {
      const body: string[] = [];
      while (i < lines.length && !isBlank(lines[i])) body.push(lines[i++]!.trim());
      blocks.push({ kind: 'code', line: start, text: body.join('\n'), lang: 'pycon', style: 'doctest', bodyLine: start });
      continue;
    }
    if (/^\s*\+[-=+]+\+\s*$/.test(line) || /^\s*=+(\s+=+)+\s*$/.test(line)) {
      const body: string[] = [];
      while (i < lines.length && !isBlank(lines[i])) body.push(lines[i++]!);
      blocks.push({ kind: 'table', line: start, text: body.join('\n') });
      continue;
    }
    const isList = RST_LIST.test(line);
    const body: string[] = [];
    while (i < lines.length && !isBlank(lines[i])) {
      const l = lines[i]!;
      if (body.length > 0 && (RST_DIRECTIVE.test(l) || (lines[i + 1] !== undefined && RST_ADORN.test(lines[i + 1]!) && indentOf(l) === 0)))
        break;
      body.push(isList ? l.replace(RST_LIST, '').trim() : l.trim());
      i++;
    }
    let text = body.join('\n');
    if (/::\s*$/.test(text)) {
      literalNext = true;
      literalIndent = indent;
      text = text.replace(/\s*::\s*$/, /\s::\s*$/.test(text) || text.trim() === '::' ? '' : ':');
    }
    if (text.trim() !== '') blocks.push({ kind: isList ? 'list' : indent > 0 ? 'quote' : 'paragraph', line: start, text });
  }
  return blocks;
}

/** The block indented more than `base` starting at `from` (blank lines inside kept), its options skipped. */
function takeIndented(lines: string[], from: number, base: number, skipOptions = false): { text: string; next: number; first: number } {
  const body: string[] = [];
  let first = -1;
  let i = from;
  let minIndent = Infinity;
  let inOptions = skipOptions;
  while (i < lines.length) {
    const l = lines[i]!;
    if (isBlank(l)) {
      inOptions = false;
      body.push('');
      i++;
      continue;
    }
    const ind = indentOf(l);
    if (ind <= base) break;
    if (inOptions && /^\s*:[\w -]+:/.test(l)) {
      i++;
      continue;
    }
    inOptions = false;
    minIndent = Math.min(minIndent, ind);
    if (first < 0) first = i;
    body.push(l);
    i++;
  }
  while (body.length > 0 && body[body.length - 1] === '') body.pop();
  while (body.length > 0 && body[0] === '') body.shift();
  const cut = minIndent === Infinity ? 0 : minIndent;
  return {
    text: body.map((l) => (l === '' ? '' : l.replace(/^\s+/, (ws) => ' '.repeat(Math.max(0, indentOf(ws) - cut))))).join('\n'),
    next: i,
    first: first < 0 ? from : first,
  };
}
