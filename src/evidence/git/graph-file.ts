// Reads git's commit-graph files (gitformat-commit-graph(5)): every commit's parents and committer
// time without inflating a single commit object. A single file or a split chain; anything that
// doesn't look exactly like the format (wrong signature, chunk out of bounds, parent past the
// end) makes the reader give up, and the caller walks with `git rev-list` instead.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const NO_PARENT = 0x70000000;
const EXTRA_EDGES = 0x80000000;
const LAST_EDGE = 0x80000000;

interface Layer {
  buf: Buffer;
  /** positions before this layer's first commit (sum of the base layers' counts) */
  offset: number;
  count: number;
  fanout: number;
  oids: number;
  cdat: number;
  edges: number;
  edgesEnd: number;
}

/**
 * All layers of a repository's commit graph, addressed by global position. Times and parents are
 * decoded once into typed arrays: the walk then touches no Buffer and allocates nothing.
 */
export class CommitGraph {
  readonly count: number;
  /** committer time per position */
  readonly times: Float64Array;
  /** first parent per position, -1 for none */
  readonly parent1: Int32Array;
  /** second parent per position, -1 for none; ≤ -2 means octopus: extra[-2 - value …] until a negative end mark */
  readonly parent2: Int32Array;
  /** the octopus parents from every layer's EDGE chunk, each list ended by -(pos + 1) */
  readonly extra: Int32Array;

  constructor(
    private readonly layers: Layer[],
    readonly hashLength: number,
  ) {
    this.count = layers.reduce((n, l) => n + l.count, 0);
    this.times = new Float64Array(this.count);
    this.parent1 = new Int32Array(this.count);
    this.parent2 = new Int32Array(this.count);
    const extra: number[] = [];
    const stride = hashLength + 16;
    for (const l of layers) {
      const view = new DataView(l.buf.buffer, l.buf.byteOffset, l.buf.byteLength);
      let at = l.cdat + hashLength;
      for (let i = 0; i < l.count; i++, at += stride) {
        const pos = l.offset + i;
        const p1 = view.getUint32(at);
        const p2 = view.getUint32(at + 4);
        this.times[pos] = (view.getUint32(at + 8) & 3) * 0x1_0000_0000 + view.getUint32(at + 12);
        this.parent1[pos] = p1 === NO_PARENT ? -1 : this.checked(p1);
        if (p2 === NO_PARENT) this.parent2[pos] = -1;
        else if ((p2 & EXTRA_EDGES) === 0) this.parent2[pos] = this.checked(p2);
        else {
          this.parent2[pos] = -2 - extra.length;
          let e = l.edges + ((p2 & ~EXTRA_EDGES) >>> 0) * 4;
          for (;;) {
            if (l.edges < 0 || e + 4 > l.edgesEnd) throw new RangeError('commit-graph EDGE list runs past its chunk');
            const v = view.getUint32(e);
            const q = this.checked((v & ~LAST_EDGE) >>> 0);
            if ((v & LAST_EDGE) !== 0) {
              extra.push(-(q + 1));
              break;
            }
            extra.push(q);
            e += 4;
          }
        }
      }
    }
    this.extra = Int32Array.from(extra);
  }

  private layerOf(pos: number): Layer {
    for (let i = this.layers.length - 1; i >= 0; i--) if (pos >= this.layers[i]!.offset) return this.layers[i]!;
    throw new RangeError(`commit-graph position ${pos} out of range`);
  }

  /** Global position of a commit (40/64 hex), or -1 when the graph doesn't hold it. */
  find(hex: string): number {
    if (hex.length !== this.hashLength * 2 || !/^[0-9a-f]+$/.test(hex)) return -1;
    const oid = Buffer.from(hex, 'hex');
    for (const l of this.layers) {
      const first = oid[0]!;
      let lo = first === 0 ? 0 : l.buf.readUInt32BE(l.fanout + (first - 1) * 4);
      let hi = l.buf.readUInt32BE(l.fanout + first * 4);
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const at = l.oids + mid * this.hashLength;
        const c = l.buf.compare(oid, 0, this.hashLength, at, at + this.hashLength);
        if (c === 0) return l.offset + mid;
        if (c > 0) hi = mid;
        else lo = mid + 1;
      }
    }
    return -1;
  }

  hex(pos: number): string {
    const l = this.layerOf(pos);
    const at = l.oids + (pos - l.offset) * this.hashLength;
    return l.buf.toString('hex', at, at + this.hashLength);
  }

  /** Parent positions of `pos`, written into `out` (cleared first). */
  parents(pos: number, out: number[]): number[] {
    out.length = 0;
    const p1 = this.parent1[pos]!;
    if (p1 < 0) return out;
    out.push(p1);
    const p2 = this.parent2[pos]!;
    if (p2 === -1) return out;
    if (p2 >= 0) {
      out.push(p2);
      return out;
    }
    for (let e = -2 - p2; ; e++) {
      const v = this.extra[e]!;
      if (v < 0) {
        out.push(-v - 1);
        return out;
      }
      out.push(v);
    }
  }

  private checked(pos: number): number {
    if (pos >= this.count) throw new RangeError(`commit-graph parent position ${pos} is past the end (${this.count})`);
    return pos;
  }
}

