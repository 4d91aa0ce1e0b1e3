// The landscape file as source text plus the positions the YAML parser reports for each category,
// subcategory, item and key. Reading and editing both start here: edits are made to the text at
// these offsets (never by re-stringifying the document), so untouched bytes stay untouched.
import { parseDocument } from 'yaml';
import { fastScan } from './fastscan.js';
import { withoutStacks, yamlCostLimit } from '../util/yaml-cost.js';
import { positionalId } from './names.js';
import { fromYaml, getPair, jsOf, scalarText, type TMap, type TNode, type TPair } from './tree.js';
import type { LandscapeFormat, LandscapeProblem } from './types.js';
import { lineIndex } from '../util/line-index.js';

export interface SourceField {
  key: string;
  /** offset of the key's first character */
  keyStart: number;
  /** offsets of the value's text (quotes included, trailing comment excluded); keyEnd when empty */
  valueStart: number;
  valueEnd: number;
  /** offset just past the value, its comment and the end of its last line */
  end: number;
  value: unknown;
  line: number;
}

export interface SourceItem {
  /** position in its subcategory's list */
  index: number;
  /** the name as written, or undefined when missing / not a string */
  name: string | undefined;
  values: Record<string, unknown>;
  /** keys in file order, without the `item:` marker */
  keys: string[];
  fields: Map<string, SourceField>;
  /** whether the entry starts with the legacy `item:` marker key */
  marker: boolean;
  /** block-style mapping (editable in place); false for flow style `{...}` */
  block: boolean;
  /** offset of the start of the line holding the entry's `-` */
  entryStart: number;
  /** offset just past the entry's last line (its own content: comments after it are not included) */
  end: number;
  /** column of the `-` and of the entry's keys */
  dashColumn: number;
  keyColumn: number;
  line: number;
  /** lines of the entry's `-` and of its last content */
  entryLine: number;
  endLine: number;
}

export interface SourceItemList {
  /** column of the `items` key, and whether its value is a block sequence / empty */
  keyColumn: number;
  kind: 'block' | 'flow' | 'empty';
  /** offset just past the `items:` line */
  keyLineEnd: number;
  /** for an empty list: whether nothing but a comment follows `items:` on its line */
  bare: boolean;
}

export interface SourceSubcategory {
  name: string;
  line: number;
  list: SourceItemList | null;
  items: SourceItem[];
}

export interface SourceCategory {
  name: string;
  line: number;
  subcategories: SourceSubcategory[];
}

export interface SourceLandscape {
  text: string;
  file: string;
  format: LandscapeFormat;
  categories: SourceCategory[];
  problems: LandscapeProblem[];
  /** lines the YAML parser reported errors on (entries touching them are unreliable) */
  syntaxErrorLines: number[];
  lineOf(offset: number): number;
}

/** Offset of the start of the line holding `offset`. */
export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just past the newline ending the line that holds the character before `offset`. */
export function lineEndAfter(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl + 1;
}

function columnOf(text: string, offset: number): number {
  return offset - lineStartOf(text, offset);
}

export interface ParseOptions {
  /** 'auto' (default): the fast scanner when the file is in its subset, else `yaml`; tests force one */
  parser?: 'auto' | 'yaml' | 'fast';
}

