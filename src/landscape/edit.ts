// Minimal edits to landscape.yml: retire (add `project: archived`, and with a date
// `extra.archived: 'YYYY-MM-DD'`, the field landscape2's schema has for the day a project was
// archived), restore (remove `project: archived`), add an item, move an item. Each edit splices the source text at the offsets the parser reports, in the
// file's own indentation and key order; every other byte stays as it was. After splicing, the
// result is parsed again and compared with the expected model, so a wrong splice can never be
// written.
import { InputError } from '../util/errors.js';
import { indentLines, reindent, renderField } from './emit.js';
import { itemValues } from './export.js';
import { itemId, normalizeName } from './names.js';
import { PROTECTED } from './protected.js';
import { toItem } from './read.js';
import { endOf, verify } from './verify.js';
import {
  lineEndAfter,
  lineStartOf,
  parseLandscapeSource,
  type SourceCategory,
  type SourceItem,
  type SourceLandscape,
  type SourceSubcategory,
} from './source.js';
import type { LandscapeItem } from './types.js';
import { checkRepoUrl, urlProblem } from './urls.js';

export interface EditOptions {
  file?: string;
  /** categories never edited; default PyTorch Members and PyTorch Projects */
  protectedCategories?: readonly string[];
  /** add: list the project even when the landscape already has it (same name or repository) elsewhere */
  allowDuplicate?: boolean;
}

export interface EditResult {
  text: string;
  changed: boolean;
  /** the item as it is after the edit */
  item: LandscapeItem;
  message: string;
}

/** What an accepted application brings to the landscape. */
export interface NewItem {
  name: string;
  category: string;
  subcategory: string;
  homepage_url: string;
  logo: string;
  description?: string;
  repo_url?: string;
  project?: string;
  extra?: Record<string, unknown>;
  /** further keys (crunchbase, twitter, …) */
  fields?: Record<string, unknown>;
}

interface Located {
  cat: SourceCategory;
  sub: SourceSubcategory;
  item: SourceItem;
}

interface Splice {
  start: number;
  end: number;
  text: string;
}

export interface RetireOptions extends EditOptions {
  /** the retirement day, recorded as `extra.archived` (YYYY-MM-DD) */
  archivedOn?: string;
}

export function retireItem(text: string, ref: string, opts: RetireOptions = {}): EditResult {
  if (opts.archivedOn !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.archivedOn))
    throw new InputError(`retire: expected the retirement day as YYYY-MM-DD, found ${JSON.stringify(opts.archivedOn)}`);
  return keepCrlf(text, (t) => setRetired(t, ref, true, opts));
}

export function restoreItem(text: string, ref: string, opts: EditOptions = {}): EditResult {
  return keepCrlf(text, (t) => setRetired(t, ref, false, opts));
}

export function addItem(text: string, input: NewItem, opts: EditOptions = {}): EditResult {
  return keepCrlf(text, (t) => addLf(t, input, opts));
}

export function moveItem(text: string, ref: string, to: { category: string; subcategory: string }, opts: EditOptions = {}): EditResult {
  return keepCrlf(text, (t) => moveLf(t, ref, to, opts));
}

/**
 * The splices write `\n`; a file saved with CRLF throughout (Windows editors) is edited as LF and
 * given its CRLF back, so the lines written match the rest and the diff stays minimal. A file with
 * mixed endings is edited as it is: there is no one style to keep.
 */
function keepCrlf(text: string, edit: (lf: string) => EditResult): EditResult {
  if (!text.includes('\r\n') || /(?:^|[^\r])\n|\r(?!\n)/.test(text)) return edit(text);
  const r = edit(text.replace(/\r\n/g, '\n'));
  return { ...r, text: r.text.replace(/\n/g, '\r\n') };
}

