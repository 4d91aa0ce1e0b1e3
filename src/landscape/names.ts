// Names as landscape2 normalises them, so our item ids match the ids the public site uses
// (landscape2 crates/core/src/util.rs normalize_name and Item::set_id):
//   - spaces become hyphens;
//   - letters and digits in any script, '-', ' ' and '+' are kept and lower-cased, every other
//     character (punctuation, symbols, emoji) becomes '-';
//   - runs of hyphens collapse to one; one trailing hyphen is dropped (a leading one is kept,
//     exactly as landscape2 does).
// Example: "Medical & Biology" → "medical-biology"; "C++ (member)" → "c++-member".

const KEPT = /^[\p{L}\p{N}\- +]$/u;

export function normalizeName(value: string): string {
  let out = '';
  for (const ch of value.replace(/ /g, '-')) out += KEPT.test(ch) ? ch.toLowerCase() : '-';
  out = out.replace(/-{2,}/g, '-');
  return out.endsWith('-') ? out.slice(0, -1) : out;
}

export function itemId(category: string, subcategory: string, name: string): string {
  return `${normalizeName(category)}--${normalizeName(subcategory)}--${normalizeName(name)}`;
}

/** For an entry without a usable name: its position, e.g. `modeling--language--[3]`. */
export function positionalId(category: string, subcategory: string, index: number): string {
  return `${normalizeName(category)}--${normalizeName(subcategory)}--[${index}]`;
}
