// README forms the checker misread (issue 9, class 2): an inline HTML logo line before the prose,
// HTML entities, install commands in <pre><code>, the line an install command is on, and an
// install heading that mentions a release next to a real Releases link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { userExperience } from '../../src/requirements/user-experience.js';
import { quickStart } from '../../src/requirements/quick-start.js';
import { readme } from '../../src/requirements/readme.js';
import { parseDoc } from '../../src/evidence/community/readme.js';
import { makeEvidence, ctx, type FileSpec, evaluateRule } from '../support/evidence.js';
import type { Rule } from '../../src/requirements/types.js';
import { assertSaid } from '../support/messages.js';

const run = (req: Rule, files: Record<string, FileSpec>) => evaluateRule(req, makeEvidence({ files }), ctx());
const PROSE =
  'Widgets turns tensors into interactive dashboards for PyTorch training runs, so researchers can watch losses, ' +
  'gradients and activations live while a model trains, and compare experiments without writing any plotting code.';

test('4: an opening inline HTML logo line followed by prose counts the prose', () => {
  const md = `<a href="https://widgets.example"><img src="docs/logo.png" alt="Widgets" width="240"></a>\n${PROSE}\n\n## Installation\n\n\`\`\`\npip install widgets\n\`\`\`\n`;
  const r = run(userExperience, { 'README.md': md });
  assert.equal(r.status, 'pass', r.summary);
  assert.equal(r.measured['readmeWords'], 31);
  assertSaid(userExperience, r, 'enough', { path: 'README.md', words: 31, until: ' before the "Installation" heading (line 4)' });
  assert.match(String(r.measured['openingParagraph']), /^Widgets turns tensors/);
  // a block-level tag still opens an HTML block, and a logo alone on its line is no prose
  const centred = run(userExperience, { 'README.md': `<p align="center">\n  <img src="logo.png">\n</p>\n\n${PROSE}\n` });
  assert.equal(centred.measured['readmeWords'], 31);
  assert.equal(parseDoc('<div align="center">\nSome text here\n</div>\n', 'markdown').blocks[0]!.kind, 'html');
});

test('4: &nbsp; and other entities are not words', () => {
  const md = `# Widgets\n\n&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; &mdash; &#160; &#x2014;\n\nShort intro &amp; more.\n`;
  const r = run(userExperience, { 'README.md': md });
  assert.equal(r.measured['readmeWords'], 3);
  assert.equal(r.measured['openingParagraph'], 'Short intro more.');
});

test("5: install commands inside <pre><code> are recognised under their heading, with the command's own line", () => {
  const md = [
    '# Widgets',
    '',
    PROSE,
    '',
    '## Installation',
    '',
    '<pre><code>',
    '$ pip install widgets&gt;=1.2',
    '</code></pre>',
    '',
    '## Usage',
    '',
    '```python',
    'import widgets',
    '```',
    '',
  ].join('\n');
  const r = run(quickStart, { 'README.md': md });
  assert.equal(r.status, 'pass', r.summary);
  assert.equal(r.measured['heading'], 'Installation');
  assert.equal(r.measured['installCommand'], '$ pip install widgets>=1.2');
  assert.equal(r.measured['codeLine'], 8);
  assert.equal(r.evidence[1]!.line, 8);
  // one line: <pre>pip install x</pre>
  const inline = run(quickStart, { 'README.md': '## Install\n\n<pre>pip install widgets</pre>\n' });
  assert.equal(inline.measured['installCommand'], 'pip install widgets');
  assert.equal(inline.measured['codeLine'], 3);
});

test("5: the line of an install command is the command's, not the fence's or the directive's", () => {
  const md = '## Getting started\n\n```bash\n# create an environment first\nconda create -n w python=3.12\npip install widgets\n```\n';
  const fenced = run(quickStart, { 'README.md': md });
  assert.equal(fenced.measured['codeLine'], 6);
  assertSaid(quickStart, fenced, 'installCommand', { heading: 'Getting started', command: 'pip install widgets', line: 6 });
  const rst = 'Widgets\n=======\n\nInstallation\n------------\n\n.. code-block:: bash\n   :caption: shell\n\n   pip install widgets\n';
  const directive = run(quickStart, { 'README.rst': rst });
  assert.equal(directive.measured['codeLine'], 10);
  assert.equal(directive.evidence[1]!.line, 10);
});

test('16: "Install a stable release" is not release information; a Releases link elsewhere is', () => {
  const base = `# Widgets\n\n${PROSE}\n\n## Install a stable release\n\n\`\`\`\npip install widgets\n\`\`\`\n`;
  const none = run(readme, { 'README.md': base });
  assert.equal(none.status, 'warn', none.summary);
  assertSaid(readme, none, 'noRelease', { path: 'README.md' });
  const linked = run(readme, {
    'README.md': `${base}\n## Links\n\n- [Documentation](https://widgets.example/docs)\n- [Releases](https://widgets.example/docs/releases.html)\n`,
  });
  assert.equal(linked.status, 'pass', linked.summary);
  assertSaid(readme, linked, 'releaseLink', { path: 'README.md', link: 'https://widgets.example/docs/releases.html', line: 14 });
  assert.deepEqual(linked.measured['releaseInfo'], { kind: 'link', line: 14, text: 'https://widgets.example/docs/releases.html' });
  // a real release heading still counts
  assert.equal(run(readme, { 'README.md': `${base}\n## Release process\n\nMonthly.\n` }).status, 'pass');
});
