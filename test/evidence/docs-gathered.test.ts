// The README and the docs pages requirements 4, 5, 6 and 16 read are gathered once as typed facts
// (evidence.docs): the rules judge those facts and no requirement parses a file; evidence stored
// before the facts existed is given them from its stored files, and judges as gathered now.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractDocs } from '../../src/evidence/docs.js';
import { currentEvidence } from '../../src/evidence/stored.js';
import { readme } from '../../src/requirements/readme.js';
import { quickStart } from '../../src/requirements/quick-start.js';
import { userExperience } from '../../src/requirements/user-experience.js';
import { documentation } from '../../src/requirements/documentation.js';
import type { Evidence } from '../../src/evidence/types.js';
import type { Rule } from '../../src/requirements/types.js';
import { REPO_ROOT } from '../support/cli.js';
import { ctx, evaluateRule, makeEvidence } from '../support/evidence.js';

const README =
  '# Widget\n\nWidget turns tensors into widgets for people who train models with PyTorch and want them fast, small and easy to ship. ' +
  'It works on a laptop and on a cluster alike, and the documentation is at https://widget.readthedocs.io/ for everyone.\n\n## Releases\n\nMonthly.\n';
const files = {
  'README.md': README,
  'README.adoc': 'asciidoc',
  '.github/README.md': 'elsewhere',
  'docs/index.rst': 'Widget\n======\n\nWelcome.\n',
  'docs/quickstart.md': '# Quick start\n\n```bash\npip install widget\n```\n',
  'docs/install.md': { symlink: '../../outside.md' },
  'mkdocs.yml': 'site_name: Widget\nsite_url: https://widget.example.org/\n',
};
const docsRules = [readme, quickStart, userExperience, documentation];
/** Judged with the options the default policy gives each rule. */
const judge = (rule: Rule<never>, e: Evidence) => evaluateRule(rule, e, ctx());

test('the README and docs pages are gathered as plain data: the chosen file, its blocks and links, the pages, the site URL', () => {
  const d = extractDocs(makeEvidence({ files }));
  assert.deepEqual(JSON.parse(JSON.stringify(d)), d, 'JSON-safe: stored and re-judged as it is');
  assert.deepEqual(d.readme.file, { path: 'README.md', notes: [] });
  assert.deepEqual(d.readme.otherFormats, ['README.adoc']);
  assert.deepEqual(d.readme.elsewhere, ['.github/README.md']);
  assert.equal(d.readme.structure?.format, 'markdown');
  assert.deepEqual(
    d.readme.structure?.blocks.filter((b) => b.kind === 'heading').map((b) => [b.text, b.line]),
    [
      ['Widget', 1],
      ['Releases', 5],
    ],
  );
  assert.deepEqual(
    d.readme.structure?.links.map((l) => l.url),
    ['https://widget.readthedocs.io/'],
  );
  // the index first, then the other pages by name; a page that cannot be read says why
  assert.deepEqual(
    d.pages.map((p) => [p.path, p.structure?.format ?? p.problem]),
    [
      ['docs/index.rst', 'rst'],
      ['docs/install.md', d.pages[1]!.problem],
      ['docs/quickstart.md', 'markdown'],
    ],
  );
  assert.match(d.pages[1]!.problem!, /symlink|outside/);
  assert.equal(d.mkdocsSiteUrl, 'https://widget.example.org/');
  assert.equal('text' in d.readme.file!, false, 'the text stays in the evidence files, not twice');
});

test('no requirement parses a README or docs page: they import neither the parser nor the readers', () => {
  const dir = join(REPO_ROOT, 'src', 'requirements');
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
    const text = readFileSync(join(dir, name), 'utf8');
    const imports = [...text.matchAll(/^import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'([^']+)'/gm)];
    for (const [, names, from] of imports) {
      assert.notEqual(from, '../evidence/community/readme.js', `${name} imports the README parser`);
      assert.doesNotMatch(names!, /\b(parseDoc|rootReadme|readDoc|readText|locate)\b/, `${name} imports a reader from ${from}`);
    }
  }
});

test('the rules judge the gathered facts, not the files', () => {
  const e = makeEvidence({ files });
  assert.deepEqual(
    docsRules.map((r) => judge(r, e).status),
    ['pass', 'pass', 'pass', 'pass'],
  );
  // the files are still there, but the facts say there is no README, no page and no site URL: the rules follow the facts
  const without = { ...e, docs: extractDocs(makeEvidence({})) };
  assert.equal(judge(readme, without).status, 'fail');
  assert.equal(judge(quickStart, without).status, 'fail');
  assert.equal(judge(userExperience, without).status, 'fail');
  // the tree still holds mkdocs.yml and docs/ (a question of the tree); the published URL was a fact of the files
  assert.equal(judge(documentation, e).measured['url'], 'https://widget.example.org/');
  assert.equal(judge(documentation, without).measured['url'], null);
});

test('evidence stored before the docs facts is given them from its stored files, and judges as gathered now', () => {
  const gathered = makeEvidence({ files });
  const { docs: _docs, ...rest } = gathered;
  const stored = JSON.parse(JSON.stringify(rest)) as Evidence;
  const upgraded = currentEvidence(stored);
  assert.notEqual(upgraded, stored, 'a copy: the stored evidence is not changed');
  assert.equal('docs' in stored, false);
  assert.deepEqual(upgraded.docs, gathered.docs);
  for (const rule of docsRules) assert.deepEqual(judge(rule, upgraded), judge(rule, gathered), rule.meta.key);
  // evidence stored with the facts is judged as it is stored
  assert.equal(currentEvidence(gathered), gathered);
});
