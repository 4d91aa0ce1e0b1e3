// The parts of a parsed landscape both parsers must agree on (offsets edits use, lines, values).
import { parseLandscapeSource, type SourceLandscape } from '../../src/landscape/source.js';
import { fastScan } from '../../src/landscape/fastscan.js';

export function comparable(src: SourceLandscape): unknown {
  return {
    format: src.format,
    problems: src.problems,
    categories: src.categories.map((c) => ({
      ...c,
      subcategories: c.subcategories.map((s) => ({
        ...s,
        items: s.items.map((i) => ({
          ...i,
          fields: [...i.fields].map(([k, f]) => ({
            k,
            keyStart: f.keyStart,
            line: f.line,
            end: f.end,
            value: f.value,
            ...(typeof f.value === 'string' && f.value !== '' ? { valueStart: f.valueStart, valueEnd: f.valueEnd } : {}),
          })),
        })),
      })),
    })),
  };
}

/** Whether the fast scanner takes the text, and both parsers' comparable views. */
export function bothParsers(text: string): { fast: boolean; viaFast: unknown; viaYaml: unknown } {
  const fast = fastScan(text) !== null;
  return {
    fast,
    viaFast: comparable(parseLandscapeSource(text, 'f.yml', { parser: 'auto' })),
    viaYaml: comparable(parseLandscapeSource(text, 'f.yml', { parser: 'yaml' })),
  };
}
