import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addItem, moveItem, readLandscape, restoreItem, retireItem } from '../../src/landscape/index.js';
import { InputError } from '../../src/util/errors.js';
import { changedLines } from './diff.js';
import { SAMPLE } from './sample.js';

test('retire adds `project: archived` where the file puts it (after logo), restore removes exactly that line', () => {
  const r = retireItem(SAMPLE, 'Kornia');
  assert.equal(r.changed, true);
  assert.equal(r.item.project, 'archived');
  assert.deepEqual(changedLines(SAMPLE, r.text), ['@@ -21,0 +22 @@', '+            project: archived']);
  const back = restoreItem(r.text, 'modeling--computer-vision--kornia');
  assert.equal(back.text, SAMPLE, 'retire then restore is byte-identical');
  assert.deepEqual(changedLines(SAMPLE, restoreItem(SAMPLE, 'Poutyne').text), ['@@ -62 +61,0 @@', '-            project: archived']);
});

test('no-op edits leave the text untouched and say why', () => {
  const a = retireItem(SAMPLE, 'Albumentations');
  assert.equal(a.changed, false);
  assert.equal(a.text, SAMPLE);
  assert.match(a.message, /already retired/);
  const b = restoreItem(SAMPLE, 'torchvision');
  assert.equal(b.changed, false);
  assert.match(b.message, /is not retired/);
});

test("retire with a day records it as extra.archived (landscape2's field), with the fewest lines", () => {
  const r = retireItem(SAMPLE, 'Kornia', { archivedOn: '2026-12-15' });
  assert.deepEqual(changedLines(SAMPLE, r.text), [
    '@@ -21,0 +22 @@',
    '+            project: archived',
    '@@ -23,0 +25,2 @@',
    '+            extra:',
    "+              archived: '2026-12-15'",
  ]);
  assert.deepEqual(r.item.extra, { archived: '2026-12-15' });
  assert.match(r.message, /project: archived, extra\.archived: 2026-12-15/);
  // an extra mapping already there: one line, after accepted, at its keys' column
  const withExtra = SAMPLE.replace(
    '            crunchbase: \n',
    "            crunchbase: \n            extra:\n              accepted: '2024-02-01'\n              annotations:\n                slug: kornia\n",
  );
  const k = retireItem(withExtra, 'Kornia', { archivedOn: '2026-12-15' });
  assert.deepEqual(
    changedLines(withExtra, k.text).filter((l) => l.startsWith('+')),
    ['+            project: archived', "+              archived: '2026-12-15'"],
  );
  assert.match(k.text, /accepted: '2024-02-01'\n {14}archived: '2026-12-15'\n {14}annotations:/);
  // a different day already written is replaced in place; the same day again changes nothing
  const redated = retireItem(k.text, 'Kornia', { archivedOn: '2026-12-20' });
  assert.deepEqual(changedLines(k.text, redated.text), [
    '@@ -27 +27 @@',
    "-              archived: '2026-12-15'",
    "+              archived: '2026-12-20'",
  ]);
  assert.equal(retireItem(redated.text, 'Kornia', { archivedOn: '2026-12-20' }).changed, false);
  // archived before, without its day: only the day is added
  const a = retireItem(SAMPLE, 'Albumentations', { archivedOn: '2026-01-31' });
  assert.deepEqual(
    changedLines(SAMPLE, a.text).filter((l) => l.startsWith('+')),
    ['+            extra:', "+              archived: '2026-01-31'"],
  );
  assert.match(a.message, /recorded the retirement day/);
  // what cannot be edited minimally is refused, and a day that is not one too
  assert.throws(
    () =>
      retireItem(
        SAMPLE.replace('            crunchbase: \n', '            crunchbase: \n            extra: {accepted: 2024-02-01}\n'),
        'Kornia',
        { archivedOn: '2026-12-15' },
      ),
    /not a block mapping; add archived to it by hand/,
  );
  assert.throws(() => retireItem(SAMPLE, 'Kornia', { archivedOn: '15/12/2026' }), /expected the retirement day as YYYY-MM-DD/);
});