export function parseLandscapeSource(text: string, file = 'landscape.yml', opts: ParseOptions = {}): SourceLandscape {
  const lines = lineIndex(text);
  // errors at the end of input point past the last newline: report the last line instead
  const lastLine = Math.max(1, lines.starts - (text.endsWith('\n') ? 1 : 0));
  const lineOf = (offset: number) => Math.min(lines.lineOf(offset), lastLine);
  const problems: LandscapeProblem[] = [];
  const src: SourceLandscape = { text, file, format: 'landscape', categories: [], problems, syntaxErrorLines: [], lineOf };

  if (text.length > MAX_LANDSCAPE_CHARS) {
    problems.push({
      line: 1,
      item: null,
      message: `the file is ${text.length} characters long, more than the ${MAX_LANDSCAPE_CHARS} a landscape file may have; nothing was read`,
    });
    return src;
  }
  let root: TNode | null | undefined = opts.parser === 'yaml' ? undefined : fastScan(text);
  if (root === null && opts.parser === 'fast') throw new Error('fast scanner refused the input');
  if (root === null && text.trim() !== '') root = undefined;
  if (root === undefined) {
    // input outside the fast scanner's subset goes to the yaml package, whose cost grows with
    // nesting, anchors and aliases: past these limits the file is refused with the reason
    const limit = yamlLimit(text, lineOf);
    if (limit) {
      src.syntaxErrorLines = [limit.line];
      problems.push({ line: limit.line, item: null, message: limit.message });
      return src;
    }
    // uniqueKeys off: a repeated key is reported by us with both lines instead of failing the parse
    // the parser makes an Error per problem: without stack traces (unused) thousands cost little
    const doc = withoutStacks(() => parseDocument(text, { uniqueKeys: false, prettyErrors: false }));
    // one error per run of lines: errors on the lines right after one are its consequences
    const errorLines = [...new Set(doc.errors.map((e) => lineOf(e.pos[0])))].sort((x, y) => x - y);
    src.syntaxErrorLines = errorLines;
    const errorLineSet = new Set(errorLines);
    const reported = new Set<number>();
    for (const e of doc.errors) {
      const line = lineOf(e.pos[0]);
      if (errorLineSet.has(line - 1) || reported.has(line)) continue;
      // the first few are what a person fixes; the hint reads the lines before each (not free)
      if (reported.size === MAX_REPORTED_ERRORS) {
        problems.push({
          line,
          item: null,
          message: `YAML syntax: more errors from line ${line} on (${errorLines.length} lines in all); fix the ones above first`,
        });
        break;
      }
      reported.add(line);
      problems.push({ line, item: null, message: `YAML syntax: ${firstLine(e.message)}${hint(text, line)}` });
    }
    root = fromYaml(doc.contents, doc, (offset, message) => {
      const line = lineOf(offset);
      if (!problems.some((p) => p.line === line && p.message.endsWith(message)))
        problems.push({ line, item: null, message: `YAML: ${message}` });
    });
  }

  if (!root || root.kind !== 'map') {
    problems.push({
      line: 1,
      item: null,
      message: 'expected a mapping with a `landscape:` (or `categories:`) list at the top of the file',
    });
    return src;
  }
  const top = getPair(root, 'landscape') ?? getPair(root, 'categories');
  for (const p of root.pairs) {
    if (p.key !== 'landscape' && p.key !== 'categories') {
      problems.push({
        line: lineOf(p.keyRange[0]),
        item: null,
        message: `unexpected top-level key ${JSON.stringify(p.key ?? null)}: expected only \`landscape\` or \`categories\``,
      });
    }
  }
  if (!top) {
    problems.push({ line: 1, item: null, message: 'expected a `landscape:` (or `categories:`) list at the top of the file, found none' });
    return src;
  }
  src.format = top.key === 'categories' ? 'categories' : 'landscape';
  if (!top.value || top.value.kind !== 'seq') {
    problems.push({
      line: lineOf(top.keyRange[0]),
      item: null,
      message: `expected \`${top.key}\` to be a list of categories, found ${describe(top.value)}`,
    });
    return src;
  }
  top.value.items.forEach((catNode, ci) => {
    const cat = readCategory(text, catNode, ci, lineOf, problems);
    if (cat) src.categories.push(cat);
  });
  return src;
}

function readCategory(
  text: string,
  node: TNode | null,
  index: number,
  lineOf: (o: number) => number,
  problems: LandscapeProblem[],
): SourceCategory | null {
  const line = lineOf(nodeStart(node) ?? 0);
  if (!node || node.kind !== 'map') {
    problems.push({
      line,
      item: null,
      message: `category [${index}]: expected a mapping with name and subcategories, found ${describe(node)}`,
    });
    return null;
  }
  const name = scalarText(getPair(node, 'name')?.value);
  if (!name) problems.push({ line, item: null, message: `category [${index}] name is required` });
  const cat: SourceCategory = { name: name ?? '', line, subcategories: [] };
  const subs = getPair(node, 'subcategories');
  if (!subs || !subs.value || subs.value.kind !== 'seq') {
    problems.push({
      line,
      item: null,
      message: `category [${name ?? index}]: expected a \`subcategories\` list, found ${subs ? describe(subs.value) : 'none'}`,
    });
    return cat;
  }
  subs.value.items.forEach((subNode, si) => {
    const sub = readSubcategory(text, subNode, si, cat.name, lineOf, problems);
    if (sub) cat.subcategories.push(sub);
  });
  return cat;
}

