// Where in a YAML document a path points: the line and column a refusal names. A path that does
// not exist (a missing field) points at the closest node that does, its parent mapping.
import type { Document, LineCounter } from 'yaml';
import { yaml } from '../util/lazy-yaml.js';

export type IssuePath = (string | number)[];

export function locate(doc: Document, lines: LineCounter, path: IssuePath): { line: number; col: number } | undefined {
  const Y = yaml();
  for (let n = path.length; n >= 0; n--) {
    const head = path.slice(0, n);
    const parent = n > 0 ? doc.getIn(head.slice(0, -1), true) : undefined;
    // an unknown or wrong field is reported at its key, where the reader looks for it
    if (n > 0 && Y.isMap(parent)) {
      const pair = parent.items.find((p) => Y.isScalar(p.key) && p.key.value === head[n - 1]);
      const key = pair?.key as { range?: [number, number, number] } | undefined;
      if (key?.range) return lines.linePos(key.range[0]);
      continue;
    }
    const node = (n === 0 ? doc.contents : doc.getIn(head, true)) as { range?: [number, number, number] } | null | undefined;
    if (node?.range) return lines.linePos(node.range[0]);
  }
  return undefined;
}