test('retire replaces another maturity value in place', () => {
  const text = SAMPLE.replace(
    '            logo: kornia.svg\n',
    '            logo: kornia.svg\n            project: sandbox # since 2024\n',
  );
  assert.deepEqual(changedLines(text, retireItem(text, 'Kornia').text), [
    '@@ -22 +22 @@',
    '-            project: sandbox # since 2024',
    '+            project: archived # since 2024',
  ]);
});

test('items are found by id, by name, by name ignoring case; ambiguity and absence are input errors', () => {
  assert.equal(retireItem(SAMPLE, 'kornia').item.id, 'modeling--computer-vision--kornia');
  const twice = SAMPLE.replace('            name: fastai', '            name: Kornia');
  assert.throws(
    () => retireItem(twice, 'Kornia'),
    (e: Error) =>
      e instanceof InputError &&
      /names 2 items.*modeling--computer-vision--kornia \(line 18\), training--general--kornia \(line 49\)/.test(e.message),
  );
  assert.equal(retireItem(twice, 'training--general--kornia').item.line, 49);
  assert.throws(() => retireItem(SAMPLE, 'Nope'), /no item "Nope" in landscape.yml/);
});

test('the categories another tool owns are never edited', () => {
  assert.throws(() => retireItem(SAMPLE, 'PyTorch'), /PyTorch Projects is maintained by another tool/);
  assert.throws(() => restoreItem(SAMPLE, 'Example Corp (member)'), /PyTorch Members is maintained by another tool/);
  assert.throws(
    () => moveItem(SAMPLE, 'Kornia', { category: 'PyTorch Projects', subcategory: 'Foundation' }),
    /maintained by another tool/,
  );
  assert.throws(
    () =>
      addItem(SAMPLE, { name: 'N', category: 'PyTorch Members', subcategory: 'Platinum', homepage_url: 'https://n.org/', logo: 'n.svg' }),
    /maintained by another tool/,
  );
});

test('add inserts the entry in name order, in the file’s marker, indentation and key order', () => {
  const r = addItem(SAMPLE, {
    name: 'Lightly',
    category: 'Modeling',
    subcategory: 'Computer Vision',
    repo_url: 'https://github.com/lightly-ai/lightly',
    logo: 'lightly.svg',
    homepage_url: 'https://docs.lightly.ai/',
    description: 'Self-supervised learning: for vision',
  });
  assert.deepEqual(changedLines(SAMPLE, r.text), [
    '@@ -23,0 +24,6 @@',
    '+          - item:',
    '+            name: Lightly',
    "+            description: 'Self-supervised learning: for vision'",
    '+            homepage_url: https://docs.lightly.ai/',
    '+            logo: lightly.svg',
    '+            repo_url: https://github.com/lightly-ai/lightly',
  ]);
  assert.equal(r.item.line, 25);
  // before the comment that belongs to the next entry; after everything when it sorts last
  assert.deepEqual(
    changedLines(
      SAMPLE,
      addItem(SAMPLE, {
        name: 'Aardvark',
        category: 'Modeling',
        subcategory: 'Medical & Biology',
        homepage_url: 'https://a.org/',
        logo: 'a.svg',
      }).text,
    ),
    [
      '@@ -33,0 +34,4 @@',
      '+          - item:',
      '+            name: Aardvark',
      '+            homepage_url: https://a.org/',
      '+            logo: a.svg',
    ],
  );
  assert.deepEqual(
    changedLines(
      SAMPLE,
      addItem(SAMPLE, {
        name: 'Zoo',
        category: 'Modeling',
        subcategory: 'Medical & Biology',
        homepage_url: 'https://z.org/',
        logo: 'z.svg',
        description: 'one\ntwo',
      }).text,
    ),
    [
      '@@ -41,0 +42,7 @@',
      '+          - item:',
      '+            name: Zoo',
      '+            description: |-',
      '+              one',
      '+              two',
      '+            homepage_url: https://z.org/',
      '+            logo: z.svg',
    ],
  );
});

