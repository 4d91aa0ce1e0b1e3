// Door: a landscape.yml in an encoding other than UTF-8. An edit either keeps every byte it did
// not change or refuses with exit 2 and writes nothing; it never rewrites a Latin-1 byte as U+FFFD.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanupTemp, tempDir } from '../support/repo.js';
import { runCli } from '../support/cli.js';
import { SAMPLE } from '../landscape/sample.js';

after(cleanupTemp);

function latin1Landscape(): { file: string; bytes: Buffer } {
  const dir = tempDir('steward-latin1-');
  const file = join(dir, 'landscape.yml');
  const text = SAMPLE.replace('Differentiable computer vision.', 'Differentiable computer vision from Zürich.');
  assert.notEqual(text, SAMPLE);
  const bytes = Buffer.from(text, 'latin1');
  assert.ok(bytes.includes(0xfc));
  writeFileSync(file, bytes);
  return { file, bytes };
}

for (const args of [
  (f: string) => ['landscape', 'retire', f, 'torchvision'],
  (f: string) => ['landscape', 'move', f, 'torchvision', '--to', 'Modeling / Medical & Biology'],
]) {
  test(`a Latin-1 landscape.yml: ${args('FILE').slice(0, 2).join(' ')} refuses with exit 2 and leaves every byte`, async () => {
    const { file, bytes } = latin1Landscape();
    const r = await runCli(args(file));
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /not valid UTF-8.*byte \d+/);
    assert.ok(readFileSync(file).equals(bytes), 'the file was rewritten');
  });
}

test('a UTF-16 landscape.yml (NUL bytes) is refused too, and a UTF-8 one with CRLF and a BOM keeps every untouched byte', async () => {
  const dir = tempDir('steward-utf16-');
  const utf16 = join(dir, 'landscape.yml');
  const wide = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')]);
  writeFileSync(utf16, wide);
  const r = await runCli(['landscape', 'retire', utf16, 'torchvision']);
  assert.equal(r.code, 2, r.stderr);
  assert.ok(readFileSync(utf16).equals(wide));

  const crlf = join(dir, 'crlf.yml');
  const before = Buffer.from(
    '\uFEFF' + SAMPLE.replace('Differentiable computer vision.', 'Vision différentiable.').replace(/\n/g, '\r\n'),
    'utf8',
  );
  writeFileSync(crlf, before);
  const ok = await runCli(['landscape', 'retire', crlf, 'torchvision']);
  assert.equal(ok.code, 0, ok.stderr);
  const after = readFileSync(crlf);
  // the only change is the one line the edit adds: everything before and after it is the same bytes
  let head = 0;
  while (head < before.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  assert.equal(head + tail, before.length, 'bytes were changed outside the edit');
  assert.match(after.subarray(head, after.length - tail).toString('utf8'), /project: archived/);
});
