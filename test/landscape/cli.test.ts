import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';
import { SAMPLE, writeSampleLogos } from './sample.js';

const dir = mkdtempSync(join(tmpdir(), 'steward-landscape-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'landscape.yml');
writeFileSync(file, SAMPLE);
writeSampleLogos(join(dir, 'hosted_logos'));

test('validate: exit 0 and the JSON contract for a clean file; exit 1 with line-numbered errors', async () => {
  const ok = await runCli(['landscape', 'validate', file, '--format', 'json']);
  assert.equal(ok.code, 0, ok.stderr);
  assert.deepEqual(JSON.parse(ok.stdout), { file, items: 8, errors: [], warnings: [] });
  const bad = join(dir, 'bad.yml');
  writeFileSync(bad, SAMPLE.replace('            homepage_url: https://poutyne.org/\n', ''));
  const r = await runCli(['landscape', 'validate', bad, '--logos', join(dir, 'hosted_logos')]);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, `${bad}:59: error: [training--general--poutyne] homepage url is required\n8 items, 1 errors, 0 warnings\n`);
  const missing = await runCli(['landscape', 'validate', join(dir, 'none.yml')]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /cannot read .*none\.yml: no such file \(ENOENT\)\n$/);
  const folder = await runCli(['landscape', 'validate', dir]);
  assert.equal(folder.code, 2);
  assert.match(folder.stderr, /cannot read .*: it is a directory, expected a file \(EISDIR\)\n$/);
});

test('retire --output writes the minimal edit elsewhere; in place by default; protected categories exit 2', async () => {
  const out = join(dir, 'out.yml');
  const r = await runCli(['landscape', 'retire', file, 'Kornia', '--output', out]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, 'retired modeling--computer-vision--kornia (project: archived)\n');
  assert.equal(
    readFileSync(out, 'utf8'),
    SAMPLE.replace('            logo: kornia.svg\n', '            logo: kornia.svg\n            project: archived\n'),
  );
  assert.equal(readFileSync(file, 'utf8'), SAMPLE, 'the input is untouched with --output');
  const copy = join(dir, 'copy.yml');
  writeFileSync(copy, readFileSync(out));
  const back = await runCli(['landscape', 'restore', copy, 'modeling--computer-vision--kornia']);
  assert.equal(back.code, 0, back.stderr);
  assert.equal(readFileSync(copy, 'utf8'), SAMPLE);
  const prot = await runCli(['landscape', 'retire', file, 'PyTorch']);
  assert.equal(prot.code, 2);
  assert.equal(prot.stderr, 'steward: category PyTorch Projects is maintained by another tool and is never edited by steward\n');
  const dated = await runCli(['landscape', 'retire', file, 'Kornia', '--on', '2026-12-15', '--output', out]);
  assert.equal(dated.stderr, 'retired modeling--computer-vision--kornia (project: archived, extra.archived: 2026-12-15)\n');
  assert.match(readFileSync(out, 'utf8'), /project: archived\n(.*\n){2}            extra:\n              archived: '2026-12-15'\n/);
});

test('add from an application JSON, move, list and show', async () => {
  const app = join(dir, 'app.json');
  writeFileSync(
    app,
    JSON.stringify({
      name: 'TorchGeo',
      description: 'Geospatial data for PyTorch',
      homepage_url: 'https://torchgeo.org/',
      repo_url: 'https://github.com/torchgeo/torchgeo',
      logo: 'torchgeo.svg',
      category: 'Modeling',
      subcategory: 'Computer Vision',
    }),
  );
  const work = join(dir, 'work.yml');
  writeFileSync(work, SAMPLE);
  const a = await runCli(['landscape', 'add', work, '--from', app]);
  assert.equal(a.code, 0, a.stderr);
  assert.equal(a.stderr, 'added modeling--computer-vision--torchgeo\n');
  const m = await runCli(['landscape', 'move', work, 'TorchGeo', '--to', 'Modeling / Medical & Biology']);
  assert.equal(m.code, 0, m.stderr);
  const list = await runCli(['landscape', 'list', work, '--category', 'Modeling', '--format', 'json']);
  assert.deepEqual(
    JSON.parse(list.stdout).map((g: { subcategories: { name: string; items: { name: string }[] }[] }) =>
      g.subcategories.map((s) => [s.name, s.items.map((i) => i.name)]),
    ),
    [
      [
        ['Computer Vision', ['Kornia', 'torchvision']],
        ['Medical & Biology', ['MONAI', 'TorchGeo']],
      ],
    ],
  );
  const show = await runCli(['landscape', 'show', work, 'modeling--medical-biology--torchgeo', '--format', 'json']);
  assert.equal(JSON.parse(show.stdout).repo_url, 'https://github.com/torchgeo/torchgeo');
});

test('export: projects JSON from a landscape.yml; landscape.yml from a JSON list of items', async () => {
  const j = await runCli(['landscape', 'export', file, '--landscape-url', 'https://l.example']);
  assert.equal(j.code, 0, j.stderr);
  assert.deepEqual(
    JSON.parse(j.stdout).map((o: { id: string; logo_url: string }) => [o.id, o.logo_url]),
    [
      ['modeling--computer-vision--albumentations', 'https://l.example/logos/albumentations.svg'],
      ['training--general--poutyne', 'https://l.example/logos/poutyne.svg'],
      ['pytorch-projects--foundation--pytorch', 'https://l.example/logos/pytorch.svg'],
    ],
  );
  const itemsFile = join(dir, 'items.json');
  writeFileSync(
    itemsFile,
    JSON.stringify([
      {
        id: 'x',
        name: 'Opacus',
        category: 'Training',
        subcategory: 'Privacy',
        homepage_url: 'https://opacus.ai/',
        logo: 'opacus.svg',
        repo_url: 'https://github.com/pytorch/opacus',
        line: 0,
      },
    ]),
  );
  const y = await runCli(['landscape', 'export', itemsFile, '--format', 'yaml']);
  assert.equal(y.code, 0, y.stderr);
  assert.equal(
    y.stdout,
    'landscape:\n  - category:\n    name: Training\n    subcategories:\n      - subcategory:\n        name: Privacy\n        items:\n          - item:\n            name: Opacus\n            homepage_url: https://opacus.ai/\n            logo: opacus.svg\n            repo_url: https://github.com/pytorch/opacus\n',
  );
  writeFileSync(itemsFile, '[{"name": 3}]');
  const bad = await runCli(['landscape', 'export', itemsFile, '--format', 'yaml']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /item \[0\] needs a text name/);
});

test('add --from refuses a misspelt or mistyped key instead of dropping that field, and leaves the file alone', async () => {
  const work = join(dir, 'keys.yml');
  writeFileSync(work, SAMPLE);
  const item = {
    name: 'TorchGeo',
    homepage_url: 'https://torchgeo.org/',
    logo: 'torchgeo.svg',
    category: 'Modeling',
    subcategory: 'Computer Vision',
  };
  const misspelt = join(dir, 'misspelt.json');
  writeFileSync(misspelt, JSON.stringify({ ...item, repo: 'https://github.com/torchgeo/torchgeo' }));
  const a = await runCli(['landscape', 'add', work, '--from', misspelt]);
  assert.equal(a.code, 2);
  assert.equal(
    a.stderr,
    `steward: ${misspelt}: unknown key "repo": expected only name, description, homepage_url, repo_url, logo, category, subcategory\n`,
  );
  const typed = join(dir, 'typed.json');
  writeFileSync(typed, JSON.stringify({ ...item, description: ['a', 'b'] }));
  const b = await runCli(['landscape', 'add', work, '--from', typed]);
  assert.equal(b.code, 2);
  assert.match(b.stderr, /typed\.json: description: expected a string, found a list/);
  assert.equal(readFileSync(work, 'utf8'), SAMPLE);
});

test('validate --logos naming a folder that is not there is an input error (exit 2), not a pass with a warning', async () => {
  const r = await runCli(['landscape', 'validate', file, '--logos', join(dir, 'no-such-logos')]);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, `steward: --logos ${join(dir, 'no-such-logos')}: expected the folder holding the logo files, found nothing\n`);
  const f = await runCli(['landscape', 'validate', file, '--logos', file]);
  assert.equal(f.code, 2);
  assert.match(f.stderr, /found a file\n$/);
  // Without --logos, a missing default folder stays a warning; --no-logo-files skips the folder entirely.
  const skip = await runCli(['landscape', 'validate', file, '--logos', join(dir, 'no-such-logos'), '--no-logo-files']);
  assert.equal(skip.code, 0, skip.stderr);
  assert.equal((await runCli(['landscape', 'validate', file, '--logos', join(dir, 'hosted_logos')])).code, 0);
});