function readSubcategory(
  text: string,
  node: TNode | null,
  index: number,
  category: string,
  lineOf: (o: number) => number,
  problems: LandscapeProblem[],
): SourceSubcategory | null {
  const line = lineOf(nodeStart(node) ?? 0);
  if (!node || node.kind !== 'map') {
    problems.push({
      line,
      item: null,
      message: `subcategory [${index}] of ${category}: expected a mapping with name and items, found ${describe(node)}`,
    });
    return null;
  }
  const name = scalarText(getPair(node, 'name')?.value);
  if (!name) problems.push({ line, item: null, message: `subcategory [${index}] name is required (category: ${category})` });
  const sub: SourceSubcategory = { name: name ?? '', line, list: null, items: [] };
  const itemsPair = getPair(node, 'items');
  if (!itemsPair) {
    problems.push({ line, item: null, message: `subcategory ${category} / ${name ?? index}: expected an \`items\` list, found none` });
    return sub;
  }
  const keyStart = itemsPair.keyRange[0];
  const keyColumn = columnOf(text, keyStart);
  const value = itemsPair.value;
  if (value === null || (value.kind === 'scalar' && value.value === null)) {
    const rest = text.slice(itemsPair.keyRange[1] + 1, lineEndAfter(text, keyStart));
    sub.list = { keyColumn, kind: 'empty', keyLineEnd: lineEndAfter(text, keyStart), bare: /^\s*(#.*)?$/.test(rest) };
    problems.push({
      line: lineOf(keyStart),
      item: null,
      message: `subcategory ${category} / ${sub.name}: \`items\` is empty; landscape2 expects a list`,
    });
    return sub;
  }
  if (value.kind !== 'seq') {
    problems.push({
      line: lineOf(keyStart),
      item: null,
      message: `subcategory ${category} / ${sub.name}: expected \`items\` to be a list, found ${describe(value)}`,
    });
    return sub;
  }
  sub.list = { keyColumn, kind: value.flow ? 'flow' : 'block', keyLineEnd: lineEndAfter(text, keyStart), bare: false };
  value.items.forEach((itemNode, ii) => {
    const item = itemNode && itemNode.kind === 'map' ? readItem(text, itemNode, ii, lineOf) : null;
    if (item) sub.items.push(item);
    else
      problems.push({
        line: lineOf(nodeStart(itemNode) ?? keyStart),
        item: positionalId(category, sub.name, ii),
        message: `expected an item mapping (name, homepage_url, logo, …), found ${describe(itemNode)}`,
      });
  });
  return sub;
}

function readItem(text: string, map: TMap, index: number, lineOf: (o: number) => number): SourceItem {
  const [start, valueEnd] = map.range;
  const block = !map.flow;
  // the entry's `-` is the first non-blank character before the mapping (possibly on an earlier line)
  let dash = start - 1;
  while (dash >= 0 && /\s/.test(text[dash]!)) dash--;
  const hasDash = dash >= 0 && text[dash] === '-';
  const entryStart = lineStartOf(text, hasDash ? dash : start);
  const fields = new Map<string, SourceField>();
  const keys: string[] = [];
  const values: Record<string, unknown> = {};
  let marker = false;
  map.pairs.forEach((pair: TPair, pi) => {
    const key = pair.key;
    if (key === undefined) return;
    const [keyStart, keyEnd] = pair.keyRange;
    const v = pair.value;
    if (pi === 0 && key === 'item' && (v === null || (v.kind === 'scalar' && v.value === null))) {
      marker = true;
      return;
    }
    const valueStart = v?.range[0] ?? keyEnd;
    const vEnd = v?.range[1] ?? keyEnd;
    const nodeEnd = v?.range[2] ?? keyEnd;
    const value = jsOf(v);
    const field: SourceField = {
      key,
      keyStart,
      valueStart,
      valueEnd: vEnd,
      end: lineEndAfter(text, Math.max(nodeEnd, vEnd)),
      value,
      line: lineOf(keyStart),
    };
    if (!fields.has(key)) {
      fields.set(key, field);
      keys.push(key);
      values[key] = value;
    } else {
      // remember repeated keys under a suffixed name so validation can report them with their line
      fields.set(`${key}\u0000${pi}`, field);
    }
  });
  const firstKey = [...fields.values()][0];
  const name = typeof values['name'] === 'string' ? (values['name'] as string) : undefined;
  return {
    index,
    name,
    values,
    keys,
    fields,
    marker,
    block,
    entryStart,
    end: lineEndAfter(text, valueEnd),
    dashColumn: hasDash ? columnOf(text, dash) : columnOf(text, start),
    keyColumn: firstKey ? columnOf(text, firstKey.keyStart) : columnOf(text, start),
    line: lineOf(firstKey?.keyStart ?? start),
    entryLine: lineOf(entryStart),
    endLine: lineOf(Math.max(start, valueEnd - 1)),
  };
}

function nodeStart(node: TNode | null | undefined): number | undefined {
  return node ? node.range[0] : undefined;
}

function describe(node: TNode | null | undefined): string {
  if (!node) return 'nothing';
  if (node.kind === 'map') return 'a mapping';
  if (node.kind === 'seq') return 'a list';
  if (node.kind === 'scalar')
    return node.value === null ? 'an empty value' : `${typeof node.value} ${JSON.stringify(node.value)}`.slice(0, 80);
  return 'an alias or unknown node';
}

/**
 * Names the line (the reported one or the next) whose indentation matches no enclosing level:
 * the usual hand-edit mistake, which the parser often reports a line early.
 */
function hint(text: string, line: number): string {
  const lines = text.split('\n', line + 1);
  const ind = (l: string) => l.length - l.trimStart().length;
  const isDash = (l: string) => /^\s*-(\s|$)/.test(l);
  const skip = (l: string | undefined) => l === undefined || !l.trim() || l.trimStart().startsWith('#');
  for (const l of [line, line + 1]) {
    const cur = lines[l - 1];
    if (skip(cur)) continue;
    const dashLevels: number[] = [];
    const keyLevels: number[] = [];
    let min = Infinity;
    let prev: string | undefined;
    for (let j = l - 2; j >= 0 && min > 0; j--) {
      const t = lines[j]!;
      if (skip(t) || ind(t) >= min) continue;
      prev ??= t;
      min = ind(t);
      if (isDash(t)) dashLevels.push(min);
      keyLevels.push(isDash(t) ? min + 2 : min);
    }
    if (prev === undefined) continue;
    const c = ind(cur!);
    // a line ending in `:` opens a nested block: anything deeper is its content
    if (prev.trimEnd().endsWith(':') && c > (isDash(prev) ? ind(prev) + 2 : ind(prev))) continue;
    const levels = isDash(cur!) ? [...dashLevels, ...keyLevels] : keyLevels;
    if (!levels.includes(c)) {
      const want = isDash(cur!) && dashLevels.length ? dashLevels[0]! : keyLevels[0]!;
      // YAML forbids tabs in indentation; counting a tab as one space would mislead.
      if (/^[ ]*\t/.test(cur!)) return ` (line ${l} is indented with a tab: indent it with ${want} spaces)`;
      return ` (line ${l} is indented ${c} spaces where ${want} was expected)`;
    }
  }
  return '';
}

/** The landscape file's size limit, in characters (the PyTorch landscape is about 95 KB). */
export const MAX_LANDSCAPE_CHARS = 8 * 1024 * 1024;
/** Limits on input the yaml package parses (what the fast scanner leaves to it). */
export const MAX_YAML_CHARS = 1024 * 1024;
const MAX_REPORTED_ERRORS = 20;

/**
 * Refuses input bound for the yaml package that would cost it seconds (deep flow or compact
 * nesting, many anchors and aliases: src/util/yaml-cost.ts, or sheer size) before it is parsed.
 */
export function yamlLimit(text: string, lineOf: (offset: number) => number): { line: number; message: string } | null {
  if (text.length > MAX_YAML_CHARS) {
    return {
      line: 1,
      message: `the file is ${text.length} characters long and uses YAML outside the plain block style, which is read only up to ${MAX_YAML_CHARS} characters; write it in block style (one key per line), or split it`,
    };
  }
  const limit = yamlCostLimit(text);
  return limit ? { line: lineOf(limit.offset), message: limit.message } : null;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}
