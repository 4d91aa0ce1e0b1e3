// setup.py, read without running it: a small tokenizer and an evaluator for literals only
// (strings, lists, tuples, dicts, `+` of lists, names bound to such literals). Anything else
// (calls, comprehensions, file reads) is "unknown" and simply contributes nothing.
import type { EvidenceProblem, TorchDeclaration } from '../types.js';
import { emptyFacts, type PackagingFacts } from './facts.js';
import { isTorchName, parsePep508 } from './pep508.js';

type Tok = { t: 'name' | 'str' | 'op' | 'num'; v: string; line: number };

const OPEN: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const CLOSE = new Set([')', ']', '}']);

/** Python tokens with line numbers; comments dropped; a newline token only outside brackets. */
export function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  let line = 1;
  let depth = 0;
  const n = src.length;
  while (i < n) {
    const c = src[i]!;
    if (c === '\n') {
      if (depth === 0 && out.length && out[out.length - 1]!.v !== '\n') out.push({ t: 'op', v: '\n', line });
      line++;
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f') {
      i++;
      continue;
    }
    if (c === '\\' && src[i + 1] === '\n') {
      i += 2;
      line++;
      continue;
    }
    if (c === '#') {
      const nl = src.indexOf('\n', i);
      i = nl < 0 ? n : nl;
      continue;
    }
    const prefix = /[rRbBuUfF]{0,2}(?=['"])/y;
    prefix.lastIndex = i;
    const pm = /[A-Za-z_'"]/.test(c) ? prefix.exec(src) : null;
    if (pm) {
      const raw = /[rR]/.test(pm[0]);
      let j = i + pm[0].length;
      const q = src[j]!;
      const triple = src.startsWith(q.repeat(3), j);
      const quote = triple ? q.repeat(3) : q;
      j += quote.length;
      const startLine = line;
      let value = '';
      while (j < n) {
        if (src.startsWith(quote, j)) {
          j += quote.length;
          break;
        }
        const ch = src[j]!;
        if (ch === '\n') {
          if (!triple) break; // an unterminated string ends at the line
          line++;
        }
        if (ch === '\\' && j + 1 < n) {
          const nx = src[j + 1]!;
          if (nx === '\n') line++;
          value += raw ? ch + nx : nx === 'n' ? '\n' : nx === 't' ? '\t' : nx === '\n' ? '' : nx;
          j += 2;
          continue;
        }
        value += ch;
        j++;
      }
      out.push({ t: 'str', v: value, line: startLine });
      i = j;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_]/.test(src[j]!)) j++;
      out.push({ t: 'name', v: src.slice(i, j), line });
      i = j;
      continue;
    }
    if (/[0-9]/.test(c)) {
      let j = i + 1;
      while (j < n && /[0-9A-Za-z_.]/.test(src[j]!)) j++;
      out.push({ t: 'num', v: src.slice(i, j), line });
      i = j;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (['==', '!=', '<=', '>=', '+=', '**', '->', ':='].includes(two)) {
      out.push({ t: 'op', v: two, line });
      i += 2;
      continue;
    }
    if (c in OPEN) depth++;
    else if (CLOSE.has(c)) depth = Math.max(0, depth - 1);
    out.push({ t: 'op', v: c, line });
    i++;
  }
  return out;
}

export type PyVal =
  { k: 'str'; v: string; line: number } | { k: 'list'; items: PyVal[] } | { k: 'dict'; entries: [string, PyVal][] } | { k: 'unknown' };

const UNKNOWN: PyVal = { k: 'unknown' };
const MAX_NESTING = 64;

class Evaluator {
  private readonly assigned = new Map<string, number>();
  private readonly resolving = new Set<string>();
  private readonly resolved = new Map<string, PyVal>();

  /** for each opener, the index after its group: found once, so skipping a group costs nothing */
  private readonly groupEnd: Int32Array;

  constructor(private readonly toks: Tok[]) {
    // one pass with a stack (`name=setup(name=setup(…` skipped the rest of the file once per
    // argument: 7.6 s for 160 KB, found by `npm run fuzz`)
    this.groupEnd = new Int32Array(toks.length).fill(toks.length);
    const open: number[] = [];
    for (let j = 0; j < toks.length; j++) {
      const v = toks[j]!.v;
      if (v in OPEN) open.push(j);
      else if (CLOSE.has(v) && open.length > 0) this.groupEnd[open.pop()!] = j + 1;
    }
    for (let i = 0; i + 1 < toks.length; i++) {
      const a = toks[i]!;
      const prev = toks[i - 1];
      if (a.t === 'name' && toks[i + 1]!.v === '=' && (!prev || prev.v === '\n' || prev.v === ';') && !this.assigned.has(a.v)) {
        this.assigned.set(a.v, i + 2);
      }
    }
  }

  /** Index after a balanced bracket group starting at `i` (an opener). */
  skipGroup(i: number): number {
    return i < this.toks.length && this.toks[i]!.v in OPEN ? this.groupEnd[i]! : Math.min(i + 1, this.toks.length);
  }

  /** Skips to the end of the expression: a `,` / closer at this level or a newline. */
  skipExpr(i: number): number {
    let j = i;
    while (j < this.toks.length) {
      const v = this.toks[j]!.v;
      if (v === ',' || v === '\n' || v === ':' || CLOSE.has(v)) return j;
      j = v in OPEN ? this.skipGroup(j) : j + 1;
    }
    return j;
  }

  expr(i: number, nesting = 0): { val: PyVal; end: number } {
    let { val, end } = this.term(i, nesting);
    while (this.toks[end]?.v === '+') {
      const next = this.term(end + 1, nesting);
      val = val.k === 'list' && next.val.k === 'list' ? { k: 'list', items: [...val.items, ...next.val.items] } : UNKNOWN;
      end = next.end;
    }
    if (end < this.toks.length && ![',', '\n', ':', ')', ']', '}'].includes(this.toks[end]!.v)) {
      return { val: UNKNOWN, end: this.skipExpr(end) };
    }
    return { val, end };
  }

  private term(i: number, nesting: number): { val: PyVal; end: number } {
    const t = this.toks[i];
    if (!t) return { val: UNKNOWN, end: i };
    if (nesting > MAX_NESTING) return { val: UNKNOWN, end: t.v in OPEN ? this.skipGroup(i) : i + 1 };
    let val: PyVal = UNKNOWN;
    let end = i + 1;
    if (t.t === 'str') {
      let v = t.v;
      while (this.toks[end]?.t === 'str') v += this.toks[end++]!.v; // implicit concatenation
      val = { k: 'str', v, line: t.line };
    } else if (t.v === '[' || t.v === '(') {
      const r = this.sequence(i, nesting);
      val = r.val;
      end = r.end;
    } else if (t.v === '{') {
      const r = this.dict(i, nesting);
      val = r.val;
      end = r.end;
    } else if (t.t === 'name' && this.toks[i + 1]?.v === '(' && t.v === 'dict') {
      const r = this.kwargsDict(i + 1, nesting);
      val = r.val;
      end = r.end;
    } else if (t.t === 'name' && this.toks[i + 1]?.v !== '(' && this.assigned.has(t.v) && !this.resolving.has(t.v)) {
      // memoised: a hostile file may name one huge list thousands of times
      let known = this.resolved.get(t.v);
      if (!known) {
        this.resolving.add(t.v);
        known = this.expr(this.assigned.get(t.v)!, nesting + 1).val;
        this.resolving.delete(t.v);
        this.resolved.set(t.v, known);
      }
      val = known;
    }
    // attribute access, calls and subscripts make the value something we don't evaluate
    while (end < this.toks.length && ['.', '(', '['].includes(this.toks[end]!.v)) {
      val = UNKNOWN;
      end = this.toks[end]!.v === '.' ? end + 2 : this.skipGroup(end);
    }
    return { val, end };
  }

  private sequence(i: number, nesting: number): { val: PyVal; end: number } {
    const close = OPEN[this.toks[i]!.v]!;
    const items: PyVal[] = [];
    let j = i + 1;
    while (j < this.toks.length && this.toks[j]!.v !== close) {
      if (this.toks[j]!.v === '\n' || this.toks[j]!.v === ',') {
        j++;
        continue;
      }
      if (this.toks[j]!.v === 'for') return { val: UNKNOWN, end: this.skipGroup(i) }; // a comprehension
      const r = this.expr(j, nesting + 1);
      items.push(r.val);
      j = r.end > j ? r.end : j + 1;
      if (this.toks[j]?.v === ':' || (CLOSE.has(this.toks[j]?.v ?? '') && this.toks[j]!.v !== close))
        return { val: UNKNOWN, end: this.skipGroup(i) };
    }
    return { val: { k: 'list', items }, end: j + 1 };
  }

  private dict(i: number, nesting: number): { val: PyVal; end: number } {
    const entries: [string, PyVal][] = [];
    let j = i + 1;
    while (j < this.toks.length && this.toks[j]!.v !== '}') {
      if (this.toks[j]!.v === ',' || this.toks[j]!.v === '\n') {
        j++;
        continue;
      }
      const key = this.expr(j, nesting + 1);
      j = key.end > j ? key.end : j + 1;
      if (this.toks[j]?.v !== ':') return { val: { k: 'list', items: [key.val] }, end: this.skipGroup(i) }; // a set
      const value = this.expr(j + 1, nesting + 1);
      if (key.val.k === 'str') entries.push([key.val.v, value.val]);
      j = value.end > j + 1 ? value.end : j + 2;
    }
    return { val: { k: 'dict', entries }, end: j + 1 };
  }

  private kwargsDict(i: number, nesting: number): { val: PyVal; end: number } {
    const entries: [string, PyVal][] = [];
    let j = i + 1;
    while (j < this.toks.length && this.toks[j]!.v !== ')') {
      const t = this.toks[j]!;
      if (t.t === 'name' && this.toks[j + 1]?.v === '=') {
        const value = this.expr(j + 2, nesting + 1);
        entries.push([t.v, value.val]);
        j = value.end > j + 2 ? value.end : j + 3;
      } else j = t.v in OPEN ? this.skipGroup(j) : j + 1;
    }
    return { val: { k: 'dict', entries }, end: j + 1 };
  }
}

const KEYS = new Set([
  'name',
  'install_requires',
  'extras_require',
  'tests_require',
  'setup_requires',
  'classifiers',
  'license',
  'url',
  'project_urls',
]);

/** The literal keyword arguments (or `"key": value` entries) setup.py passes, by key. */
export function setupArguments(src: string): Map<string, PyVal> {
  const toks = tokenize(src);
  const ev = new Evaluator(toks);
  const out = new Map<string, PyVal>();
  for (let i = 0; i + 1 < toks.length; i++) {
    const t = toks[i]!;
    const next = toks[i + 1]!;
    const prev = toks[i - 1]?.v;
    const isKwarg = t.t === 'name' && next.v === '=' && (prev === '(' || prev === ',' || prev === '\n');
    const isEntry = t.t === 'str' && next.v === ':' && (prev === '{' || prev === ',');
    if (!(isKwarg || isEntry) || !KEYS.has(t.v)) continue;
    // `name = "x"` at top level is an assignment of a variable called name, not the argument
    if (isKwarg && prev === '\n' && t.v !== 'install_requires') continue;
    const had = out.get(t.v);
    if (had && had.k !== 'unknown') continue;
    out.set(t.v, ev.expr(i + 2).val);
  }
  return out;
}

function stringsOf(v: PyVal | undefined): { v: string; line: number }[] {
  if (!v) return [];
  if (v.k === 'str') return [{ v: v.v, line: v.line }];
  if (v.k === 'list') return v.items.flatMap(stringsOf);
  return [];
}

export function readSetupPy(file: string, src: string, _problems: EvidenceProblem[]): PackagingFacts {
  const facts = emptyFacts();
  const args = setupArguments(src);
  const name = args.get('name');
  if (name?.k === 'str') facts.name = { name: name.v, line: name.line };
  facts.classifiers.push(...stringsOf(args.get('classifiers')).map((s) => s.v));
  const lic = args.get('license');
  if (lic?.k === 'str') facts.license.push({ value: lic.v, kind: 'text' });
  const url = args.get('url');
  if (url?.k === 'str') facts.urls.Homepage = url.v;
  const urls = args.get('project_urls');
  if (urls?.k === 'dict') for (const [k, v] of urls.entries) if (v.k === 'str') facts.urls[k] = v.v;

  // one list is often shared by many extras: find its torch entries once
  const torchIn = new Map<PyVal, { req: NonNullable<ReturnType<typeof parsePep508>>; line: number }[]>();
  const add = (v: PyVal | undefined, scope: string, optional: boolean) => {
    if (!v) return;
    let found = torchIn.get(v);
    if (!found) {
      found = [];
      for (const s of stringsOf(v)) {
        for (const part of s.v.split('\n')) {
          const req = parsePep508(part.trim());
          if (req && isTorchName(req.name)) found.push({ req, line: s.line });
        }
      }
      torchIn.set(v, found);
    }
    for (const { req, line } of found) {
      const decl: TorchDeclaration = { file, line, specifier: req.specifier, scope, optional };
      if (req.marker) decl.marker = req.marker;
      if (req.url !== undefined) decl.url = req.url;
      facts.torch.push(decl);
    }
  };
  add(args.get('install_requires'), 'install_requires', false);
  add(args.get('setup_requires'), 'setup_requires', false);
  add(args.get('tests_require'), 'tests_require', true);
  const extras = args.get('extras_require');
  if (extras?.k === 'dict') for (const [extra, v] of extras.entries) add(v, `extras_require:${extra}`, true);
  return facts;
}