function setRetired(text: string, ref: string, retire: boolean, opts: RetireOptions): EditResult {
  const src = open(text, opts);
  const at = findItem(src, ref);
  editable(src, at, opts);
  const { item } = at;
  const project = item.fields.get('project');
  const current = item.values['project'];
  const id = itemId(at.cat.name, at.sub.name, item.name!);
  const extra = item.values['extra'];
  const dated = retire && opts.archivedOn !== undefined ? opts.archivedOn : undefined;
  const archivedDay =
    extra && typeof extra === 'object' && !Array.isArray(extra) ? (extra as Record<string, unknown>)['archived'] : undefined;
  const needsDate =
    dated !== undefined && !(extra && typeof extra === 'object' && (extra as Record<string, unknown>)['archived'] === dated);
  if (retire && current === 'archived' && !needsDate) return unchanged(src, at, `${id} is already retired`);
  if (!retire && current !== 'archived') return unchanged(src, at, `${id} is not retired (no project: archived)`);
  const splices: Splice[] = [];
  if (needsDate) splices.push(setExtraKey(src, at, 'archived', dated));
  if (retire && current === 'archived') {
    // already archived: only the day is recorded
  } else if (retire) {
    if (
      project &&
      typeof current === 'string' &&
      current !== '' &&
      project.valueEnd > project.valueStart &&
      onOneLine(text, project.valueStart, project.valueEnd)
    ) {
      splices.push({ start: project.valueStart, end: project.valueEnd, text: 'archived' });
    } else if (project) {
      splices.push({
        start: fieldStart(text, item, 'project'),
        end: project.end,
        text: renderField('project', 'archived', ownLine(text, item, 'project') ? item.keyColumn : 0),
      });
    } else {
      splices.push(insertKey(src, at, 'project', 'archived'));
    }
  } else {
    splices.push(removeKey(text, item, 'project'));
    // the day it was archived no longer holds once it is restored
    if (archivedDay !== undefined) splices.push(removeExtraKey(src, at, 'archived'));
  }
  const expect = (v: Record<string, unknown>) => {
    const out = { ...v };
    if (retire) out['project'] = 'archived';
    else {
      delete out['project'];
      if (archivedDay !== undefined) {
        const { archived: _, ...rest } = v['extra'] as Record<string, unknown>;
        if (Object.keys(rest).length > 0) out['extra'] = rest;
        else delete out['extra'];
      }
    }
    if (needsDate)
      out['extra'] = { ...(v['extra'] && typeof v['extra'] === 'object' ? (v['extra'] as Record<string, unknown>) : {}), archived: dated };
    return out;
  };
  const after = apply(text, splices);
  const checked = verify(src, after, (items) => items.map((x) => (x.id === id ? { ...x, values: expect(x.values) } : x)));
  const what = retire
    ? current === 'archived'
      ? `recorded the retirement day of ${id} (extra.archived: ${dated})`
      : `retired ${id} (project: archived${dated ? `, extra.archived: ${dated}` : ''})`
    : `restored ${id}${archivedDay !== undefined ? ` (extra.archived: ${String(archivedDay)} removed)` : ''}`;
  return { text: after, changed: true, item: checked.get(id)!, message: what };
}

/**
 * The lines of an item's `extra` block mapping, at the column of its keys; refused (edit by hand)
 * when `extra` is written in a form a splice cannot keep intact (flow style, on the key's line).
 */
