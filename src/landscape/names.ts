// Names as landscape2 normalises them, so our item ids match the ids the public site uses
// (landscape2 crates/core/src/util.rs normalize_name and Item::set_id):
//   - spaces become hyphens;
//   - letters and digits in any script, '-', ' ' and '+' are kept and lower-cased, every other
//     character (punctuation, symbols, emoji) becomes '-';
//   - runs of hyphens collapse to one; one trailing hyphen is dropped (a leading one is kept,
//     exactly as landscape2 does).
// Example: "Medical & Biology" → "medical-biology"; "C++ (member)" → "c++-member".

const DROPPED = /[^\p{L}\p{N}\- +]/gu;
const memo = new Map<string, string>();

export function normalizeName(value: string): string {
  let out = memo.get(value);
  if (out !== undefined) return out;
  // replacing before lower-casing lowers only the kept characters, as landscape2 does
  out = value.replace(/ /g, '-').replace(DROPPED, '-').toLowerCase().replace(/-{2,}/g, '-');
  if (out.endsWith('-')) out = out.slice(0, -1);
  if (memo.size > 100_000) memo.clear();
  memo.set(value, out);
  return out;
}

export function itemId(category: string, subcategory: string, name: string): string {
  return `${normalizeName(category)}--${normalizeName(subcategory)}--${normalizeName(name)}`;
}

/** For an entry without a usable name: its position, e.g. `modeling--language--[3]`. */
export function positionalId(category: string, subcategory: string, index: number): string {
  return `${normalizeName(category)}--${normalizeName(subcategory)}--[${index}]`;
}
