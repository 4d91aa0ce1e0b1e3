// Reads git's commit-graph files (gitformat-commit-graph(5)): every commit's parents and committer
// time without inflating a single commit object. A single file or a split chain; anything that
// doesn't look exactly like the format (wrong signature, chunk out of bounds, parent past the
// end, a checksum that doesn't match) makes the reader give up, and the caller walks with
// `git rev-list` instead. The checksum only proves the file is intact, not honest: a graph is
// repository content, so what a walk takes from it is confirmed against the commit objects
// (graph-confirm.ts).
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const NO_PARENT = 0x70000000;
const EXTRA_EDGES = 0x80000000;
const LAST_EDGE = 0x80000000;

interface Layer {
  buf: Buffer;
  view: DataView;
  /** positions before this layer's first commit (sum of the base layers' counts) */
  offset: number;
  count: number;
  fanout: number;
  oids: number;
  cdat: number;
  edges: number;
  edgesEnd: number;
  /** GDA2 / GDO2 (corrected commit date offsets and their overflow), -1 when absent */
  gdat: number;
  gdov: number;
  gdovEnd: number;
}

/**
 * All layers of a repository's commit graph, addressed by global position. Entries are decoded
 * on demand from the file's bytes: a walk that stops early touches only the commits it visits.
 */
export class CommitGraph {
  readonly count: number;
  /** every layer has corrected commit dates (generation data v2), so walks may stop at the window's edge */
  readonly corrected: boolean;
  private readonly single: Layer | undefined;

  constructor(
    private readonly layers: Layer[],
    readonly hashLength: number,
  ) {
    this.count = layers.reduce((n, l) => n + l.count, 0);
    this.corrected = layers.every((l) => l.gdat >= 0);
    this.single = layers.length === 1 ? layers[0] : undefined;
  }

  private layerOf(pos: number): Layer {
    if (this.single) return this.single;
    for (let i = this.layers.length - 1; i >= 0; i--) if (pos >= this.layers[i]!.offset) return this.layers[i]!;
    throw new RangeError(`commit-graph position ${pos} out of range`);
  }

