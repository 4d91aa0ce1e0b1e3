// Writing YAML text for new entries in the landscape file's own style: block mappings, two-space
// steps, plain scalars where YAML 1.1 and 1.2 read them the same, single quotes otherwise
// (dates stay quoted, as in the real file), `|-` blocks for multi-line text, no line folding.
import { stringify } from 'yaml';

const STYLE = { lineWidth: 0, minContentWidth: 0, singleQuote: true, version: '1.1', indent: 2 } as const;

/** `key: value` (plus nested lines) as text, every line prefixed by `indent` spaces. */
export function renderField(key: string, value: unknown, indent: number): string {
  const text = stringify({ [key]: value ?? null }, STYLE);
  return indentLines(text, indent);
}

export function indentLines(text: string, indent: number): string {
  const pad = ' '.repeat(indent);
  return text
    .split('\n')
    .map((l) => (l === '' ? '' : pad + l))
    .join('\n');
}

/** Shift every non-blank line of `text` by `delta` columns (negative removes leading spaces). */
export function reindent(text: string, delta: number): string {
  if (delta === 0) return text;
  return text
    .split('\n')
    .map((l) => {
      if (l.trim() === '') return l;
      if (delta > 0) return ' '.repeat(delta) + l;
      const lead = l.length - l.trimStart().length;
      return l.slice(Math.min(lead, -delta));
    })
    .join('\n');
}
