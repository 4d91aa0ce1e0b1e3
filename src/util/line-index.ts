// Offsets to 1-based line numbers for texts that report many positions: the line starts are
// found once, and each lookup is a binary search instead of a scan from the start.

export interface LineIndex {
  /** the 1-based line holding `offset` */
  lineOf(offset: number): number;
  /** how many line starts the text has (a trailing newline starts an empty last one) */
  readonly starts: number;
}

export function lineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return {
    starts: starts.length,
    lineOf(offset) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
      return lo + 1;
    },
  };
}