test('add refuses what the file must never receive', () => {
  const base = { name: 'New', category: 'Modeling', subcategory: 'Computer Vision', homepage_url: 'https://n.org/', logo: 'n.svg' };
  assert.throws(() => addItem(SAMPLE, { ...base, name: 'Kornia' }), /already has an item of that name \(line 18\)/);
  assert.throws(
    () => addItem(SAMPLE, { ...base, subcategory: 'Vision' }),
    /no subcategory "Vision" in Modeling; subcategories: Computer Vision, Medical & Biology/,
  );
  assert.throws(() => addItem(SAMPLE, { ...base, category: 'Inference' }), /no category "Inference"/);
  assert.throws(() => addItem(SAMPLE, { ...base, logo: 'n.png' }), /logo must be an SVG file name/);
  assert.throws(() => addItem(SAMPLE, { ...base, repo_url: 'https://github.com/org' }), /points at an organisation/);
  assert.throws(() => addItem(SAMPLE, { ...base, homepage_url: 'javascript:alert(1)' }), /invalid homepage url: invalid scheme javascript/);
  assert.throws(() => addItem('landscape: [', base), /YAML syntax.*fix the file before editing it/);
});

test('add follows landscape2’s `categories:` layout (no markers) and fills an empty list', () => {
  const text =
    'categories:\n  - name: Modeling\n    subcategories:\n      - name: Language\n        items:\n          - name: Transformers\n            homepage_url: https://hf.co/\n            logo: t.svg\n      - name: Audio\n        items:\n';
  const r = addItem(text, {
    name: 'Whisper',
    category: 'Modeling',
    subcategory: 'Language',
    homepage_url: 'https://w.org/',
    logo: 'w.svg',
  });
  assert.deepEqual(changedLines(text, r.text), [
    '@@ -8,0 +9,3 @@',
    '+          - name: Whisper',
    '+            homepage_url: https://w.org/',
    '+            logo: w.svg',
  ]);
  const e = addItem(text, { name: 'Encodec', category: 'Modeling', subcategory: 'Audio', homepage_url: 'https://e.org/', logo: 'e.svg' });
  assert.deepEqual(changedLines(text, e.text), [
    '@@ -10,0 +11,3 @@',
    '+          - name: Encodec',
    '+            homepage_url: https://e.org/',
    '+            logo: e.svg',
  ]);
  assert.deepEqual(readLandscape(e.text).problems, []);
});

test('restore pulls the next key up when `project` shares the `- ` line', () => {
  const text =
    'categories:\n  - name: C\n    subcategories:\n      - name: S\n        items:\n          - project: archived\n            name: X\n            homepage_url: https://x.org/\n            logo: x.svg\n';
  const r = restoreItem(text, 'X');
  assert.equal(r.text, text.replace('- project: archived\n            name: X', '- name: X'));
});

test('move removes the lines in one place and inserts them in the other', () => {
  const r = moveItem(SAMPLE, 'Kornia', { category: 'Training', subcategory: 'General' });
  assert.equal(r.item.id, 'training--general--kornia');
  assert.deepEqual(changedLines(SAMPLE, r.text), [
    '@@ -17,7 +16,0 @@',
    '-          - item:',
    '-            name: Kornia',
    '-            description: Differentiable computer vision.',
    '-            homepage_url: https://kornia.github.io/',
    '-            logo: kornia.svg',
    '-            repo_url: https://github.com/kornia/kornia   ',
    '-            crunchbase: ',
    '@@ -57,0 +51,7 @@',
    '+          - item:',
    '+            name: Kornia',
    '+            description: Differentiable computer vision.',
    '+            homepage_url: https://kornia.github.io/',
    '+            logo: kornia.svg',
    '+            repo_url: https://github.com/kornia/kornia   ',
    '+            crunchbase: ',
  ]);
  assert.throws(
    () => moveItem(SAMPLE, 'MONAI', { category: 'Training', subcategory: 'General' }),
    /only item of Modeling \/ Medical & Biology/,
  );
  assert.equal(moveItem(SAMPLE, 'Kornia', { category: 'Modeling', subcategory: 'Computer Vision' }).changed, false);
});

