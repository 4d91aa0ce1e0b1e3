// Reads blobs at a commit through one `git cat-file --batch` process, streaming: each file keeps
// at most `readLimit` bytes, so a 50 MB README costs `readLimit` of memory and is marked truncated.
import { spawnGit } from './run.js';
import { recentTree } from './tree.js';
import type { FileBlob, FileMap, TreeEntry } from '../types.js';

export const DEFAULT_READ_LIMIT = 1024 * 1024;

/** Reads the given tree entries (blobs and symlinks) as FileBlobs. */
export async function readBlobs(cwd: string, entries: TreeEntry[], readLimit = DEFAULT_READ_LIMIT): Promise<FileMap> {
  const wanted = entries.filter((e) => e.type === 'blob');
  const out: FileMap = {};
  if (wanted.length === 0) return out;
  await catFileBatch(
    cwd,
    wanted.map((e) => e.oid),
    readLimit,
    (i, _type, head, size) => {
      const entry = wanted[i]!;
      out[entry.path] = toBlob(entry, head, size, readLimit);
    },
  );
  return out;
}

/**
 * The blob at `path` in `commit` (`<commit>:<path>`, resolved by git), or undefined when there is
 * none or it is not a blob: one `git cat-file --batch`, where a size check and then a read took two.
 */
export async function readBlobAt(cwd: string, commit: string, path: string, readLimit = DEFAULT_READ_LIMIT): Promise<FileBlob | undefined> {
  if (!/^[0-9a-f]{40,64}$/.test(commit) || /[\n\r]/.test(path))
    throw new Error(`readBlobAt: expected a commit id and a one-line path, got ${JSON.stringify(`${commit}:${path}`)}`);
  // a path the commit's tree (already listed for the check) does not hold needs no git process
  const listing = /^(?!\.{1,2}(\/|$))[^/]+(\/(?!\.{1,2}(\/|$))[^/]+)*$/.test(path) ? recentTree(cwd, commit) : undefined;
  if (listing) {
    const tree = await listing.catch(() => undefined);
    if (tree && !tree.some((e) => e.path === path)) return undefined;
  }
  let blob: FileBlob | undefined;
  await catFileBatch(cwd, [`${commit}:${path}`], readLimit, (_i, type, head, size) => {
    if (type === 'blob') blob = toBlob({ path, mode: '100644', type: 'blob', oid: '' }, head, size, readLimit);
  });
  return blob;
}

/**
 * Streams `git cat-file --batch` over `names`, handing each object found to `onObject` with its
 * index in `names`, its type, its first `readLimit` bytes and its whole size; absent ones are skipped.
 */
async function catFileBatch(
  cwd: string,
  names: string[],
  readLimit: number,
  onObject: (index: number, type: string, head: Buffer, size: number) => void,
): Promise<void> {
  let index = 0;
  let header: Buffer[] = [];
  let remaining = -1; // bytes of content still to come; -1 while reading a header
  let kept: Buffer[] = [];
  let keptBytes = 0;
  let size = 0;
  let type = '';

  const finish = () => {
    if (index < names.length) onObject(index, type, Buffer.concat(kept), size);
    index++;
    kept = [];
    keptBytes = 0;
  };

  const onData = (chunk: Buffer) => {
    let pos = 0;
    while (pos < chunk.length) {
      if (remaining < 0) {
        const nl = chunk.indexOf(0x0a, pos);
        if (nl < 0) {
          header.push(chunk.subarray(pos));
          return;
        }
        header.push(chunk.subarray(pos, nl));
        pos = nl + 1;
        const parts = Buffer.concat(header).toString('latin1').split(' ');
        header = [];
        // `<oid> <type> <size>`, else `<name> missing` (a partial clone without it, no such path)
        // or `<name> ambiguous`, where a `<rev>:<path>` name may hold spaces: no entry
        if (parts.length !== 3 || !/^\d+$/.test(parts[2]!)) {
          index++;
          continue;
        }
        size = Number(parts[2]);
        type = parts[1]!;
        remaining = size + 1; // content, then one LF
      }
      const take = Math.min(remaining, chunk.length - pos);
      const contentLeft = Math.max(0, Math.min(take, remaining - 1));
      if (contentLeft > 0 && keptBytes < readLimit) {
        const part = chunk.subarray(pos, pos + Math.min(contentLeft, readLimit - keptBytes));
        kept.push(part);
        keptBytes += part.length;
      }
      pos += take;
      remaining -= take;
      if (remaining === 0) {
        finish();
        remaining = -1;
      }
    }
  };

  // through the runner: a tree naming a missing blob must not make git fetch it from a remote
  // the repository's own config names (a partial clone's promisor), nor run anything else
  const timeoutMs = 120_000;
  const run = spawnGit(['cat-file', '--batch'], { cwd, timeoutMs, stdin: true });
  run.child.stdout.on('data', onData);
  run.child.stdin!.end(names.join('\n') + '\n');
  const { code } = await run.done;
  if (code !== 0) {
    const why = run.timedOut() ? `took longer than ${timeoutMs / 1000} s and was stopped` : run.stderr().trim() || `exit ${code}`;
    throw new Error(`git cat-file failed: ${why}`);
  }
}

function toBlob(entry: TreeEntry, head: Buffer, size: number, readLimit: number): FileBlob {
  if (entry.mode === '120000') {
    return { path: entry.path, size, symlinkTarget: head.toString('utf8') };
  }
  const blob: FileBlob = { path: entry.path, size };
  if (size > readLimit) blob.truncated = true;
  // a NUL in the first 8 KiB is how git itself decides a file is binary
  if (head.subarray(0, 8192).includes(0)) {
    blob.binary = true;
    return blob;
  }
  let text = head.toString('utf8');
  if (text.includes('\uFFFD') && !Buffer.from(text, 'utf8').equals(head)) {
    // a truncated read may cut a multi-byte character in two: that alone is not invalid UTF-8
    const cutOnly =
      blob.truncated &&
      Buffer.from(text.replace(/\uFFFD+$/, ''), 'utf8').equals(head.subarray(0, Buffer.byteLength(text.replace(/\uFFFD+$/, ''))));
    if (!cutOnly) blob.invalidUtf8 = true;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  blob.text = text;
  return blob;
}
