import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readIni, readSetupCfg } from '../../../src/evidence/python/setup-cfg.js';
import { readSetupPy, setupArguments, tokenize } from '../../../src/evidence/python/setup-py.js';

test('setup.cfg: dangling lists, comments, `:` separators, extras, blank lines inside a value', () => {
  const text = [
    '[metadata]',
    'name: cfg-project',
    'license = Apache-2.0',
    'project_urls =',
    '    Documentation = https://cfg.example.org/docs',
    'classifiers =',
    '    Operating System :: Microsoft :: Windows',
    '',
    '    Operating System :: MacOS',
    '[options]',
    'install_requires =',
    '    numpy>=1.20  # numeric',
    '    # torch==0.4 (commented out)',
    '    torch>=1.13,!=2.0.0 ; platform_system != "Darwin"',
    'setup_requires = torch',
    '[options.extras_require]',
    'dev =',
    '    pytest',
    '    pytorch ==2.11.*',
  ].join('\n');
  const f = readSetupCfg('setup.cfg', text, []);
  assert.deepEqual(f.name, { name: 'cfg-project', line: 2 });
  assert.deepEqual(f.classifiers, ['Operating System :: Microsoft :: Windows', 'Operating System :: MacOS']);
  assert.equal(f.urls.Documentation, 'https://cfg.example.org/docs');
  assert.deepEqual(
    f.torch.map((d) => [d.scope, d.specifier, d.line, d.optional, d.marker]),
    [
      ['install_requires', '>=1.13,!=2.0.0', 14, false, 'platform_system != "Darwin"'],
      ['setup_requires', '', 15, false, undefined],
      ['extras_require:dev', '==2.11.*', 19, true, undefined],
    ],
  );
});

test('the INI reader survives keys without sections, duplicate sections and a hostile line of spaces', () => {
  const long = 'a' + ' '.repeat(200_000) + 'b';
  const start = Date.now();
  const ini = readIni(`orphan = 1\n[s]\nk = 1\n${long}\n[s]\nj = 2\n`);
  assert.ok(Date.now() - start < 500, 'linear on long lines');
  assert.equal(ini.get('s')?.get('k')?.lines[0]?.text, '1');
  assert.equal(ini.get('s')?.get('j')?.lines[0]?.text, '2');
});

test('setup.py: literal lists, a list bound to a name, + concatenation, dict extras, nothing executed', () => {
  const text = [
    'import os',
    'from setuptools import setup',
    '# install_requires=["torch==0.1"]  (a comment, not an argument)',
    'BASE = [',
    '    "numpy",',
    "    'torch>=2.0',",
    ']',
    'EXTRA = {"vision": ["torchvision"], \'old\': ["torch<2.0"]}',
    'setup(',
    '    name="py-project",',
    '    install_requires=BASE + ["tqdm"],',
    '    extras_require=EXTRA,',
    '    tests_require=[r"torch==2.11.*"],',
    '    classifiers=["Operating System :: OS Independent"],',
    '    license="MIT",',
    '    version=open("VERSION").read(),',
    ')',
  ].join('\n');
  const f = readSetupPy('setup.py', text, []);
  assert.deepEqual(f.name, { name: 'py-project', line: 10 });
  assert.deepEqual(f.classifiers, ['Operating System :: OS Independent']);
  assert.deepEqual(
    f.torch.map((d) => [d.scope, d.specifier, d.line, d.optional]),
    [
      ['install_requires', '>=2.0', 6, false],
      ['tests_require', '==2.11.*', 13, true],
      ['extras_require:old', '<2.0', 8, true],
    ],
  );
});

test('setup.py: requirements read from a file or built by code are not guessed', () => {
  const text =
    'with open("requirements.txt") as f:\n    reqs = f.read().splitlines()\nsetup(name="x", install_requires=reqs, extras_require={k: v for k, v in E.items()})\n';
  const f = readSetupPy('setup.py', text, []);
  assert.deepEqual(f.torch, []);
  assert.equal(f.name?.name, 'x');
});

test('setup.py tokenizer: triple-quoted, prefixed and unterminated strings; line continuations', () => {
  const toks = tokenize('a = """x\ny"""\nb = rb\'\\d\' \\\n  + f"z"\nc = "unterminated\nd = 1\n');
  const strs = toks.filter((t) => t.t === 'str').map((t) => [t.v, t.line]);
  assert.deepEqual(strs, [
    ['x\ny', 1],
    ['\\d', 3],
    ['z', 4],
    ['unterminated', 5],
  ]);
  assert.ok(toks.some((t) => t.t === 'name' && t.v === 'd' && t.line === 6));
});

test('setup.py hostile: 1 MB of nesting, a huge list named many times, self-reference; bounded time', () => {
  const deep = 'install_requires = ' + '['.repeat(500_000) + ']'.repeat(500_000) + '\n';
  let start = Date.now();
  assert.deepEqual(readSetupPy('setup.py', deep, []).torch, []);
  assert.ok(Date.now() - start < 3000, `deep nesting took ${Date.now() - start} ms`);

  const big =
    'R = [' +
    Array.from({ length: 60_000 }, (_, i) => `"pkg${i}"`).join(',') +
    ', "torch>=2.1"]\n' +
    'setup(install_requires=R, extras_require={' +
    Array.from({ length: 2_000 }, (_, i) => `"e${i}": R`).join(',') +
    '})\n';
  assert.ok(big.length > 500_000);
  start = Date.now();
  const f = readSetupPy('setup.py', big, []);
  assert.ok(Date.now() - start < 3000, `a big file took ${Date.now() - start} ms`);
  assert.equal(f.torch.filter((d) => d.scope === 'install_requires').length, 1);

  const loop = 'A = B\nB = A + ["torch"]\nsetup(install_requires=A)\n';
  assert.doesNotThrow(() => setupArguments(loop));
});
