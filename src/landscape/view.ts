// What the public landscape page and `steward landscape list` show: items filtered (retired ones
// hidden unless asked for) and grouped by category and subcategory, in file order.
import { PROTECTED } from './protected.js';
import { isRetired } from './read.js';
import type { LandscapeItem } from './types.js';

export interface ViewFilter {
  category?: string;
  subcategory?: string;
  /** case-insensitive substring of name, description or id */
  search?: string;
  /** include `project: archived` items (default false) */
  includeRetired?: boolean;
  /** leave out the categories other tools own (members, foundation projects) */
  ecosystemOnly?: boolean;
  protectedCategories?: readonly string[];
}

export interface ItemGroup {
  category: string;
  subcategories: Array<{ name: string; items: LandscapeItem[] }>;
}

export function filterItems(items: readonly LandscapeItem[], f: ViewFilter = {}): LandscapeItem[] {
  const q = f.search?.toLowerCase();
  const prot = new Set(f.protectedCategories ?? PROTECTED);
  return items.filter(
    (i) =>
      (f.includeRetired || !isRetired(i)) &&
      (!f.ecosystemOnly || !prot.has(i.category)) &&
      (f.category === undefined || i.category.toLowerCase() === f.category.toLowerCase()) &&
      (f.subcategory === undefined || i.subcategory.toLowerCase() === f.subcategory.toLowerCase()) &&
      (!q || i.name.toLowerCase().includes(q) || i.id.includes(q) || (i.description ?? '').toLowerCase().includes(q)),
  );
}

export function groupItems(items: readonly LandscapeItem[]): ItemGroup[] {
  const groups: ItemGroup[] = [];
  const byCat = new Map<string, ItemGroup>();
  for (const it of items) {
    let g = byCat.get(it.category);
    if (!g) {
      g = { category: it.category, subcategories: [] };
      byCat.set(it.category, g);
      groups.push(g);
    }
    let s = g.subcategories.find((x) => x.name === it.subcategory);
    if (!s) g.subcategories.push((s = { name: it.subcategory, items: [] }));
    s.items.push(it);
  }
  return groups;
}