test('move --to accepts "Category/Subcategory" typed without spaces; " / " still splits names that hold a slash', async () => {
  const work = join(dir, 'tight.yml');
  writeFileSync(work, SAMPLE);
  const m = await runCli(['landscape', 'move', work, 'Kornia', '--to', 'Modeling/Medical & Biology']);
  assert.equal(m.code, 0, m.stderr);
  assert.equal(m.stderr, 'moved modeling--computer-vision--kornia to modeling--medical-biology--kornia\n');
  const slash = await runCli(['landscape', 'move', work, 'Kornia', '--to', 'CI/CD / Tools']);
  assert.equal(slash.code, 2);
  assert.match(slash.stderr, /no category "CI\/CD"/);
  const bad = await runCli(['landscape', 'move', work, 'Kornia', '--to', 'a/b/c']);
  assert.equal(bad.code, 2);
  assert.equal(bad.stderr, 'steward: expected "Category / Subcategory", found "a/b/c"\n');
});

test('add --help is enough to add an item: every flag says what it takes, and its JSON example works as printed', async () => {
  const help = await runCli(['landscape', 'add', '--help']);
  assert.equal(help.code, 0);
  for (const flag of ['--name', '--homepage-url', '--logo', '--category', '--subcategory'])
    assert.match(help.stdout, new RegExp(`${flag} <\\w+> +\\S.*\\(required\\)`), flag);
  const json = /item\.json: (\{[^}]*\})/.exec(help.stdout)?.[1];
  assert.ok(json, 'the help shows an item.json');
  const item = join(dir, 'help-item.json');
  writeFileSync(item, json.replace(/\n\s*/g, ' '));
  const work = join(dir, 'help.yml');
  writeFileSync(work, SAMPLE);
  const r = await runCli(['landscape', 'add', work, '--from', item, '--output', '-']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^ {12}name: TorchWave$/m);
  assert.equal(readFileSync(work, 'utf8'), SAMPLE, '--output - previews without editing');
});

