import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse } from 'yaml';
import {
  exportLandscape,
  exportProjectsJson,
  filterItems,
  findArchivedRepos,
  groupItems,
  readLandscape,
  validateLandscapeOnline,
} from '../../src/landscape/index.js';
import { renderField } from '../../src/landscape/emit.js';
import { SAMPLE } from './sample.js';

const items = () => readLandscape(SAMPLE).items;

test('projects JSON is landscape2’s api/projects/all.json shape: items with a maturity, sorted by name, optional keys only when set', () => {
  const out = exportProjectsJson(items(), { landscapeUrl: 'https://landscape.pytorch.org/' });
  assert.deepEqual(
    out.map((o) => o['name']),
    ['Albumentations', 'Poutyne', 'PyTorch'],
  );
  assert.deepEqual(out[2], {
    category: 'PyTorch Projects',
    homepage_url: 'https://pytorch.org/',
    id: 'pytorch-projects--foundation--pytorch',
    logo_url: 'https://landscape.pytorch.org/logos/pytorch.svg',
    name: 'PyTorch',
    subcategory: 'Foundation',
    accepted_at: '2022-09-07',
    additional_categories: [{ category: 'Training', subcategory: 'General' }],
    annotations: { slug: 'ptproject' },
    crunchbase_url: 'https://www.crunchbase.com/organization/pytorch',
    description: 'An open source machine learning framework.',
    maturity: 'foundation',
    repositories: [{ url: 'https://github.com/pytorch/pytorch', primary: true }],
  });
  assert.deepEqual(Object.keys(out[0]!), [
    'category',
    'homepage_url',
    'id',
    'logo_url',
    'name',
    'subcategory',
    'crunchbase_url',
    'description',
    'maturity',
    'repositories',
  ]);
  const all = exportProjectsJson(items(), { select: 'all' });
  assert.equal(all.length, 8);
  assert.deepEqual(all.find((o) => o['name'] === 'Example Corp (member)')?.['twitter_url'], 'https://x.com/example');
  assert.equal(all.find((o) => o['name'] === 'Kornia')?.['crunchbase_url'], undefined, 'an empty crunchbase is left out');
});

test('exportLandscape writes the legacy layout that reads back to the same items', () => {
  const before = items();
  const text = exportLandscape(before);
  const after = readLandscape(text);
  assert.deepEqual(after.problems, []);
  const strip = (xs: typeof before) => xs.map(({ line: _line, ...rest }) => rest);
  assert.deepEqual(strip(after.items), strip(before));
  assert.equal(exportLandscape(after.items), text, 'export is stable');
  assert.ok(
    text.startsWith(
      'landscape:\n  - category:\n    name: Modeling\n    subcategories:\n      - subcategory:\n        name: Computer Vision\n        items:\n          - item:\n            name: Albumentations\n',
    ),
  );
  assert.equal(exportLandscape([]), 'landscape:\n');
});

test('property: any text value written by renderField reads back identically under YAML 1.2 and 1.1', () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.string(),
        fc.constantFrom(
          'yes',
          'No',
          'on',
          '2024-01-01',
          '1e3',
          '0x1f',
          '~',
          'null',
          '- a',
          'a: b',
          'a #b',
          "it's",
          ' lead',
          'trail ',
          '#x',
          '@x',
          'line\nline',
          '\n',
          '',
        ),
      ),
      (v) => {
        const text = renderField('description', v, 4);
        assert.ok(text.startsWith('    description:'));
        assert.deepEqual(parse(text), { description: v }, text);
        assert.deepEqual(parse(text, { version: '1.1' }), { description: v }, `1.1: ${text}`);
      },
    ),
    { numRuns: 400, seed: 7 },
  );
});

test('views: retired items hidden by default, filters by category, subcategory, text; grouped in file order', () => {
  const all = items();
  assert.deepEqual(
    filterItems(all).map((i) => i.name),
    ['Kornia', 'torchvision', 'MONAI', 'fastai', 'PyTorch', 'Example Corp (member)'],
  );
  assert.deepEqual(
    filterItems(all, { includeRetired: true, category: 'training' }).map((i) => i.name),
    ['fastai', 'Poutyne'],
  );
  assert.deepEqual(
    filterItems(all, { ecosystemOnly: true }).map((i) => i.name),
    ['Kornia', 'torchvision', 'MONAI', 'fastai'],
  );
  assert.deepEqual(
    filterItems(all, { search: 'VISION' }).map((i) => i.name),
    ['Kornia', 'torchvision'],
  );
  assert.deepEqual(
    filterItems(all, { subcategory: 'Medical & Biology' }).map((i) => i.id),
    ['modeling--medical-biology--monai'],
  );
  assert.deepEqual(
    groupItems(filterItems(all, { ecosystemOnly: true })).map((g) => [g.category, g.subcategories.map((s) => [s.name, s.items.length])]),
    [
      [
        'Modeling',
        [
          ['Computer Vision', 2],
          ['Medical & Biology', 1],
        ],
      ],
      ['Training', [['General', 1]]],
    ],
  );
});

