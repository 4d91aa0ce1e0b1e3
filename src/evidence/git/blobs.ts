// Reads blobs at a commit through one `git cat-file --batch` process, streaming: each file keeps
// at most `readLimit` bytes, so a 50 MB README costs `readLimit` of memory and is marked truncated.
import { spawn } from 'node:child_process';
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

  await new Promise<void>((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], {
      cwd,
      env: { ...process.env, LC_ALL: 'C', GIT_OPTIONAL_LOCKS: '0' },
    });
    let stderr = '';
    child.stdout.on('data', onData);
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git cat-file failed: ${stderr.trim()}`))));
    child.stdin.end(wanted.map((e) => e.oid).join('\n') + '\n');
  });
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
