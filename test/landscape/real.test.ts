// The real landscape.yml from ../shared (the steering repository's copy of pytorch-fdn/landscape):
// byte-identical round trips, exact diffs for edits, and exactly its real problems.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { addItem, readLandscape, restoreItem, retireItem, validateLandscape } from '../../src/landscape/index.js';
import { runCli } from '../support/cli.js';
import { sharedFile } from '../support/shared.js';
import { changedLines } from './diff.js';

const { path: REAL, skip } = sharedFile('data/pytorch-landscape.yml');
if (skip) console.log(`# skipping the real landscape tests: ${skip}`);
const text = () => readFileSync(REAL, 'utf8');

test('the real file reads whole: 188 items, 5 categories, 30 subcategories, no problems', { skip }, () => {
  const l = readLandscape(text(), { file: REAL });
  assert.deepEqual(l.problems, []);
  assert.equal(l.items.length, 188);
  assert.deepEqual(
    l.categories.map((c) => c.name),
    ['Modeling', 'Training', 'Optimizations', 'PyTorch Projects', 'PyTorch Members'],
  );
  assert.equal(
    l.categories.reduce((n, c) => n + c.subcategories.length, 0),
    30,
  );
  assert.equal(l.items.filter((i) => i.project === 'archived').length, 68);
  assert.equal(new Set(l.items.map((i) => i.id)).size, 188, 'ids are unique');
});

test('round trips are byte-identical: no-op edits, and restore then retire', { skip }, () => {
  const original = text();
  const noop = retireItem(original, 'Albumentations');
  assert.equal(noop.changed, false);
  assert.equal(noop.text, original);
  assert.equal(restoreItem(original, 'Kornia').text, original);
  for (const name of ['Albumentations', 'Detectron2', 'torchtune', 'Horovod', 'TorchQuantum']) {
    const restored = restoreItem(original, name);
    assert.equal(restored.changed, true);
    assert.equal(retireItem(restored.text, name).text, original, name);
  }
});

test('retire + add change exactly the lines they must', { skip }, () => {
  const original = text();
  const retired = retireItem(original, 'modeling--computer-vision--kornia');
  const added = addItem(retired.text, {
    name: 'Example Vision',
    category: 'Modeling',
    subcategory: 'Computer Vision',
    description: 'Example Vision: fast image pipelines for PyTorch.',
    homepage_url: 'https://example-vision.org/',
    repo_url: 'https://github.com/example/example-vision',
    logo: 'example-vision.svg',
  });
  assert.equal(added.item.id, 'modeling--computer-vision--example-vision');
  assert.deepEqual(changedLines(original, added.text), [
    '@@ -69,0 +70,6 @@',
    '+          - item:',
    '+            name: Example Vision',
    "+            description: 'Example Vision: fast image pipelines for PyTorch.'",
    '+            homepage_url: https://example-vision.org/',
    '+            logo: example-vision.svg',
    '+            repo_url: https://github.com/example/example-vision',
    '@@ -74,0 +81 @@',
    '+            project: archived',
  ]);
  assert.equal(readLandscape(added.text).items.length, 189);
});

// landscape2 builds the live site from this file and the landscape repository's CI validates it
// green: nothing in it is an error, its data-quality findings are warnings with their lines.
test('validation reports exactly the real problems: no errors, the findings as warnings', { skip }, () => {
  const r = validateLandscape(text(), { file: REAL });
  assert.equal(r.items, 188);
  const brief = (ps: typeof r.errors) => ps.map((p) => `${p.line} ${p.item} ${p.message}`);
  assert.deepEqual(brief(r.errors), []);
  assert.deepEqual(brief(r.warnings), [
    `null null logos folder ${resolve(dirname(REAL), 'hosted_logos')} not found: logo files were not checked (pass --logos DIR)`,
    '98 modeling--computer-vision--openmmlab repo_url https://github.com/open-mmlab points at an organisation, not a repository: expected https://github.com/OWNER/REPO (landscape2 collects no repository data for it)',
    '129 modeling--computer-vision--vissl repo_url https://github.com/facebookresearch/vissl/graphs/commit-activity points at a page inside a repository: expected https://github.com/facebookresearch/vissl',
    '156 modeling--language--joeynmt repo_url https://github.com/joeynmt points at an organisation, not a repository: expected https://github.com/OWNER/REPO (landscape2 collects no repository data for it)',
    '228 modeling--specialized--dgl repo_url https://github.com/dmlc/dgl/ is not in normal form: expected https://github.com/dmlc/dgl',
    '329 modeling--medical-biology--monai repo_url https://github.com/Project-MONAI points at an organisation, not a repository: expected https://github.com/OWNER/REPO (landscape2 collects no repository data for it)',
    '486 training--general--catalyst logo clearml-logo.svg is also used by optimizations--mlops--clear-ml (line 1037), whose name it carries; each project needs its own logo',
    '709 training--federated-learning--substra repo_url https://github.com/Substra points at an organisation, not a repository: expected https://github.com/OWNER/REPO (landscape2 collects no repository data for it)',
    '1152 pytorch-projects--foundation--ray logo Ray-updated.png is PNG, not SVG: landscape2 and the onboarding checklist expect an SVG',
    '1221 pytorch-members--platinum--alibaba-cloud-singapore-private-ltd-alibaba-cloud-member key facebook is not read by landscape2 (ignored); did you mean extra.facebook_url?',
  ]);
  // the monorepo folder is where speedster lives, not a finding
  assert.ok(!r.warnings.some((w) => w.item === 'optimizations--compilers-runtimes--speedster'));
});

test('`steward landscape validate` on the real file exits 0 with its warnings; --strict exits 1', { skip }, async () => {
  const r = await runCli(['landscape', 'validate', REAL]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(
    r.stdout,
    /:98: warning: \[modeling--computer-vision--openmmlab\] repo_url https:\/\/github\.com\/open-mmlab points at an organisation/,
  );
  assert.match(r.stdout, /\n188 items, 0 errors, 10 warnings\n$/);
  const strict = await runCli(['landscape', 'validate', REAL, '--strict']);
  assert.equal(strict.code, 1);
  assert.match(strict.stdout, /\n188 items, 0 errors, 10 warnings \(--strict: warnings fail\)\n$/);
});
