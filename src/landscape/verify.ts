// The safety net under every edit: the edited text is parsed again and must hold exactly the
// entries expected (ids, order, values), with no new problems; otherwise nothing is written.
import { itemId, positionalId } from './names.js';
import { toItem } from './read.js';
import { parseLandscapeSource, type SourceCategory, type SourceLandscape, type SourceSubcategory } from './source.js';
import type { LandscapeItem } from './types.js';

export interface Entry {
  id: string;
  category: string;
  subcategory: string;
  index: number;
  values: Record<string, unknown>;
}

export function entries(src: SourceLandscape): Entry[] {
  const out: Entry[] = [];
  for (const c of src.categories)
    for (const s of c.subcategories)
      for (const i of s.items) {
        out.push({
          id: i.name ? itemId(c.name, s.name, i.name) : positionalId(c.name, s.name, i.index),
          category: c.name,
          subcategory: s.name,
          index: i.index,
          values: i.values,
        });
      }
  return out;
}

function canon(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canon).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canon(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'undefined';
}

/** Index just past the entries of `sub` (and of every subcategory before it, in file order). */
export function endOf(src: SourceLandscape, list: Entry[], cat: SourceCategory, sub: SourceSubcategory): number {
  const order: string[] = [];
  for (const c of src.categories) for (const s of c.subcategories) order.push(`${c.name}\u0000${s.name}`);
  const target = order.indexOf(`${cat.name}\u0000${sub.name}`);
  return list.filter((e) => order.indexOf(`${e.category}\u0000${e.subcategory}`) <= target).length;
}

/** Parses the edited text and checks it holds exactly the expected entries; returns them by id. */
export function verify(before: SourceLandscape, after: string, expected: (items: Entry[]) => Entry[]): Map<string, LandscapeItem> {
  const src = parseLandscapeSource(after, before.file);
  // key order inside an entry is the file's business; the values must match exactly
  const want = expected(entries(before)).map((e) => canon([e.id, e.values]));
  const got = entries(src).map((e) => canon([e.id, e.values]));
  const newProblems = src.problems.filter((p) => !before.problems.some((q) => q.message === p.message));
  if (newProblems.length || want.length !== got.length || got.some((g, i) => g !== want[i])) {
    const diff = Math.max(
      0,
      got.findIndex((g, i) => g !== want[i]),
    );
    throw new Error(
      `landscape edit of ${before.file} did not produce the expected file (nothing written): ` +
        (newProblems.length
          ? newProblems.map((p) => `line ${p.line}: ${p.message}`).join('; ')
          : `entry ${diff} differs: ${got[diff]} ≠ ${want[diff]}`),
    );
  }
  const out = new Map<string, LandscapeItem>();
  for (const c of src.categories)
    for (const s of c.subcategories)
      for (const i of s.items) {
        const it = toItem(i, c.name, s.name);
        out.set(it.id, it);
      }
  return out;
}