test('a file without a final newline gets one only where an entry is appended', () => {
  const text = SAMPLE.replace(/\n$/, '');
  const r = retireItem(text, 'torchvision');
  assert.deepEqual(changedLines(text, r.text), ['@@ -28,0 +29 @@', '+            project: archived']);
  const a = addItem(
    'landscape:\n  - category:\n    name: A\n    subcategories:\n      - subcategory:\n        name: S\n        items:\n          - item:\n            name: X\n            homepage_url: https://x.org/\n            logo: x.svg',
    { name: 'Yak', category: 'A', subcategory: 'S', homepage_url: 'https://y.org/', logo: 'y.svg' },
  );
  assert.ok(
    a.text.endsWith(
      '            logo: x.svg\n          - item:\n            name: Yak\n            homepage_url: https://y.org/\n            logo: y.svg\n',
    ),
  );
});

test('add refuses a project the landscape already lists elsewhere (same name in any case, or same repo_url), unless allowed', () => {
  const base = { category: 'Modeling', subcategory: 'Medical & Biology', homepage_url: 'https://k.org/', logo: 'k.svg' };
  assert.throws(
    () => addItem(SAMPLE, { ...base, name: 'KORNIA' }),
    (e: unknown) =>
      e instanceof InputError &&
      /already has it as modeling--computer-vision--kornia \(line 18, same name\); move that item instead, or pass --allow-duplicate/.test(
        e.message,
      ),
  );
  // The repository spelled with another case, a trailing slash and .git is the same repository.
  assert.throws(
    () => addItem(SAMPLE, { ...base, name: 'Other', repo_url: 'https://github.com/Kornia/kornia.git/' }),
    /modeling--computer-vision--kornia \(line 18, same repo_url\)/,
  );
  // A different repository and name is not a duplicate; allowDuplicate lets a deliberate second listing through.
  assert.equal(addItem(SAMPLE, { ...base, name: 'Kornia2', repo_url: 'https://github.com/kornia/kornia2' }).changed, true);
  assert.equal(addItem(SAMPLE, { ...base, name: 'Kornia' }, { allowDuplicate: true }).item.id, 'modeling--medical-biology--kornia');
});

test('a CRLF landscape keeps CRLF in the lines an edit writes; a file with mixed endings is left to its own', () => {
  const crlf = SAMPLE.replace(/\n/g, '\r\n');
  const lf = (t: string) => t.replace(/\r\n/g, '\n');
  const retired = retireItem(crlf, 'Kornia');
  assert.doesNotMatch(retired.text, /(?:^|[^\r])\n/, 'every line still ends in CRLF');
  assert.equal(lf(retired.text), retireItem(SAMPLE, 'Kornia').text, 'the same edit as on the LF file');
  assert.equal(restoreItem(retired.text, 'Kornia').text, crlf, 'retire then restore is byte-identical');
  const added = addItem(crlf, {
    name: 'Lightly',
    category: 'Modeling',
    subcategory: 'Computer Vision',
    homepage_url: 'https://l.org/',
    logo: 'l.svg',
  });
  assert.doesNotMatch(added.text, /(?:^|[^\r])\n/);
  const moved = moveItem(crlf, 'Kornia', { category: 'Modeling', subcategory: 'Medical & Biology' });
  assert.doesNotMatch(moved.text, /(?:^|[^\r])\n/);
  assert.equal(lf(moved.text), moveItem(SAMPLE, 'Kornia', { category: 'Modeling', subcategory: 'Medical & Biology' }).text);
  // Only the first line in CRLF: the other lines keep LF, and that one keeps its CR.
  const mixed = SAMPLE.replace('\n', '\r\n');
  const r = retireItem(mixed, 'Kornia');
  assert.equal(r.text.split('\r\n').length, 2);
});