function parseLayer(buf: Buffer, offset: number): Layer & { hashLength: number; bases: number } {
  if (buf.length < 8 + 12 || buf.toString('latin1', 0, 4) !== 'CGPH') throw new Error('not a commit-graph file');
  if (buf[4] !== 1) throw new Error(`commit-graph version ${buf[4]} unknown`);
  const hashLength = buf[5] === 1 ? 20 : buf[5] === 2 ? 32 : 0;
  if (!hashLength) throw new Error(`commit-graph hash version ${buf[5]} unknown`);
  const chunks = buf[6]!;
  const bases = buf[7]!;
  const table = new Map<string, [number, number]>();
  for (let i = 0; i < chunks; i++) {
    const at = 8 + i * 12;
    if (at + 24 > buf.length) throw new Error('commit-graph chunk table truncated');
    const id = buf.toString('latin1', at, at + 4);
    const start = Number(buf.readBigUInt64BE(at + 4));
    const end = Number(buf.readBigUInt64BE(at + 16));
    if (start > end || end > buf.length) throw new Error(`commit-graph chunk ${id} out of bounds`);
    table.set(id, [start, end]);
  }
  const fanout = table.get('OIDF');
  const oids = table.get('OIDL');
  const cdat = table.get('CDAT');
  if (!fanout || !oids || !cdat || fanout[1] - fanout[0] !== 1024) throw new Error('commit-graph lacks OIDF/OIDL/CDAT');
  const count = buf.readUInt32BE(fanout[0] + 255 * 4);
  if (oids[1] - oids[0] !== count * hashLength || cdat[1] - cdat[0] !== count * (hashLength + 16)) {
    throw new Error('commit-graph chunk sizes disagree with the commit count');
  }
  const edges = table.get('EDGE');
  return {
    buf,
    offset,
    count,
    fanout: fanout[0],
    oids: oids[0],
    cdat: cdat[0],
    edges: edges ? edges[0] : -1,
    edgesEnd: edges ? edges[1] : -1,
    hashLength,
    bases,
  };
}

/**
 * Opens the commit graph of the repository at `cwd` (work tree or git dir). Returns undefined
 * when there is none, or when git itself would not trust one (shallow clone, grafts, replace
 * refs, alternates) or would look elsewhere for objects.
 */
export function openCommitGraph(cwd: string): CommitGraph | undefined {
  if (process.env.GIT_DIR || process.env.GIT_OBJECT_DIRECTORY || process.env.GIT_ALTERNATE_OBJECT_DIRECTORIES) return undefined;
  const gitDir = findCommonDir(cwd);
  if (!gitDir) return undefined;
  const info = join(gitDir, 'objects', 'info');
  if (
    existsSync(join(gitDir, 'shallow')) ||
    existsSync(join(gitDir, 'info', 'grafts')) ||
    existsSync(join(info, 'alternates')) ||
    existsSync(join(gitDir, 'reftable')) ||
    hasReplaceRefs(gitDir)
  ) {
    return undefined;
  }
  try {
    const single = join(info, 'commit-graph');
    if (existsSync(single)) {
      const layer = parseLayer(readFileSync(single), 0);
      if (layer.bases !== 0) return undefined;
      return new CommitGraph([layer], layer.hashLength);
    }
    const chainFile = join(info, 'commit-graphs', 'commit-graph-chain');
    if (!existsSync(chainFile)) return undefined;
    const names = readFileSync(chainFile, 'latin1').split('\n').filter((s) => /^[0-9a-f]{40,64}$/.test(s));
    if (names.length === 0) return undefined;
    const layers: Layer[] = [];
    let offset = 0;
    let hashLength = 0;
    for (const name of names) {
      const layer = parseLayer(readFileSync(join(info, 'commit-graphs', `graph-${name}.graph`)), offset);
      if (hashLength && layer.hashLength !== hashLength) return undefined;
      hashLength = layer.hashLength;
      layers.push(layer);
      offset += layer.count;
    }
    return new CommitGraph(layers, hashLength);
  } catch {
    // unreadable or malformed: git would complain or ignore it; we walk with rev-list instead
    return undefined;
  }
}

/** The directory holding `objects/`: a bare repository, `.git`, or a worktree's common dir. */
function findCommonDir(cwd: string): string | undefined {
  let dir: string;
  const dotGit = join(cwd, '.git');
  try {
    if (existsSync(join(cwd, 'objects')) && existsSync(join(cwd, 'HEAD'))) dir = cwd;
    else if (statSync(dotGit).isDirectory()) dir = dotGit;
    else {
      const m = /^gitdir: (.+)$/m.exec(readFileSync(dotGit, 'utf8'));
      if (!m) return undefined;
      dir = resolve(cwd, m[1]!.trim());
    }
    const common = join(dir, 'commondir');
    if (existsSync(common)) dir = resolve(dir, readFileSync(common, 'utf8').trim());
    return existsSync(join(dir, 'objects')) ? dir : undefined;
  } catch {
    return undefined;
  }
}

function hasReplaceRefs(gitDir: string): boolean {
  try {
    const loose = join(gitDir, 'refs', 'replace');
    if (existsSync(loose) && readdirSync(loose).length > 0) return true;
    const packed = join(gitDir, 'packed-refs');
    return existsSync(packed) && readFileSync(packed, 'latin1').includes(' refs/replace/');
  } catch {
    return true;
  }
}
