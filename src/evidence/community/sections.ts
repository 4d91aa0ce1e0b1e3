// Questions of a README or docs page already read into blocks (./readme.ts reads them): the
// requirements ask these of the gathered structure and never read the text themselves.
import type { Block } from '../types.js';

/** The blocks under a heading: up to the next heading of the same or a higher level. */
export function sectionAfter(blocks: Block[], headingIndex: number): Block[] {
  const h = blocks[headingIndex];
  if (!h || h.kind !== 'heading') return [];
  const out: Block[] = [];
  for (let k = headingIndex + 1; k < blocks.length; k++) {
    const b = blocks[k]!;
    if (b.kind === 'heading' && (b.level ?? 1) <= (h.level ?? 1)) break;
    out.push(b);
  }
  return out;
}
