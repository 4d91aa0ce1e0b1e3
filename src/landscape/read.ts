// landscape.yml → the typed model (Landscape, LandscapeItem), with the line of every entry.
import { itemId, positionalId } from './names.js';
import { parseLandscapeSource, type SourceItem, type SourceLandscape } from './source.js';
import type { Landscape, LandscapeItem } from './types.js';

/** Keys the model holds in named properties; everything else of an entry goes to `fields`. */
const MODELLED = new Set(['name', 'description', 'homepage_url', 'repo_url', 'logo', 'project', 'extra']);

export interface ReadOptions {
  /** shown in problems; default landscape.yml */
  file?: string;
}

export function readLandscape(text: string, opts: ReadOptions = {}): Landscape {
  return landscapeFromSource(parseLandscapeSource(text, opts.file ?? 'landscape.yml'));
}

export function landscapeFromSource(src: SourceLandscape): Landscape {
  const out: Landscape = { file: src.file, format: src.format, categories: [], items: [], problems: [...src.problems] };
  for (const cat of src.categories) {
    const c = { name: cat.name, line: cat.line, subcategories: [] as Landscape['categories'][number]['subcategories'] };
    for (const sub of cat.subcategories) {
      const items = sub.items.map((si) => toItem(si, cat.name, sub.name));
      c.subcategories.push({ name: sub.name, line: sub.line, items });
      out.items.push(...items);
    }
    out.categories.push(c);
  }
  return out;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function toItem(si: SourceItem, category: string, subcategory: string): LandscapeItem {
  const v = si.values;
  const name = si.name ?? '';
  const item: LandscapeItem = {
    id: name ? itemId(category, subcategory, name) : positionalId(category, subcategory, si.index),
    name,
    category,
    subcategory,
    homepage_url: str(v['homepage_url']) ?? '',
    logo: str(v['logo']) ?? '',
    line: si.line,
  };
  if (str(v['description']) !== undefined) item.description = v['description'] as string;
  if (str(v['repo_url']) !== undefined) item.repo_url = v['repo_url'] as string;
  if (str(v['project']) !== undefined) item.project = v['project'] as string;
  const extra = v['extra'];
  if (extra && typeof extra === 'object' && !Array.isArray(extra)) item.extra = extra as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  let any = false;
  for (const k of si.keys) {
    if (MODELLED.has(k)) continue;
    fields[k] = v[k];
    any = true;
  }
  if (any) item.fields = fields;
  return item;
}

/** Whether the item is retired (`project: archived`). */
export function isRetired(item: Pick<LandscapeItem, 'project'>): boolean {
  return item.project === 'archived';
}
