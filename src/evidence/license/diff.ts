// A word-level diff (Myers' O(ND) algorithm) between a template and a region of a text, both as
// integer token ids. The edit distance is capped: past `maxD` the two are too different to be the
// same license and the diff gives up, which keeps hostile inputs bounded in time and memory.

/** For each index of `a`, the index of `b` it is matched to, or -1. `null` when the cap was hit. */
export function alignTokens(a: ArrayLike<number>, b: ArrayLike<number>, maxD: number): Int32Array | null {
  const n = a.length;
  const m = b.length;
  const match = new Int32Array(n).fill(-1);
  // Common prefix and suffix cost nothing and are the bulk of a near-verbatim copy.
  let pre = 0;
  while (pre < n && pre < m && a[pre] === b[pre]) {
    match[pre] = pre;
    pre++;
  }
  let suf = 0;
  while (suf < n - pre && suf < m - pre && a[n - 1 - suf] === b[m - 1 - suf]) {
    match[n - 1 - suf] = m - 1 - suf;
    suf++;
  }
  const an = n - pre - suf;
  const bm = m - pre - suf;
  if (an === 0 || bm === 0) return match;
  const max = Math.min(an + bm, maxD);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d] holds v[-d..d] after round d, enough to walk the path back.
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x: number;
      if (k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)) x = v[offset + k + 1]!;
      else x = v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < an && y < bm && a[pre + x] === b[pre + y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= an && y >= bm) {
        found = d;
        break;
      }
    }
    trace.push(v.slice(offset - d, offset + d + 1));
  }
  if (found < 0) return null;
  let x = an;
  let y = bm;
  for (let d = found; d > 0; d--) {
    const prev = trace[d - 1]!;
    const at = (k: number): number => prev[k + d - 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      match[pre + x] = pre + y;
    }
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    x--;
    y--;
    match[pre + x] = pre + y;
  }
  return match;
}
