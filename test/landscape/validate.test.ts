import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateLandscape, inspectSvg, checkRepoUrl, urlProblem } from '../../src/landscape/index.js';
import { SAMPLE, writeSampleLogos } from './sample.js';

const root = mkdtempSync(join(tmpdir(), 'steward-landscape-'));
after(() => rmSync(root, { recursive: true, force: true }));
const logos = join(root, 'logos');
writeSampleLogos(logos);

const brief = (ps: { line: number | null; item: string | null; message: string }[]) => ps.map((p) => `${p.line} ${p.item} ${p.message}`);

test('the generated sample with its logos is clean: no errors, no warnings', () => {
  const r = validateLandscape(SAMPLE, { file: 'sample.yml', logosDir: logos });
  assert.equal(r.items, 8);
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.warnings, []);
});

test('a corrupted copy reports bad indentation, a duplicate name, a missing logo and an SVG with <script>, each with its line', () => {
  const dir = join(root, 'corrupt-logos');
  writeSampleLogos(dir);
  writeFileSync(join(dir, 'torchvision.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
  const lines = SAMPLE.split('\n');
  assert.equal(lines[19], '            homepage_url: https://kornia.github.io/');
  assert.equal(lines[27], '            logo: torchvision.svg');
  assert.equal(lines[38], '            logo: monai.svg');
  assert.equal(lines[58], '            name: Poutyne');
  lines[19] = '           homepage_url: https://kornia.github.io/'; // line 20: one column left of its siblings
  lines[38] = '            logo: monai-new.svg'; // line 39: a logo nobody uploaded
  lines[58] = '            name: fastai'; // line 59: a second fastai in Training / General
  const r = validateLandscape(lines.join('\n'), { file: 'corrupt.yml', logosDir: dir });
  assert.deepEqual(brief(r.errors), [
    '20 null YAML syntax: Sequence item without - indicator (line 20 is indented 11 spaces where 12 was expected)',
    '28 modeling--computer-vision--torchvision logo torchvision.svg: contains a <script> element (line 1 of torchvision.svg)',
    `39 modeling--medical-biology--monai logo file monai-new.svg not found in ${dir}`,
    '59 training--general--fastai duplicate item name "fastai" in Training / General (first at line 49)',
  ]);
  assert.deepEqual(r.warnings, []);
});

test('indentation mistakes are reported once, at the line that is off, however the parser words it', () => {
  const at = (from: string, to: string) => brief(validateLandscape(SAMPLE.replace(from, to), { logosDir: null }).errors);
  assert.deepEqual(at('            homepage_url: https://kornia.github.io/', '              homepage_url: https://kornia.github.io/'), [
    '19 null YAML syntax: Nested mappings are not allowed in compact mappings (line 20 is indented 14 spaces where 12 was expected)',
  ]);
  assert.deepEqual(at('          - item:\n            name: Kornia', '          - item:\n          name: Kornia'), [
    '17 null YAML syntax: All mapping items must start at the same column (line 18 is indented 10 spaces where 12 was expected)',
  ]);
  // A tab is not "indented 1 spaces": the hint says it is a tab and how many spaces belong there.
  const tab = at('            name: Kornia', '\tname: Kornia');
  assert.equal(
    tab[0],
    '18 null YAML syntax: Tabs are not allowed as indentation (line 18 is indented with a tab: indent it with 12 spaces)',
  );
});

test('landscape2 rules at their edges: required fields, URL schemes and patterns, dates, tags', () => {
  const item = (body: string) =>
    `landscape:\n  - category:\n    name: C\n    subcategories:\n      - subcategory:\n        name: S\n        items:\n          - item:\n${body}`;
  const base = '            name: X\n            homepage_url: https://x.org/\n            logo: x.svg\n';
  const errs = (body: string) => brief(validateLandscape(item(body), { logosDir: null }).errors).map((s) => s.replace(/^\d+ \S+ /, ''));
  assert.deepEqual(errs(base), []);
  assert.deepEqual(errs('            name: X\n            logo: x.svg\n'), ['homepage url is required']);
  assert.deepEqual(errs('            name: X\n            homepage_url: https://x.org/\n'), ['logo is required']);
  assert.deepEqual(errs('            homepage_url: https://x.org/\n            logo: x.svg\n'), ['item name is required']);
  assert.deepEqual(
    errs(base + '            crunchbase: https://www.crunchbase.com/organization/x/\n'),
    [],
    'one trailing slash is allowed',
  );
  assert.deepEqual(errs(base + '            crunchbase: https://www.crunchbase.com/person/x\n'), [
    'invalid crunchbase url: expecting https://www.crunchbase.com/organization/NAME, found https://www.crunchbase.com/person/x',
  ]);
  assert.deepEqual(errs(base + '            crunchbase: http://www.crunchbase.com/organization/x\n').length, 1, 'crunchbase must be https');
  assert.deepEqual(errs(base + '            twitter: https://x.com/pytorch\n'), []);
  assert.deepEqual(errs(base + '            twitter: https://mastodon.social/@pytorch\n'), [
    'invalid twitter url: expecting https://twitter.com|x.com/..., found https://mastodon.social/@pytorch',
  ]);
  assert.deepEqual(errs(base + '            extra:\n              linkedin_url: https://www.linkedin.com/company/x\n'), []);
  assert.deepEqual(errs(base + '            extra:\n              linkedin_url: https://linked.in/x\n'), [
    'extra.linkedin_url: invalid linkedin url: expecting https://linkedin.com/..., found https://linked.in/x',
  ]);
  assert.deepEqual(errs(base.replace('https://x.org/', 'http://x.org/')), [], 'http is allowed');
  assert.deepEqual(errs(base.replace('https://x.org/', 'ftp://x.org/')), [
    'invalid homepage url: invalid scheme ftp (expected http or https)',
  ]);
  assert.deepEqual(errs(base.replace('https://x.org/', 'x.org')), [
    'invalid homepage url: expected an absolute http(s) URL, found "x.org"',
  ]);
  assert.deepEqual(errs(base + "            extra:\n              accepted: '2025-02-29'\n"), [
    'extra.accepted must be a date YYYY-MM-DD, found "2025-02-29"',
  ]);
  assert.deepEqual(errs(base + "            extra:\n              accepted: '2024-02-29'\n"), []);
  assert.deepEqual(errs(base + '            extra:\n              tag:\n                - Security\n'), [
    'invalid tag "Security" (must use only lowercase letters and hyphens)',
  ]);
  assert.deepEqual(errs(base.replace('x.svg', '../x.svg')), ['logo must be a file name in the logos folder, found "../x.svg"']);
  assert.deepEqual(errs(base.replace('x.svg', 'x.pdf')), [
    'logo "x.pdf" is not an image file name (expected .svg, or gif/jpg/jpeg/tif/tiff/png/webp/bmp)',
  ]);
  assert.deepEqual(errs(base + '            name: Y\n'), ['key name is repeated (first at line 9)']);
  assert.deepEqual(errs(base + '            enduser: sometimes\n'), ['enduser must be true or false, found "sometimes"']);
});

test('repository URLs: one GitHub repository in normal form', () => {
  assert.deepEqual(checkRepoUrl('https://github.com/pytorch/vision'), { normalized: 'https://github.com/pytorch/vision', problem: null });
  assert.equal(checkRepoUrl('https://github.com/pytorch')?.problem, 'org');
  assert.equal(checkRepoUrl('https://github.com/pytorch/')?.problem, 'org');
  assert.deepEqual(
    checkRepoUrl('https://github.com/a/b/tree/main/x'),
    { normalized: 'https://github.com/a/b', problem: null, tree: 'main/x' },
    'a monorepo folder is valid',
  );
  assert.deepEqual(checkRepoUrl('https://github.com/a/b/tree/main/x/'), {
    normalized: 'https://github.com/a/b',
    problem: 'form',
    tree: 'main/x',
  });
  assert.equal(checkRepoUrl('https://github.com/a/b/tree/main')?.problem, 'subpath', 'a branch alone names no folder');
  assert.equal(checkRepoUrl('https://github.com/a/b/tree/main/x?q=1')?.problem, 'subpath');
  assert.equal(checkRepoUrl('https://github.com/a/b/blob/main/x/README.md')?.problem, 'subpath', 'a file is a page, not the project');
  assert.equal(checkRepoUrl('https://github.com/a/b/graphs/commit-activity')?.suggestion, 'https://github.com/a/b');
  assert.equal(checkRepoUrl('https://github.com/a/b/')?.problem, 'form');
  assert.equal(checkRepoUrl('https://github.com/a/b.git')?.normalized, 'https://github.com/a/b');
  assert.equal(checkRepoUrl('http://www.github.com/a/b')?.problem, 'form');
  assert.equal(checkRepoUrl('https://gitlab.com/group/sub/repo'), null, 'other hosts are not judged');
  assert.equal(urlProblem('repository', 'https://github.com/a/b'), null);
});

test('repository URL findings are warnings with their lines, never errors: landscape2 builds the site with them', () => {
  const item = (name: string, repo: string, logo = `${name.toLowerCase()}.svg`) =>
    `          - item:\n            name: ${name}\n            homepage_url: https://x.org/\n            logo: ${logo}\n            repo_url: ${repo}\n`;
  const text = (...items: string[]) =>
    `landscape:\n  - category:\n    name: C\n    subcategories:\n      - subcategory:\n        name: S\n        items:\n${items.join('')}`;
  const r = validateLandscape(
    text(
      item('Org', 'https://github.com/org'),
      item('Page', 'https://github.com/o/page/graphs/commit-activity'),
      item('Slash', 'https://github.com/o/slash/'),
      item('Speedster', 'https://github.com/o/mono/tree/main/optimization/speedster'),
      item('Other', 'https://github.com/o/mono/tree/main/optimization/other'),
      item('Twin', 'https://github.com/o/mono/tree/main/optimization/other'),
      item('Shared', 'https://github.com/o/shared', 'org.svg'),
      item('Png', 'https://github.com/o/png', 'png.png'),
    ),
    { logosDir: null },
  );
  assert.deepEqual(r.errors, []);
  assert.deepEqual(brief(r.warnings), [
    '12 c--s--org repo_url https://github.com/org points at an organisation, not a repository: expected https://github.com/OWNER/REPO (landscape2 collects no repository data for it)',
    '17 c--s--page repo_url https://github.com/o/page/graphs/commit-activity points at a page inside a repository: expected https://github.com/o/page',
    '22 c--s--slash repo_url https://github.com/o/slash/ is not in normal form: expected https://github.com/o/slash',
    '37 c--s--twin repository https://github.com/o/mono/tree/main/optimization/other is also listed as c--s--other (line 32)',
    '41 c--s--shared logo org.svg is also used by c--s--org (line 11), whose name it carries; each project needs its own logo',
    '46 c--s--png logo png.png is PNG, not SVG: landscape2 and the onboarding checklist expect an SVG',
  ]);
});

test('SVG safety: scripts, event attributes, external references, entities; fragments are fine', () => {
  const ok =
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><defs><linearGradient id="g"/></defs><rect fill="url(#g)" style="fill:url(#g)"/><use xlink:href="#g"/></svg>';
  assert.deepEqual(inspectSvg(ok), []);
  const msgs = (s: string) => inspectSvg(s).map((f) => f.message);
  assert.deepEqual(msgs('<svg><SCRIPT type="x">1</SCRIPT></svg>'), ['contains a <script> element']);
  assert.deepEqual(msgs('<svg><svg:script/></svg>'), ['contains a <script> element']);
  assert.deepEqual(msgs('<svg onload="alert(1)"></svg>'), ['has an event attribute onload']);
  assert.deepEqual(msgs('<svg><image href="https://evil.example/x.png"/></svg>'), [
    'references https://evil.example/x.png in href (only #fragment references are allowed)',
  ]);
  assert.deepEqual(msgs("<svg><image xlink:href='data:image/png;base64,AAAA'/></svg>"), [
    'references data:image/png;base64,AAAA in xlink:href (only #fragment references are allowed)',
  ]);
  assert.deepEqual(msgs('<svg><style>@import url(https://x/y.css);</style></svg>'), [
    'imports a stylesheet (@import)',
    'references https://x/y.css in a style url() (only #fragment references are allowed)',
  ]);
  assert.deepEqual(msgs('<svg><foreignObject><div/></foreignObject></svg>'), ['contains a <foreignObject> element (embeds HTML)']);
  assert.deepEqual(msgs('<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg/>'), [
    'declares XML entities (<!ENTITY>), which can expand without bound',
  ]);
  assert.deepEqual(msgs('<html><body/></html>'), ['not an SVG document (no <svg> element)']);
  assert.deepEqual(msgs('<svg><!-- <script> in a comment is inert --></svg>'), []);
});

test('SVG well-formedness: what a browser refuses to draw is an error with its line in the logo file', () => {
  const first = (s: string) => inspectSvg(s).map((f) => `${f.line} ${f.message}`);
  const good = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">',
    '<!-- made by hand -->',
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">',
    '  <title>A &amp; B &#169; &#xA9;</title>',
    '  <style><![CDATA[ rect > g { fill: red } ]]></style>',
    '  <rect width=\'10\' height="10" data-x="a > b"/>',
    '</svg>',
  ].join('\n');
  assert.deepEqual(inspectSvg(good), []);
  assert.deepEqual(first('<svg>\n<g>\n<rect/>\n</svg>'), [
    '4 is not well-formed XML: </svg> where </g> was expected (the <g> opened before it is not closed)',
  ]);
  assert.deepEqual(first('<svg>\n  <g>'), ['2 is not well-formed XML: <g> is never closed']);
  assert.deepEqual(first('<svg>\n<rect width=10/>\n</svg>'), [
    '2 is not well-formed XML: the tag is malformed (an attribute without a quoted value, a < inside a value, or no closing >)',
  ]);
  assert.deepEqual(first('<svg><rect x="1" x="2"/></svg>'), ['1 is not well-formed XML: attribute x is given twice in <rect>']);
  assert.deepEqual(first('<svg><text>R&D</text></svg>'), [
    '1 is not well-formed XML: an & that starts no entity or character reference (write &amp;)',
  ]);
  assert.deepEqual(first('<svg><text>&nbsp;</text></svg>'), [
    '1 is not well-formed XML: an & that starts no entity or character reference (write &amp;)',
  ]);
  assert.deepEqual(first('<svg/>\n<svg/>'), ['2 is not well-formed XML: a second root element <svg>']);
  assert.deepEqual(first('<svg></svg></g>'), ['1 is not well-formed XML: </g> closes no open element']);
  assert.deepEqual(first('\uFEFF<svg><text>1 < 2</text></svg>'), ['1 is not well-formed XML: a < that starts no tag (write &lt;)']);
  assert.deepEqual(first('{"svg": true}'), [
    'undefined not an SVG document (no <svg> element)',
    '1 is not well-formed XML: text before the root element',
  ]);
  assert.deepEqual(first('<svg><!-- open'), ['1 is not well-formed XML: a comment is never closed (no -->)']);
});

test('logos: the folder missing is one warning, not one error per item; raster logos are warnings', () => {
  const r = validateLandscape(SAMPLE, { file: join(root, 'nowhere', 'landscape.yml') });
  assert.deepEqual(r.errors, []);
  assert.deepEqual(brief(r.warnings), [
    `null null logos folder ${join(root, 'nowhere', 'hosted_logos')} not found: logo files were not checked (pass --logos DIR)`,
  ]);
  const png = SAMPLE.replace('logo: kornia.svg', 'logo: kornia.png');
  writeFileSync(join(logos, 'kornia.png'), 'PNG');
  const r2 = validateLandscape(png, { file: 'x.yml', logosDir: logos });
  assert.deepEqual(r2.errors, []);
  assert.deepEqual(brief(r2.warnings), [
    '21 modeling--computer-vision--kornia logo kornia.png is PNG, not SVG: landscape2 and the onboarding checklist expect an SVG',
  ]);
});

test('names that differ only in case or punctuation share an id: the second is an error naming the first', () => {
  const twin = SAMPLE.replace('            name: torchvision', '            name: Kornia!');
  const errs = brief(validateLandscape(twin, { logosDir: null }).errors);
  assert.deepEqual(errs, [
    '25 modeling--computer-vision--kornia item id modeling--computer-vision--kornia is also the id of "Kornia" (line 18): names that differ only in case or punctuation collide',
  ]);
  // The same name in another subcategory has another id: no error.
  assert.deepEqual(
    brief(validateLandscape(SAMPLE.replace('            name: MONAI', '            name: Kornia'), { logosDir: null }).errors),
    [],
  );
});
