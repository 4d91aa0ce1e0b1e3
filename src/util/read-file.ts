// Reads a file a user named, refusing anything that is not a regular file: a FIFO or a device
// would block the read (or never end) and a socket can't be read at all. The open is
// non-blocking and the check is made on the opened descriptor, so a path swapped for a FIFO
// between a stat and the open is still refused.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { InputError } from './errors.js';

export function describeKind(st: Stats): string {
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  if (st.isDirectory()) return 'a directory';
  return 'not a regular file';
}

/** The file's first `limit` bytes (all by default) and its size; an InputError for a non-regular file. */
export function readRegularFile(path: string, limit = Number.MAX_SAFE_INTEGER): { bytes: Buffer; size: number } {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why: Record<string, string> = {
      ENOENT: 'no such file',
      EACCES: 'permission denied',
      EISDIR: 'it is a directory, expected a file',
      ENXIO: 'a socket or a device with nothing behind it',
    };
    throw new InputError(`cannot read ${path}: ${code && why[code] ? `${why[code]} (${code})` : (code ?? (e as Error).message)}`);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new InputError(`cannot read ${path}: it is a directory, expected a file (EISDIR)`);
    if (!st.isFile()) throw new InputError(`cannot read ${path}: it is ${describeKind(st)}; expected a regular file`);
    const want = Math.min(st.size, limit);
    const buf = Buffer.alloc(want);
    let n = 0;
    while (n < want) {
      const got = readSync(fd, buf, n, want - n, n);
      if (got === 0) break;
      n += got;
    }
    return { bytes: buf.subarray(0, n), size: st.size };
  } finally {
    closeSync(fd);
  }
}

/** A regular file as UTF-8 text (invalid bytes replaced), or an InputError. */
export function readRegularText(path: string): string {
  return readRegularFile(path).bytes.toString('utf8');
}