test('archived-repository hook: active items with an archived GitHub repo are errors; retired ones are not asked about', async () => {
  const asked: string[] = [];
  const r = await findArchivedRepos(items(), async (url) => {
    asked.push(url);
    if (url.endsWith('/fastai')) throw new Error('HTTP 502');
    return url === 'https://github.com/kornia/kornia' || url === 'https://github.com/pytorch/pytorch'
      ? true
      : url.endsWith('/vision')
        ? false
        : null;
  });
  assert.deepEqual(asked.sort(), [
    'https://github.com/Project-MONAI/MONAI',
    'https://github.com/fastai/fastai',
    'https://github.com/kornia/kornia',
    'https://github.com/pytorch/pytorch',
    'https://github.com/pytorch/vision',
  ]);
  assert.deepEqual(
    r.errors.map((p) => [p.line, p.item, p.message]),
    [
      [
        18,
        'modeling--computer-vision--kornia',
        'repository https://github.com/kornia/kornia is archived on GitHub but the item is not retired (project: archived)',
      ],
    ],
  );
  assert.deepEqual(
    r.warnings.map((p) => [p.item, p.message]),
    [
      ['training--general--fastai', 'could not ask whether https://github.com/fastai/fastai is archived: HTTP 502'],
      [
        'pytorch-projects--foundation--pytorch',
        'repository https://github.com/pytorch/pytorch is archived on GitHub but the item is not retired (project: archived)',
      ],
    ],
  );
  assert.equal(r.checked, 4);
});

test('validateLandscapeOnline merges the archived check into the validation result', async () => {
  const r = await validateLandscapeOnline(SAMPLE, { logosDir: null, isArchived: async (url) => url.endsWith('/vision') });
  assert.deepEqual(
    r.errors.map((p) => [p.line, p.item]),
    [[25, 'modeling--computer-vision--torchvision']],
  );
  assert.equal(r.items, 8);
});

test('the published JSON read back (fromApiItem) gives entries that publish the same JSON: logo, repo_url, maturity, extra and the rest survive', async () => {
  const { fromApiItem, isApiItem } = await import('../../src/landscape/from-api.js');
  const rich = SAMPLE.replace(
    '            logo: kornia.svg\n',
    '            logo: kornia.svg\n            twitter: https://twitter.com/kornia\n            second_path:\n              - Training / General\n            additional_repos:\n              - repo_url: https://github.com/kornia/tutorials\n                branch: main\n            extra:\n              accepted: "2024-01-02"\n              linkedin_url: https://www.linkedin.com/company/kornia\n',
  );
  const json = exportProjectsJson(readLandscape(rich).items, { select: 'all', landscapeUrl: 'https://l.example' });
  assert.ok(json.every((o) => isApiItem(o)));
  const back = exportLandscape(json.map((o) => fromApiItem(o)) as unknown as Parameters<typeof exportLandscape>[0]);
  const again = exportProjectsJson(readLandscape(back).items, { select: 'all', landscapeUrl: 'https://l.example' });
  assert.deepEqual(again, json);
  assert.match(back, /^ {12}logo: kornia\.svg$/m);
  assert.match(back, /^ {12}repo_url: https:\/\/github\.com\/kornia\/kornia$/m);
  // An item already in landscape.yml keys is not an API item and is left to the caller as it is.
  assert.equal(isApiItem({ name: 'X', logo: 'x.svg', category: 'C', subcategory: 'S' }), false);
  assert.deepEqual(fromApiItem({ name: 'X', logo_url: 'https://l/logos/x.svg', maturity: 'sandbox', id: 'c--s--x', custom: 1 }), {
    name: 'X',
    logo: 'x.svg',
    project: 'sandbox',
    custom: 1,
  });
});
