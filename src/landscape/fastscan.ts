// A fast reader for the block-style YAML subset landscape files are written in: block mappings
// and sequences, simple keys, one-line plain / quoted scalars, `|` and `|-` blocks, comments.
// It exists because the general `yaml` parser needs about a second for a 10 000-item file. It
// never guesses: anything outside the subset (flow collections, anchors, tags, multi-line plain
// or quoted scalars, tabs, CRLF, odd indentation, syntax errors) returns null and the caller
// uses the `yaml` package, which also reports the errors. Tests check both give the same tree.
import { parse } from 'yaml';
import type { Range, TMap, TNode, TPair, TScalar, TSeq } from './tree.js';

class Outside extends Error {}

// sticky, matched in place: slicing every line costs more than the whole scan otherwise
const KEY = /([A-Za-z_][A-Za-z0-9_.-]*)( *):(?= |\n|$)/y;
const RESERVED_KEY = /^(null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;
const FIRST_CHAR_OUTSIDE = /^[,[\]{}#&*!|>%@`]|^[-?:](?= |$)/;

interface Line {
  start: number;
  end: number; // offset of the '\n' (or text length)
  indent: number;
  significant: boolean;
}

export function fastScan(text: string): TNode | null {
  if (/[\r\t\uFEFF]/.test(text)) return null;
  try {
    return new Scanner(text).root();
  } catch (e) {
    if (e instanceof Outside) return null;
    throw e;
  }
}

class Scanner {
  private readonly lines: Line[] = [];
  private li = 0;

  constructor(private readonly text: string) {
    let start = 0;
    while (start <= text.length) {
      let end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      let i = start;
      while (i < end && text.charCodeAt(i) === 32) i++;
      const c = text[i];
      this.lines.push({ start, end, indent: i - start, significant: i < end && c !== '#' });
      if (end === text.length) break;
      start = end + 1;
    }
  }

  root(): TNode | null {
    this.skip();
    if (this.li >= this.lines.length) return null;
    const l = this.lines[this.li]!;
    const t = this.text;
    if (l.indent !== 0 || t.startsWith('---', l.start) || t.startsWith('...', l.start) || t[l.start] === '%') throw new Outside();
    const node = this.isDash(l) ? this.seq(0) : this.map(0, l.start);
    this.skip();
    if (this.li < this.lines.length) throw new Outside();
    return node;
  }

  /** moves to the next significant line */
  private skip(): void {
    while (this.li < this.lines.length && !this.lines[this.li]!.significant) this.li++;
  }

  private isDash(l: Line): boolean {
    const p = l.start + l.indent;
    return this.text[p] === '-' && (p + 1 === l.end || this.text[p + 1] === ' ');
  }

  private lineEnd(l: Line): number {
    return l.end < this.text.length ? l.end + 1 : l.end;
  }

  /** a mapping whose keys sit at column `col`; its first key starts at offset `first` on the current line */
  private map(col: number, first: number): TMap {
    const pairs: TPair[] = [];
    let p = first;
    let valueEnd = first;
    for (;;) {
      const l = this.lines[this.li]!;
      KEY.lastIndex = p;
      const m = KEY.exec(this.text);
      if (!m || RESERVED_KEY.test(m[1]!)) throw new Outside();
      const key = m[1]!;
      const after = p + m[0].length;
      const value = this.value(col, after, l);
      pairs.push({ key, keyRange: [p, p + key.length], value });
      valueEnd = value ? value.range[2] : after;
      this.skip();
      const next = this.lines[this.li];
      if (!next || next.indent < col) break;
      if (next.indent > col || this.isDash(next)) throw new Outside();
      p = next.start + next.indent;
    }
    const range: Range = [first, valueEnd, valueEnd];
    const node: TMap = { kind: 'map', pairs, range, flow: false, js: () => toJs(node) };
    return node;
  }

  /** a sequence whose dashes sit at column `col`, starting at the current line */
  private seq(col: number): TSeq {
    const items: Array<TNode | null> = [];
    const first = this.lines[this.li]!.start + col;
    let end = first;
    for (;;) {
      const l = this.lines[this.li]!;
      const dash = l.start + l.indent;
      let p = dash + 1;
      while (p < l.end && this.text.charCodeAt(p) === 32) p++;
      let item: TNode | null;
      if (p >= l.end || this.text[p] === '#') {
        this.li++;
        item = this.nested(col, false);
        end = item ? item.range[2] : this.lineEnd(l);
      } else if (((KEY.lastIndex = p), KEY.test(this.text))) {
        item = this.map(p - l.start, p);
        end = item.range[2];
      } else {
        if (this.isDash({ ...l, indent: p - l.start })) throw new Outside();
        item = this.scalar(p, l);
        this.li++;
        this.noDeeperLine(col);
        end = item.range[2];
      }
      items.push(item);
      this.skip();
      const next = this.lines[this.li];
      if (!next || next.indent < col || (next.indent === col && !this.isDash(next))) break;
      if (next.indent > col) throw new Outside();
    }
    const range: Range = [first, end, end];
    const node: TSeq = { kind: 'seq', items, range, flow: false, js: () => toJs(node) };
    return node;
  }

  /** the block below a `key:` or `-` with nothing after it: deeper lines, or null */
  private nested(col: number, inMap: boolean): TNode | null {
    this.skip();
    const next = this.lines[this.li];
    if (next && next.indent > col) return this.isDash(next) ? this.seq(next.indent) : this.map(next.indent, next.start + next.indent);
    // YAML lets a mapping's value be a sequence at the key's own column
    if (next && inMap && next.indent === col && this.isDash(next)) return this.seq(col);
    return null;
  }

  /** the value after `key:` at offset `after` on line `l` */
  private value(col: number, after: number, l: Line): TNode | null {
    let p = after;
    while (p < l.end && this.text.charCodeAt(p) === 32) p++;
    if (p >= l.end || this.text[p] === '#') {
      this.li++;
      const nested = this.nested(col, true);
      if (nested) return nested;
      return { kind: 'scalar', value: null, range: [after, after, after] };
    }
    if (this.text[p] === '|') return this.block(p, l, col);
    const s = this.scalar(p, l);
    this.li++;
    this.noDeeperLine(col);
    return s;
  }

  /** a deeper line after a one-line value would continue it (or be an error): not our subset */
  private noDeeperLine(col: number): void {
    let i = this.li;
    while (i < this.lines.length && !this.lines[i]!.significant) i++;
    const next = this.lines[i];
    if (next && next.indent > col) throw new Outside();
  }

  /** a one-line scalar starting at `p` on line `l` */
  private scalar(p: number, l: Line): TScalar {
    const t = this.text;
    const lineEnd = this.lineEnd(l);
    const c = t[p];
    if (c === "'" || c === '"') {
      let i = p + 1;
      let out = '';
      for (;;) {
        if (i >= l.end) throw new Outside();
        const ch = t[i]!;
        if (c === "'" && ch === "'") {
          if (t[i + 1] !== "'") break;
          out += "'";
          i += 2;
        } else if (c === '"' && ch === '\\') {
          const e = ESCAPES[t[i + 1] ?? ''];
          if (e === undefined) throw new Outside();
          out += e;
          i += 2;
        } else if (c === '"' && ch === '"') break;
        else {
          out += ch;
          i++;
        }
      }
      const close = i + 1;
      const rest = t.slice(close, l.end);
      if (!/^( *| +#.*)$/.test(rest)) throw new Outside();
      return { kind: 'scalar', value: out, range: [p, close, lineEnd] };
    }
    const raw = t.slice(p, l.end);
    if (FIRST_CHAR_OUTSIDE.test(raw)) throw new Outside();
    const hash = raw.indexOf(' #');
    const body = (hash === -1 ? raw : raw.slice(0, hash)).trimEnd();
    if (body.includes(': ') || body.endsWith(':')) throw new Outside();
    return { kind: 'scalar', value: plain(body), range: [p, p + body.length, lineEnd] };
  }

  /** a literal block scalar `|` or `|-` whose header is at `p` on line `l` */
  private block(p: number, l: Line, col: number): TScalar {
    const header = this.text.slice(p, l.end);
    const m = /^\|(-?)( *| +#.*)$/.exec(header);
    if (!m) throw new Outside();
    const strip = m[1] === '-';
    this.li++;
    let contentIndent = -1;
    const parts: string[] = [];
    let lastContent = -1;
    let i = this.li;
    for (; i < this.lines.length; i++) {
      const x = this.lines[i]!;
      const blank = x.indent === x.end - x.start;
      if (blank) {
        parts.push(contentIndent >= 0 && x.end - x.start > contentIndent ? this.text.slice(x.start + contentIndent, x.end) : '');
        continue;
      }
      if (contentIndent < 0) {
        if (x.indent <= col) break;
        contentIndent = x.indent;
      }
      if (x.indent < contentIndent) break;
      parts.push(this.text.slice(x.start + contentIndent, x.end));
      lastContent = i;
    }
    if (lastContent < 0) throw new Outside();
    // trailing blank lines are not content; leading blank lines before the first content are
    const kept = parts.slice(0, lastContent - this.li + 1);
    let value = kept.join('\n');
    if (!strip) value += '\n';
    const last = this.lines[lastContent]!;
    this.li = lastContent + 1;
    const end = this.lineEnd(last);
    return { kind: 'scalar', value, range: [p, end, end] };
  }
}

const ESCAPES: Record<string, string> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t', r: '\r', '0': '\0' };

/** A plain scalar's value under the YAML 1.2 core schema (what the `yaml` package resolves). */
function plain(s: string): unknown {
  if (s === '~' || s === 'null' || s === 'Null' || s === 'NULL') return null;
  if (s === 'true' || s === 'True' || s === 'TRUE') return true;
  if (s === 'false' || s === 'False' || s === 'FALSE') return false;
  // numbers, dates, versions: let the yaml package decide, it is the reference
  if (/^[-+.0-9]/.test(s)) {
    try {
      return parse(s);
    } catch {
      throw new Outside();
    }
  }
  return s;
}

function toJs(node: TNode | null): unknown {
  if (node === null) return null;
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map((i) => toJs(i));
  if (node.kind === 'map') {
    const o: Record<string, unknown> = {};
    for (const p of node.pairs) if (p.key !== undefined) o[p.key] = toJs(p.value);
    return o;
  }
  return node.js();
}