test('an item id that is stale (the item moved) or a name given as its slug is answered with the item it could mean', () => {
  assert.throws(
    () => retireItem(SAMPLE, 'modeling--medical-biology--kornia'),
    /no item "modeling--medical-biology--kornia" in landscape\.yml: expected an item id \(category--subcategory--name\) or an item name; did you mean modeling--computer-vision--kornia \(line 18\)\?$/,
  );
  const named = SAMPLE.replace('            name: MONAI', '            name: Torch Geo');
  assert.throws(() => retireItem(named, 'torch-geo'), /did you mean modeling--medical-biology--torch-geo \(line \d+\)\?$/);
  // Nothing alike: no suggestion.
  assert.throws(() => retireItem(SAMPLE, 'Nope'), /or an item name$/);
});

test('add and move refuse a name that differs only in case or punctuation from one already there: landscape2 would give both the same id', () => {
  const base = { category: 'Modeling', subcategory: 'Computer Vision', homepage_url: 'https://k.org/', logo: 'k.svg' };
  assert.throws(
    () => addItem(SAMPLE, { ...base, name: 'Kornia!' }),
    /cannot add "Kornia!": Modeling \/ Computer Vision already has "Kornia", which has the same id modeling--computer-vision--kornia \(line 18\)/,
  );
  assert.throws(() => addItem(SAMPLE, { ...base, name: 'kornia' }), /already has "Kornia", which has the same id/);
  assert.throws(() => addItem(SAMPLE, { ...base, name: 'Kornia' }), /already has an item of that name \(line 18\)/);
  // Elsewhere in the landscape, the same id-name counts as the same project too.
  assert.throws(
    () => addItem(SAMPLE, { ...base, subcategory: 'Medical & Biology', name: 'Kornia?' }),
    /already has it as modeling--computer-vision--kornia \(line 18, same name\)/,
  );
  const named = SAMPLE.replace('            name: MONAI', '            name: kornia.');
  assert.throws(
    () => moveItem(named, 'Kornia', { category: 'Modeling', subcategory: 'Medical & Biology' }),
    /already has an item named "kornia\." \(line \d+\), with the same id/,
  );
  // A genuinely different name is fine.
  assert.equal(addItem(SAMPLE, { ...base, name: 'Kornia Rs' }).item.id, 'modeling--computer-vision--kornia-rs');
});

test('restore removes the retirement day with `project: archived`: the whole extra when it held only that, else its one line', () => {
  const r = retireItem(SAMPLE, 'Kornia', { archivedOn: '2026-12-15' });
  const back = restoreItem(r.text, 'Kornia');
  assert.equal(back.text, SAMPLE, 'retire with a day, then restore, is byte-identical');
  assert.equal(back.item.extra, undefined);
  assert.match(back.message, /restored .*kornia \(extra\.archived: 2026-12-15 removed\)/);
  // other extra keys stay, in place
  const withExtra = SAMPLE.replace(
    '            crunchbase: \n',
    "            crunchbase: \n            extra:\n              accepted: '2024-02-01'\n              annotations:\n                slug: kornia\n",
  );
  const k = retireItem(withExtra, 'Kornia', { archivedOn: '2026-12-15' });
  const kBack = restoreItem(k.text, 'Kornia');
  assert.equal(kBack.text, withExtra);
  assert.deepEqual(kBack.item.extra, { accepted: '2024-02-01', annotations: { slug: 'kornia' } });
  // a day written in a form that cannot be removed minimally is refused, the file untouched
  const flow = r.text.replace(
    "            extra:\n              archived: '2026-12-15'\n",
    "            extra: {archived: '2026-12-15'}\n",
  );
  assert.notEqual(flow, r.text);
  assert.throws(() => restoreItem(flow, 'Kornia'), /not a block mapping; remove archived from it by hand/);
});