function extraLines(src: SourceLandscape, at: Located, what: string) {
  const { text } = src;
  const { item } = at;
  const f = item.fields.get('extra')!;
  const current = item.values['extra'];
  const body = text.slice(f.valueStart, f.valueEnd);
  if (
    typeof current !== 'object' ||
    Array.isArray(current) ||
    body.trimStart().startsWith('{') ||
    !text.slice(f.keyStart, f.valueStart).includes('\n')
  ) {
    throw new InputError(`${src.file}:${f.line}: extra of ${item.name} is not a block mapping; ${what} by hand`);
  }
  // the mapping's lines: from the line after `extra:` to the end of the field
  const lines: { start: number; end: number; indent: number; key?: string }[] = [];
  for (let pos = lineEndAfter(text, f.keyStart); pos < f.end;) {
    const end = lineEndAfter(text, pos + 1);
    const line = text.slice(pos, end);
    const m = /^( *)([^\s#][^:]*?):(\s|$)/.exec(line);
    if (line.trim() !== '' && !line.trim().startsWith('#'))
      lines.push({
        start: pos,
        end,
        indent: line.length - line.trimStart().length,
        ...(m ? { key: m[2]!.replace(/^['"]|['"]$/g, '') } : {}),
      });
    pos = end;
  }
  const column = lines[0]?.indent;
  if (column === undefined || column <= item.keyColumn)
    throw new InputError(`${src.file}:${f.line}: extra of ${item.name} has no keys to align with; edit it by hand`);
  const own = lines.filter((l) => l.indent === column);
  // a key whose value goes on over the following, deeper lines
  const nested = (l: { start: number }) => (lines[lines.findIndex((x) => x.start === l.start) + 1]?.indent ?? 0) > column;
  return { column, own, nested };
}

/**
 * Sets one key of the item's `extra` mapping: the mapping is added when the item has none, the
 * key's line is replaced when it holds a one-line value, else the key is added after `accepted`
 * (dates together) or at the end of the mapping, at the column of its other keys.
 */
function setExtraKey(src: SourceLandscape, at: Located, key: string, value: unknown): Splice {
  const { text } = src;
  const { item } = at;
  const f = item.fields.get('extra');
  if (!f) return insertKey(src, at, 'extra', { [key]: value });
  const current = item.values['extra'];
  if (current === null || current === undefined || current === '') {
    if (!ownLine(text, item, 'extra'))
      throw new InputError(`${src.file}:${f.line}: extra of ${item.name} shares the entry's first line; edit it by hand`);
    return { start: fieldStart(text, item, 'extra'), end: f.end, text: renderField('extra', { [key]: value }, item.keyColumn) };
  }
  const { column, own, nested } = extraLines(src, at, `add ${key} to it`);
  const existing = own.find((l) => l.key === key);
  if (existing) {
    if (nested(existing)) throw new InputError(`${src.file}: extra.${key} of ${item.name} spans several lines; edit it by hand`);
    return { start: existing.start, end: existing.end, text: renderField(key, value, column) };
  }
  const anchor = own.find((l) => l.key === 'accepted');
  const pos = anchor && !nested(anchor) ? anchor.end : f.end;
  return { start: pos, end: pos, text: (pos > 0 && text[pos - 1] !== '\n' ? '\n' : '') + renderField(key, value, column) };
}

/**
 * Removes one one-line key of the item's `extra` mapping, or the whole `extra` field when it is
 * the only key, so no empty mapping is left behind.
 */
function removeExtraKey(src: SourceLandscape, at: Located, key: string): Splice {
  const { own, nested } = extraLines(src, at, `remove ${key} from it`);
  const line = own.find((l) => l.key === key)!;
  if (nested(line)) throw new InputError(`${src.file}: extra.${key} of ${at.item.name} spans several lines; edit it by hand`);
  if (own.length === 1) return removeKey(src.text, at.item, 'extra');
  return { start: line.start, end: line.end, text: '' };
}

function addLf(text: string, input: NewItem, opts: EditOptions): EditResult {
  const src = open(text, opts);
  const { cat, sub } = findSubcategory(src, input.category, input.subcategory);
  editableCategory(cat.name, opts);
  const problems = newItemProblems(input);
  if (problems.length) throw new InputError(`cannot add ${JSON.stringify(input.name)}: ${problems.join('; ')}`);
  // Names that differ only in case or punctuation ("Kornia!") get the same landscape2 id: one would hide the other.
  const clash = sub.items.find((i) => i.name !== undefined && normalizeName(i.name) === normalizeName(input.name));
  if (clash)
    throw new InputError(
      `cannot add ${JSON.stringify(input.name)}: ${cat.name} / ${sub.name} already has ${clash.name === input.name ? 'an item of that name' : `${JSON.stringify(clash.name)}, which has the same id ${itemId(cat.name, sub.name, input.name)}`} (line ${clash.line})`,
    );
  if (!opts.allowDuplicate) {
    const same = elsewhere(src, input);
    if (same)
      throw new InputError(
        `cannot add ${JSON.stringify(input.name)}: the landscape already has it as ${same.id} (line ${same.line}, same ${same.what}); move that item instead, or pass --allow-duplicate to list the project twice`,
      );
  }
  const item: LandscapeItem = {
    id: itemId(cat.name, sub.name, input.name),
    name: input.name,
    category: cat.name,
    subcategory: sub.name,
    homepage_url: input.homepage_url,
    logo: input.logo,
    line: 0,
  };
  if (input.description !== undefined) item.description = input.description;
  if (input.repo_url !== undefined) item.repo_url = input.repo_url;
  if (input.project !== undefined) item.project = input.project;
  if (input.fields) item.fields = input.fields;
  if (input.extra) item.extra = input.extra;
  const values = itemValues(item);
  const splice = insertEntry(src, cat, sub, input.name, (dash, keys, marker) =>
    entryText(values, keyOrder(src, cat, sub), dash, keys, marker),
  );
  const after = apply(text, [splice.splice]);
  const checked = verify(src, after, (items) => {
    const out = [...items];
    const pos =
      splice.beforeIndex === null
        ? endOf(src, out, cat, sub)
        : out.findIndex((x) => x.category === cat.name && x.subcategory === sub.name && x.index === splice.beforeIndex);
    out.splice(pos, 0, { id: item.id, category: cat.name, subcategory: sub.name, index: -1, values });
    return out;
  });
  return { text: after, changed: true, item: checked.get(item.id)!, message: `added ${item.id}` };
}

/** An accepted project added a second time is nearly always a slip: the real landscape lists none twice. */
function elsewhere(src: SourceLandscape, input: NewItem): { id: string; line: number; what: string } | undefined {
  const repo = (u: unknown) =>
    typeof u === 'string' && u.trim()
      ? u
          .trim()
          .toLowerCase()
          .replace(/(\.git)?\/*$/, '')
      : undefined;
  const wantRepo = repo(input.repo_url);
  const wantName = normalizeName(input.name.trim());
  for (const c of src.categories)
    for (const s of c.subcategories)
      for (const i of s.items) {
        const what =
          i.name !== undefined && normalizeName(i.name.trim()) === wantName
            ? 'name'
            : wantRepo && repo(i.values['repo_url']) === wantRepo
              ? 'repo_url'
              : undefined;
        if (what) return { id: itemId(c.name, s.name, i.name ?? ''), line: i.line, what };
      }
  return undefined;
}

function moveLf(text: string, ref: string, to: { category: string; subcategory: string }, opts: EditOptions): EditResult {
  const src = open(text, opts);
  const at = findItem(src, ref);
  editable(src, at, opts);
  const target = findSubcategory(src, to.category, to.subcategory);
  editableCategory(target.cat.name, opts);
  const name = at.item.name!;
  const id = itemId(at.cat.name, at.sub.name, name);
  if (target.sub === at.sub) return unchanged(src, at, `${id} is already in ${at.cat.name} / ${at.sub.name}`);
  const clash = target.sub.items.find((i) => i.name !== undefined && normalizeName(i.name) === normalizeName(name));
  if (clash)
    throw new InputError(
      `cannot move ${id}: ${target.cat.name} / ${target.sub.name} already has an item named ${JSON.stringify(clash.name)} (line ${clash.line})${clash.name === name ? '' : ', with the same id'}`,
    );
  if (at.sub.items.length === 1)
    throw new InputError(
      `cannot move ${id}: it is the only item of ${at.cat.name} / ${at.sub.name}, and landscape2 needs at least one item there`,
    );
  const start = leadingStart(text, at.item.entryStart);
  let block = text.slice(start, at.item.end);
  if (!block.endsWith('\n')) block += '\n';
  const ins = insertEntry(src, target.cat, target.sub, name, (dash) => reindent(block, dash - at.item.dashColumn));
  const after = apply(text, [{ start, end: at.item.end, text: '' }, ins.splice]);
  const newId = itemId(target.cat.name, target.sub.name, name);
  const checked = verify(src, after, (items) => {
    const moving = items.find((x) => x.id === id)!;
    const out = items.filter((x) => x !== moving);
    const pos =
      ins.beforeIndex === null
        ? endOf(src, out, target.cat, target.sub)
        : out.findIndex((x) => x.category === target.cat.name && x.subcategory === target.sub.name && x.index === ins.beforeIndex);
    out.splice(pos, 0, { ...moving, id: newId, category: target.cat.name, subcategory: target.sub.name });
    return out;
  });
  return { text: after, changed: true, item: checked.get(newId)!, message: `moved ${id} to ${newId}` };
}

/** Problems of a new entry that the file must never receive. */
export function newItemProblems(input: NewItem): string[] {
  const out: string[] = [];
  if (!input.name?.trim()) out.push('name is required');
  if (!input.homepage_url) out.push('homepage_url is required');
  else {
    const p = urlProblem('homepage', input.homepage_url);
    if (p) out.push(p);
  }
  if (!input.logo) out.push('logo is required');
  else if (/[/\\]/.test(input.logo) || !/\.svg$/i.test(input.logo))
    out.push(`logo must be an SVG file name in the logos folder, found ${JSON.stringify(input.logo)}`);
  if (input.repo_url) {
    const p = urlProblem('repository', input.repo_url);
    const c = checkRepoUrl(input.repo_url);
    if (p) out.push(p);
    else if (c?.problem === 'org') out.push(`repo_url ${input.repo_url} points at an organisation, not a repository`);
    else if (c?.problem === 'subpath')
      out.push(`repo_url ${input.repo_url} points at a page inside a repository: expected ${c.suggestion}`);
  }
  return out;
}

// ---- locating ----

function open(text: string, opts: EditOptions): SourceLandscape {
  const src = parseLandscapeSource(text, opts.file ?? 'landscape.yml');
  const syntax = src.problems.filter((p) => p.message.startsWith('YAML syntax'));
  if (syntax.length) throw new InputError(`${src.file}:${syntax[0]!.line}: ${syntax[0]!.message}; fix the file before editing it`);
  return src;
}

/** An item by id (`category--subcategory--name`) or by name (exact, then ignoring case). */
export function findItem(src: SourceLandscape, ref: string): Located {
  const all: Located[] = [];
  for (const cat of src.categories)
    for (const sub of cat.subcategories) for (const item of sub.items) if (item.name) all.push({ cat, sub, item });
  const byId = all.filter((l) => itemId(l.cat.name, l.sub.name, l.item.name!) === ref);
  if (byId.length === 1) return byId[0]!;
  let hits = all.filter((l) => l.item.name === ref);
  if (hits.length === 0) hits = all.filter((l) => l.item.name!.toLowerCase() === ref.toLowerCase());
  if (hits.length === 1) return hits[0]!;
  const ids = (ls: Located[]) => ls.map((l) => `${itemId(l.cat.name, l.sub.name, l.item.name!)} (line ${l.item.line})`).join(', ');
  if (hits.length > 1)
    throw new InputError(`${JSON.stringify(ref)} names ${hits.length} items in ${src.file}: ${ids(hits)}; give the item id`);
  // An id from an old copy (the item moved since) or a name typed as its slug: offer the items it could mean.
  const slug = normalizeName(ref.includes('--') ? ref.slice(ref.lastIndexOf('--') + 2) : ref);
  const near = slug ? all.filter((l) => normalizeName(l.item.name!) === slug).slice(0, 5) : [];
  throw new InputError(
    `no item ${JSON.stringify(ref)} in ${src.file}: expected an item id (category--subcategory--name) or an item name${near.length ? `; did you mean ${ids(near)}?` : ''}`,
  );
}

function findSubcategory(src: SourceLandscape, category: string, subcategory: string): { cat: SourceCategory; sub: SourceSubcategory } {
  const cat = src.categories.find((c) => c.name === category);
  if (!cat)
    throw new InputError(
      `no category ${JSON.stringify(category)} in ${src.file}; categories: ${src.categories.map((c) => c.name).join(', ')}`,
    );
  const sub = cat.subcategories.find((s) => s.name === subcategory);
  if (!sub)
    throw new InputError(
      `no subcategory ${JSON.stringify(subcategory)} in ${category}; subcategories: ${cat.subcategories.map((s) => s.name).join(', ')}`,
    );
  return { cat, sub };
}

function editable(src: SourceLandscape, at: Located, opts: EditOptions): void {
  editableCategory(at.cat.name, opts);
  if (!at.item.block)
    throw new InputError(`${src.file}:${at.item.line}: ${at.item.name} is written in flow style ({...}); edit it by hand`);
}

function editableCategory(category: string, opts: EditOptions): void {
  if ((opts.protectedCategories ?? PROTECTED).includes(category)) {
    throw new InputError(`category ${category} is maintained by another tool and is never edited by steward`);
  }
}

function unchanged(src: SourceLandscape, at: Located, message: string): EditResult {
  return { text: src.text, changed: false, item: toItem(at.item, at.cat.name, at.sub.name), message };
}

// ---- text positions ----

function onOneLine(text: string, a: number, b: number): boolean {
  return !text.slice(a, b).includes('\n');
}

/** Whether the key starts its own line (rather than sharing the `- ` line of the entry). */
function ownLine(text: string, item: SourceItem, key: string): boolean {
  const f = item.fields.get(key)!;
  return text.slice(lineStartOf(text, f.keyStart), f.keyStart).trim() === '';
}

function fieldStart(text: string, item: SourceItem, key: string): number {
  const f = item.fields.get(key)!;
  return ownLine(text, item, key) ? lineStartOf(text, f.keyStart) : f.keyStart;
}

function removeKey(text: string, item: SourceItem, key: string): Splice {
  const f = item.fields.get(key)!;
  if (ownLine(text, item, key)) return { start: lineStartOf(text, f.keyStart), end: f.end, text: '' };
  // the key shares the `- ` line: pull the next key up onto it
  const i = item.keys.indexOf(key);
  const next = item.keys[i + 1];
  if (!next) throw new InputError(`cannot remove ${key}: it is the only key of ${item.name}`);
  return { start: f.keyStart, end: item.fields.get(next)!.keyStart, text: '' };
}

/** Where a new key goes: before the first key that usually follows it in this file, else last. */
function insertKey(src: SourceLandscape, at: Located, key: string, value: unknown): Splice {
  const { text } = src;
  const order = keyOrder(src, at.cat, at.sub);
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : Infinity);
  const mine = rank(key);
  const line = renderField(key, value, at.item.keyColumn);
  for (const k of at.item.keys) {
    if (rank(k) > mine && ownLine(text, at.item, k)) {
      const pos = lineStartOf(text, at.item.fields.get(k)!.keyStart);
      return { start: pos, end: pos, text: line };
    }
  }
  const lastKey = at.item.keys[at.item.keys.length - 1];
  const pos = lastKey ? at.item.fields.get(lastKey)!.end : at.item.end;
  return { start: pos, end: pos, text: (pos > 0 && text[pos - 1] !== '\n' ? '\n' : '') + line };
}

/**
 * The file's key order, learned from its items: keys ranked by their mean relative position in
 * the entries of the same subcategory, then category, then the whole file.
 */
function keyOrder(src: SourceLandscape, cat: SourceCategory, sub: SourceSubcategory): string[] {
  const scopes: SourceItem[][] = [
    sub.items,
    cat.subcategories.flatMap((s) => s.items),
    src.categories.flatMap((c) => c.subcategories.flatMap((s) => s.items)),
  ];
  const sum = new Map<string, { total: number; n: number; scope: number }>();
  scopes.forEach((items, scope) => {
    const local = new Map<string, { total: number; n: number }>();
    for (const it of items) {
      it.keys.forEach((k, i) => {
        const e = local.get(k) ?? { total: 0, n: 0 };
        e.total += it.keys.length > 1 ? i / (it.keys.length - 1) : 0;
        e.n++;
        local.set(k, e);
      });
    }
    for (const [k, e] of local) if (!sum.has(k)) sum.set(k, { ...e, scope });
  });
  const fallback = ['name', 'description', 'homepage_url', 'logo', 'project', 'repo_url'];
  const mean = (k: string) => {
    const e = sum.get(k);
    return e ? e.total / e.n : fallback.includes(k) ? fallback.indexOf(k) / fallback.length : 2;
  };
  const keys = new Set([...sum.keys(), ...fallback]);
  return [...keys].sort((a, b) => (a === 'name' ? -1 : b === 'name' ? 1 : mean(a) - mean(b)));
}

function entryText(values: Record<string, unknown>, order: string[], dash: number, keyColumn: number, marker: boolean): string {
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  const keys = Object.keys(values).sort((a, b) => rank(a) - rank(b));
  const fields = keys.map((k) => renderField(k, values[k], keyColumn)).join('');
  if (marker) return `${' '.repeat(dash)}- item:\n${fields}`;
  // without the marker the first key shares the `- ` line
  const first = renderField(keys[0]!, values[keys[0]!], 0);
  const rest = keys
    .slice(1)
    .map((k) => renderField(k, values[k], keyColumn))
    .join('');
  return `${' '.repeat(dash)}- ${indentLines(first, 0).replace(/\n(?=.)/g, '\n' + ' '.repeat(keyColumn))}${rest}`;
}

/** Start of the comment lines directly above an entry (they belong to it), else the entry's line. */
function leadingStart(text: string, entryStart: number): number {
  let start = entryStart;
  while (start > 0) {
    const prev = lineStartOf(text, start - 1);
    if (!/^\s*#/.test(text.slice(prev, start))) break;
    start = prev;
  }
  return start;
}

/**
 * Splice for a new entry in `sub`, before the first entry whose name sorts after `name`
 * (case-insensitive), else after the last entry. Indentation and the `item:` marker follow the
 * sibling entries, or any entry of the file when the list is empty.
 */
function insertEntry(
  src: SourceLandscape,
  cat: SourceCategory,
  sub: SourceSubcategory,
  name: string,
  render: (dash: number, keyColumn: number, marker: boolean) => string,
): { splice: Splice; beforeIndex: number | null } {
  const { text } = src;
  const list = sub.list;
  if (!list || list.kind === 'flow' || (list.kind === 'empty' && !list.bare)) {
    throw new InputError(`${src.file}:${sub.line}: the items of ${cat.name} / ${sub.name} are not a block list; edit it by hand`);
  }
  const blockItems = sub.items.filter((i) => i.block);
  let dash: number, keys: number, marker: boolean;
  if (blockItems.length) {
    ({ dashColumn: dash, keyColumn: keys, marker } = blockItems[0]!);
  } else {
    const model = src.categories.flatMap((c) => c.subcategories).find((s) => s.list?.kind === 'block' && s.items.some((i) => i.block));
    const m = model?.items.find((i) => i.block);
    dash = list.keyColumn + (m && model?.list ? m.dashColumn - model.list.keyColumn : 2);
    keys = dash + (m ? m.keyColumn - m.dashColumn : 2);
    marker = m ? m.marker : src.format === 'landscape';
  }
  const entry = render(dash, keys, marker);
  const before = blockItems.find((i) => (i.name ?? '').localeCompare(name, 'en', { sensitivity: 'base' }) > 0);
  if (before) {
    const pos = leadingStart(text, before.entryStart);
    return { splice: { start: pos, end: pos, text: entry }, beforeIndex: before.index };
  }
  const last = blockItems[blockItems.length - 1];
  const pos = last ? last.end : list.keyLineEnd;
  const nl = pos > 0 && text[pos - 1] !== '\n' ? '\n' : '';
  return { splice: { start: pos, end: pos, text: nl + entry }, beforeIndex: null };
}

function apply(text: string, splices: Splice[]): string {
  let out = text;
  for (const s of [...splices].sort((a, b) => b.start - a.start)) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return out;
}

const NEW_ITEM_KEYS = ['name', 'description', 'homepage_url', 'repo_url', 'logo', 'category', 'subcategory'] as const;
type NewItemKey = (typeof NEW_ITEM_KEYS)[number];

/**
 * The item `steward landscape add` adds: the fields of `json` (an object read from `where`, or
 * undefined) with `given` (the command's options) taking precedence. A misspelt key (`repo`,
 * `homepage`) is refused rather than dropping that field from the entry without a word.
 */
export function newItemFrom(json: unknown, where: string | undefined, given: Partial<Record<NewItemKey, string>>): NewItem {
  const from = json === undefined ? {} : json;
  if (!from || typeof from !== 'object' || Array.isArray(from))
    throw new InputError(`${where}: expected a JSON object describing the item`);
  const f = from as Record<string, unknown>;
  for (const [k, v] of Object.entries(f)) {
    if (!(NEW_ITEM_KEYS as readonly string[]).includes(k))
      throw new InputError(`${where}: unknown key ${JSON.stringify(k)}: expected only ${NEW_ITEM_KEYS.join(', ')}`);
    if (typeof v !== 'string')
      throw new InputError(`${where}: ${k}: expected a string, found ${v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v}`);
  }
  const pick = (key: NewItemKey): string | undefined => given[key] ?? (typeof f[key] === 'string' ? f[key] : undefined);
  const input = {
    name: pick('name') ?? '',
    description: pick('description'),
    homepage_url: pick('homepage_url') ?? '',
    repo_url: pick('repo_url'),
    logo: pick('logo') ?? '',
    category: pick('category') ?? '',
    subcategory: pick('subcategory') ?? '',
  };
  if (!input.category || !input.subcategory)
    throw new InputError('add needs a category and a subcategory (--category, --subcategory or in the JSON)');
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as typeof input;
}
