// Reads blobs at a commit through one `git cat-file --batch` process, streaming: each file keeps
// at most `readLimit` bytes, so a 50 MB README costs `readLimit` of memory and is marked truncated.
import { spawnGit } from './run.js';
import type { FileBlob, FileMap, TreeEntry } from '../types.js';

export const DEFAULT_READ_LIMIT = 1024 * 1024;

/** Reads the given tree entries (blobs and symlinks) as FileBlobs. */
export async function readBlobs(cwd: string, entries: TreeEntry[], readLimit = DEFAULT_READ_LIMIT): Promise<FileMap> {
  const wanted = entries.filter((e) => e.type === 'blob');
  const out: FileMap = {};
  if (wanted.length === 0) return out;
  let index = 0;
  let header: Buffer[] = [];
  let remaining = -1; // bytes of content still to come; -1 while reading a header
  let kept: Buffer[] = [];
  let keptBytes = 0;
  let size = 0;

  const finish = () => {
    const entry = wanted[index++];
    if (entry) out[entry.path] = toBlob(entry, Buffer.concat(kept), size, readLimit);
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
        if (parts[1] === 'missing' || parts.length < 3) {
          index++; // absent object (e.g. a partial clone without it): no entry
          continue;
        }
        size = Number(parts[2]);
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
  run.child.stdin!.end(wanted.map((e) => e.oid).join('\n') + '\n');
  const { code } = await run.done;
  if (code !== 0) {
    const why = run.timedOut() ? `took longer than ${timeoutMs / 1000} s and was stopped` : run.stderr().trim() || `exit ${code}`;
    throw new Error(`git cat-file failed: ${why}`);
  }
  return out;
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
    const cutOnly = blob.truncated && Buffer.from(text.replace(/\uFFFD+$/, ''), 'utf8').equals(head.subarray(0, Buffer.byteLength(text.replace(/\uFFFD+$/, ''))));
    if (!cutOnly) blob.invalidUtf8 = true;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  blob.text = text;
  return blob;
}
