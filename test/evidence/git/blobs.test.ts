import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildRepo, cleanupTemp } from '../../support/repo.js';
import { listTree } from '../../../src/evidence/git/tree.js';
import { readBlobAt, readBlobs } from '../../../src/evidence/git/blobs.js';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

after(cleanupTemp);

test('reads text, binary, invalid UTF-8, symlinks and large files at a commit, bounded', async () => {
  const big = 'x'.repeat(3 * 1024 * 1024);
  const dir = await buildRepo({
    commits: [
      {
        date: '2026-01-01T00:00:00Z',
        files: {
          'README.md': '\uFEFF# Hello\n',
          'bin.dat': Buffer.from([1, 2, 0, 3]),
          'bad.txt': Buffer.from([0x66, 0xff, 0xfe, 0x67]),
          link: { symlink: '../../etc/passwd' },
          'big.md': big,
          'empty.txt': '',
        },
      },
    ],
  });
  const tree = await listTree(dir, 'HEAD');
  assert.deepEqual(tree.map((e) => e.path).sort(), ['README.md', 'bad.txt', 'big.md', 'bin.dat', 'empty.txt', 'link']);
  const files = await readBlobs(dir, tree, 1024 * 1024);
  assert.equal(files['README.md']?.text, '# Hello\n');
  assert.equal(files['bin.dat']?.binary, true);
  assert.equal(files['bin.dat']?.text, undefined);
  assert.equal(files['bad.txt']?.invalidUtf8, true);
  assert.equal(files['link']?.symlinkTarget, '../../etc/passwd');
  assert.equal(files['link']?.text, undefined);
  assert.equal(files['big.md']?.truncated, true);
  assert.equal(files['big.md']?.size, big.length);
  assert.equal(files['big.md']?.text?.length, 1024 * 1024);
  assert.equal(files['empty.txt']?.text, '');
  assert.equal(files['empty.txt']?.size, 0);
});

test('a tree listed by commit id is listed once: listing it again, or reading a path it lacks, runs no git', async () => {
  const dir = await buildRepo({ commits: [{ date: '2026-01-01T00:00:00Z', files: { 'README.md': 'a\n' } }] });
  const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir, encoding: 'utf8' }).trim();
  const first = await listTree(dir, commit);
  assert.equal((await readBlobAt(dir, commit, 'README.md'))?.text, 'a\n');
  first.pop(); // a caller's change to its array is its own
  // from here on git could answer nothing about this repository
  rmSync(join(dir, '.git', 'objects'), { recursive: true, force: true });
  assert.deepEqual(
    (await listTree(dir, commit)).map((e) => e.path),
    ['README.md'],
  );
  assert.equal(await readBlobAt(dir, commit, '.mailmap'), undefined);
  // by a name, not an id, the listing is git's every time
  await assert.rejects(listTree(dir, 'HEAD'));
  await assert.rejects(readBlobAt(dir, commit, 'README.md'));
});