test('export then export --format yaml gives back a landscape that exports the same JSON (logo and repo_url were dropped)', async () => {
  const all = await runCli(['landscape', 'export', file, '--select', 'all']);
  assert.equal(all.code, 0, all.stderr);
  const jsonFile = join(dir, 'all.json');
  writeFileSync(jsonFile, all.stdout);
  const y = await runCli(['landscape', 'export', jsonFile, '--format', 'yaml', '--output', join(dir, 'back.yml')]);
  assert.equal(y.code, 0, y.stderr);
  const v = await runCli(['landscape', 'validate', join(dir, 'back.yml'), '--logos', join(dir, 'hosted_logos'), '--format', 'json']);
  assert.deepEqual(JSON.parse(v.stdout).errors, []);
  const again = await runCli(['landscape', 'export', join(dir, 'back.yml'), '--select', 'all']);
  assert.equal(again.stdout, all.stdout);
});

test('list: a category or subcategory that is not in the file is an error listing the ones that are; no match says so', async () => {
  const cat = await runCli(['landscape', 'list', file, '--category', 'Modelling']);
  assert.equal(cat.code, 2);
  assert.equal(cat.stdout, '');
  assert.match(cat.stderr, /^steward: no category "Modelling" in .*landscape\.yml; categories: Modeling, Training, /);
  const sub = await runCli(['landscape', 'list', file, '--category', 'modeling', '--subcategory', 'Vision']);
  assert.equal(sub.code, 2);
  assert.match(sub.stderr, /no subcategory "Vision" in modeling; subcategories: Computer Vision, Medical & Biology\n$/);
  // Any case still works; a search matching nothing exits 0 with a note on stderr, nothing on stdout.
  const ok = await runCli(['landscape', 'list', file, '--category', 'modeling', '--subcategory', 'computer vision']);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /^Modeling\n {2}Computer Vision \(2\)\n/);
  const none = await runCli(['landscape', 'list', file, '--search', 'zzz']);
  assert.equal(none.code, 0);
  assert.equal(none.stdout, '');
  assert.equal(none.stderr, 'no items match (retired items are hidden; --all shows them)\n');
});