  /** Global position of a commit (40/64 hex), or -1 when the graph doesn't hold it. */
  find(hex: string): number {
    if (hex.length !== this.hashLength * 2 || !/^[0-9a-f]+$/.test(hex)) return -1;
    const oid = Buffer.from(hex, 'hex');
    for (const l of this.layers) {
      const first = oid[0]!;
      let lo = first === 0 ? 0 : l.view.getUint32(l.fanout + (first - 1) * 4);
      let hi = l.view.getUint32(l.fanout + first * 4);
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

  /** Committer time (34 bits: two from the generation word, 32 from the next). */
  time(pos: number): number {
    const l = this.layerOf(pos);
    const at = l.cdat + (pos - l.offset) * (this.hashLength + 16) + this.hashLength + 8;
    return (l.view.getUint32(at) & 3) * 0x1_0000_0000 + l.view.getUint32(at + 4);
  }

  /**
   * Corrected commit date: at least the commit's own time and greater than every ancestor's
   * corrected date, hence greater than every ancestor's committer time. `time`: the commit's own, when known.
   */
  correctedDate(pos: number, time = this.time(pos)): number {
    const l = this.layerOf(pos);
    const i = pos - l.offset;
    const off = l.view.getUint32(l.gdat + i * 4);
    if ((off & 0x80000000) === 0) return time + off;
    const at = l.gdov + (off & 0x7fffffff) * 8;
    if (l.gdov < 0 || at + 8 > l.gdovEnd) throw new RangeError('commit-graph GDO2 index past its chunk');
    return time + l.view.getUint32(at) * 0x1_0000_0000 + l.view.getUint32(at + 4);
  }

  /** Parent positions of `pos`, written into `out` (cleared first); octopus parents come from EDGE. */
  parents(pos: number, out: number[]): number[] {
    out.length = 0;
    const l = this.layerOf(pos);
    const at = l.cdat + (pos - l.offset) * (this.hashLength + 16) + this.hashLength;
    const p1 = l.view.getUint32(at);
    if (p1 === NO_PARENT) return out;
    out.push(this.checked(p1));
    const p2 = l.view.getUint32(at + 4);
    if (p2 === NO_PARENT) return out;
    if ((p2 & EXTRA_EDGES) === 0) {
      out.push(this.checked(p2));
      return out;
    }
    for (let e = l.edges + ((p2 & ~EXTRA_EDGES) >>> 0) * 4; ; e += 4) {
      if (l.edges < 0 || e + 4 > l.edgesEnd) throw new RangeError('commit-graph EDGE list runs past its chunk');
      const v = l.view.getUint32(e);
      out.push(this.checked((v & ~LAST_EDGE) >>> 0));
      if ((v & LAST_EDGE) !== 0) return out;
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
  const body = buf.length - hashLength;
  if (body < 8) throw new Error('commit-graph truncated');
  const chunks = buf[6]!;
  const bases = buf[7]!;
  if (8 + (chunks + 1) * 12 > buf.length) throw new Error('commit-graph chunk table truncated');
  const table = chunkTable(buf.subarray(8), chunks, body);
  const fanout = table.get('OIDF');
  const oids = table.get('OIDL');
  const cdat = table.get('CDAT');
  if (!fanout || !oids || !cdat || fanout[1] - fanout[0] !== 1024) throw new Error('commit-graph lacks OIDF/OIDL/CDAT');
  const count = buf.readUInt32BE(fanout[0] + 255 * 4);
  if (oids[1] - oids[0] !== count * hashLength || cdat[1] - cdat[0] !== count * (hashLength + 16)) {
    throw new Error('commit-graph chunk sizes disagree with the commit count');
  }
  const edges = table.get('EDGE');
  // GDA2/GDO2: git ≥ 2.36 renamed the chunks because earlier GDAT/GDOV could be wrong; only the new ones are read
  const gdat = table.get('GDA2');
  const gdov = table.get('GDO2');
  if (gdat && gdat[1] - gdat[0] !== count * 4) throw new Error('commit-graph GDA2 size disagrees with the commit count');
  return {
    buf,
    view: new DataView(buf.buffer, buf.byteOffset, buf.byteLength),
    offset,
    count,
    fanout: fanout[0],
    oids: oids[0],
    cdat: cdat[0],
    edges: edges ? edges[0] : -1,
    edgesEnd: edges ? edges[1] : -1,
    gdat: gdat ? gdat[0] : -1,
    gdov: gdov ? gdov[0] : -1,
    gdovEnd: gdov ? gdov[1] : -1,
    hashLength,
    bases,
  };
}

/** The chunk table (`chunks` entries and the terminating one, from `table`'s start): each id's [start, end), all within `body`. */
function chunkTable(table: Buffer, chunks: number, body: number): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  for (let i = 0; i < chunks; i++) {
    const id = table.toString('latin1', i * 12, i * 12 + 4);
    const start = Number(table.readBigUInt64BE(i * 12 + 4));
    const end = Number(table.readBigUInt64BE(i * 12 + 16));
    if (start > end || end > body) throw new Error(`commit-graph chunk ${id} out of bounds`);
    out.set(id, [start, end]);
  }
  return out;
}

/**
 * The trailer is the hash of everything before it; git writes it and `git commit-graph verify`
 * checks it. Hashed on the main thread with node's hash: a large repository's graph is tens of
 * megabytes (18 MB for 300 000 commits) and SHA-1 of it takes ~15 ms of CPU, while WebCrypto's
 * digest, which runs the hash on the thread pool, first copies the input on the main thread and
 * spent 100 ms of CPU or more there, with a full garbage collection for the 18 MB of external memory.
 */
function verifyChecksum(buf: Buffer, hashLength: number): void {
  const body = buf.length - hashLength;
  const sum = createHash(hashLength === 20 ? 'sha1' : 'sha256')
    .update(buf.subarray(0, body))
    .digest();
  if (!sum.equals(buf.subarray(body))) throw new Error('commit-graph checksum mismatch');
}

/** A whole file, read on the thread pool (one read for the size fstat gives; more if it grew). */
async function readWhole(path: string): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const size = (await fh.stat()).size;
    const buf = Buffer.allocUnsafeSlow(size);
    let got = 0;
    while (got < size) {
      const { bytesRead } = await fh.read(buf, got, size - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    // shorter than fstat said: what was there; a file that grew meanwhile fails its checksum
    return got === size ? buf : buf.subarray(0, got);
  } finally {
    await fh.close();
  }
}

async function readLayer(path: string, offset: number): Promise<Layer & { hashLength: number; bases: number }> {
  const layer = parseLayer(await readWhole(path), offset);
  verifyChecksum(layer.buf, layer.hashLength);
  return layer;
}

/**
 * The files of the commit graph git would read for the repository at `cwd` (work tree or git dir),
 * in chain order with the name the chain gives each (none for a single file). Undefined when there
 * is none, or when git itself would not trust one (shallow clone, grafts, replace refs,
 * alternates) or would look elsewhere for objects.
 */
function graphFiles(cwd: string): { path: string; name?: string }[] | undefined {
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
  const single = join(info, 'commit-graph');
  if (existsSync(single)) return [{ path: single }];
  const chainFile = join(info, 'commit-graphs', 'commit-graph-chain');
  if (!existsSync(chainFile)) return undefined;
  const names = readFileSync(chainFile, 'latin1')
    .split('\n')
    .filter((s) => /^[0-9a-f]{40,64}$/.test(s));
  if (names.length === 0) return undefined;
  return names.map((name) => ({ path: join(info, 'commit-graphs', `graph-${name}.graph`), name }));
}

/** Opens the commit graph of the repository at `cwd`, or returns undefined when there is none to use (see graphFiles). */
export async function openCommitGraph(cwd: string): Promise<CommitGraph | undefined> {
  try {
    const files = graphFiles(cwd);
    if (!files) return undefined;
    const layers: Layer[] = [];
    let offset = 0;
    let hashLength = 0;
    for (const { path, name } of files) {
      const layer = await readLayer(path, offset);
      if (!name && layer.bases !== 0) return undefined;
      if (hashLength && layer.hashLength !== hashLength) return undefined;
      // a layer is named by its checksum; one that isn't is not the layer the chain names
      if (name && layer.buf.toString('hex', layer.buf.length - layer.hashLength) !== name) return undefined;
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

/** A few commits' corrected commit dates, looked up in the graph file(s) where they lie. */
export interface CorrectedDates {
  /** the corrected commit date of the commit (40/64 hex), or undefined when the graph does not hold it */
  of(hex: string): number | undefined;
  close(): void;
}

/**
 * The corrected commit dates of the repository's commit graph, read by position: a lookup is a
 * binary search of some twenty small reads, where opening the graph for a walk reads the whole file
 * (18 MB for 300 000 commits) and hashes it. What proves the edge of a `git log --since` walk
 * (since-walk.ts) needs the dates of its few boundary commits only. Undefined when there is no
 * graph to use (see graphFiles), a layer lacks corrected dates (GDA2), or a layer is malformed.
 * Like every graph read, the dates are the file's word, not the objects'.
 */
export function openCorrectedDates(cwd: string): CorrectedDates | undefined {
  const files = graphFiles(cwd);
  if (!files) return undefined;
  const layers: IndexedLayer[] = [];
  try {
    for (const f of files) {
      const layer = indexLayer(f.path, f.name);
      if (!layer) return closeAll(layers);
      layers.push(layer);
      if (layer.hashLength !== layers[0]!.hashLength) return closeAll(layers);
    }
  } catch {
    return closeAll(layers);
  }
  return {
    of(hex) {
      const h = layers[0]!.hashLength;
      if (hex.length !== h * 2 || !/^[0-9a-f]+$/.test(hex)) return undefined;
      const oid = Buffer.from(hex, 'hex');
      for (const l of layers) {
        const i = findIn(l, oid);
        if (i >= 0) return correctedAt(l, i);
      }
      return undefined;
    },
    close() {
      closeAll(layers);
    },
  };
}

interface IndexedLayer {
  fd: number;
  hashLength: number;
  count: number;
  fanout: Buffer;
  oids: number;
  cdat: number;
  gdat: number;
  gdov: number;
  gdovEnd: number;
}

function closeAll(layers: IndexedLayer[]): undefined {
  for (const l of layers) closeSync(l.fd);
  layers.length = 0;
  return undefined;
}

function readAt(fd: number, at: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  if (readSync(fd, buf, 0, length, at) !== length) throw new RangeError(`commit-graph read past its end at ${at}`);
  return buf;
}

/** A layer's chunk table and fanout, checked as parseLayer checks them; undefined when it has no corrected dates. */
function indexLayer(path: string, name: string | undefined): IndexedLayer | undefined {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const head = readAt(fd, 0, 8);
    if (head.toString('latin1', 0, 4) !== 'CGPH' || head[4] !== 1) throw new Error('not a commit-graph file');
    const hashLength = head[5] === 1 ? 20 : head[5] === 2 ? 32 : 0;
    if (!hashLength || size < 8 + 12 + hashLength) throw new Error('commit-graph truncated');
    if (!name && head[7] !== 0) throw new Error('a single commit-graph with base layers');
    if (name && readAt(fd, size - hashLength, hashLength).toString('hex') !== name) throw new Error('not the layer the chain names');
    const chunks = head[6]!;
    const at = chunkTable(readAt(fd, 8, (chunks + 1) * 12), chunks, size - hashLength);
    const fanout = at.get('OIDF');
    const oids = at.get('OIDL');
    const cdat = at.get('CDAT');
    const gdat = at.get('GDA2');
    const gdov = at.get('GDO2');
    if (!fanout || !oids || !cdat || fanout[1] - fanout[0] !== 1024) throw new Error('commit-graph lacks OIDF/OIDL/CDAT');
    const fan = readAt(fd, fanout[0], 1024);
    const count = fan.readUInt32BE(255 * 4);
    if (oids[1] - oids[0] !== count * hashLength || cdat[1] - cdat[0] !== count * (hashLength + 16))
      throw new Error('commit-graph chunk sizes disagree with the commit count');
    if (!gdat || gdat[1] - gdat[0] !== count * 4) {
      closeSync(fd);
      return undefined;
    }
    return {
      fd,
      hashLength,
      count,
      fanout: fan,
      oids: oids[0],
      cdat: cdat[0],
      gdat: gdat[0],
      gdov: gdov ? gdov[0] : -1,
      gdovEnd: gdov ? gdov[1] : -1,
    };
  } catch (err) {
    closeSync(fd);
    throw err;
  }
}

function findIn(l: IndexedLayer, oid: Buffer): number {
  const first = oid[0]!;
  let lo = first === 0 ? 0 : l.fanout.readUInt32BE((first - 1) * 4);
  let hi = Math.min(l.fanout.readUInt32BE(first * 4), l.count);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = oid.compare(readAt(l.fd, l.oids + mid * l.hashLength, l.hashLength));
    if (c === 0) return mid;
    if (c < 0) hi = mid;
    else lo = mid + 1;
  }
  return -1;
}

function correctedAt(l: IndexedLayer, i: number): number {
  const times = readAt(l.fd, l.cdat + i * (l.hashLength + 16) + l.hashLength + 8, 8);
  const time = (times.readUInt32BE(0) & 3) * 0x1_0000_0000 + times.readUInt32BE(4);
  const off = readAt(l.fd, l.gdat + i * 4, 4).readUInt32BE(0);
  if ((off & 0x80000000) === 0) return time + off;
  const at = l.gdov + (off & 0x7fffffff) * 8;
  if (l.gdov < 0 || at + 8 > l.gdovEnd) throw new RangeError('commit-graph GDO2 index past its chunk');
  const big = readAt(l.fd, at, 8);
  return time + big.readUInt32BE(0) * 0x1_0000_0000 + big.readUInt32BE(4);
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
