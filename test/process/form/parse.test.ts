import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseApplicationBody, FIELDS, type FormProblem } from '../../../src/process/form/index.js';
import { COMPLETE, HAND_EDITED, MISSING_SECTIONS, NA_EVERYWHERE, NOT_AN_APPLICATION, ORG_URL } from './bodies.js';

const fieldsOf = (problems: FormProblem[]): string[] => problems.map((p) => p.field);

test('a body exactly as the form renders it: every field, no problems', () => {
  const { fields, problems } = parseApplicationBody(COMPLETE, { title: '[Ecosystem] TorchWave' });
  assert.deepEqual(problems, []);
  assert.deepEqual(fields, {
    projectName: 'TorchWave',
    contactEmails: ['maria.rossi@example.org', 'dev-team@torchwave.ai'],
    summary: 'TorchWave: differentiable audio signal processing for PyTorch.',
    description:
      'TorchWave provides GPU-accelerated, differentiable implementations of classic audio DSP\n' +
      '(filters, STFT variants, resampling) as torch.nn modules, so they can sit inside a training\n' +
      "graph. It fills the gap between torchaudio's I/O and research code that re-implements DSP.",
    similarProjects: 'torchaudio overlaps on transforms; we focus on differentiable filters and build on it.',
    repoUrl: 'https://github.com/torchwave/torchwave',
    additionalRepos: ['https://github.com/torchwave/torchwave-models', 'https://github.com/torchwave/torchwave-bench'],
    license: 'BSD-3-Clause',
    maintainers: ['mrossi', 'kchen-dsp'],
    backingEntity: 'University of Somewhere Audio Lab, https://audio.example.edu',
    websiteUrl: 'https://torchwave.ai',
    documentation: 'Tutorials and API reference at https://torchwave.ai/docs',
    ci: 'GitHub Actions: unit tests on Linux/macOS/Windows, GPU tests nightly on self-hosted runners.',
    pytorchVersions: '2.4, 2.5 and nightly',
    pytorchComponents: 'torch.nn, torch.fft, torch.compile',
    maintenanceCommitment: 'At least 3 years; the lab has funding through 2029.',
    additionalInfo: null,
  });
});

test('a hand-edited body: CRLF, retyped headings, prose around values, mailto and profile links', () => {
  const { fields, problems } = parseApplicationBody(HAND_EDITED);
  assert.deepEqual(problems, []);
  assert.deepEqual(fields.contactEmails, ['jane@medlab.org', 'ops@medlab.org']);
  assert.equal(fields.summary, 'Medical imaging toolkit');
  // a sub-heading that is not a question of the form stays in the answer above it
  assert.equal(fields.description, 'A toolkit.\n\n### Features\n\n- segmentation');
  assert.equal(fields.similarProjects, null, '"None." under the reworded similar-projects question');
  assert.equal(fields.repoUrl, 'https://github.com/medlab/medkit');
  assert.deepEqual(fields.additionalRepos, ['https://gitlab.com/medlab/medkit'], 'the mirror named in the repo answer');
  assert.equal(fields.license, 'Apache 2.0');
  assert.deepEqual(fields.maintainers, ['jdoe', 'rsmith', 'lchen']);
  assert.equal(fields.websiteUrl, 'https://medlab.org/medkit', 'a scheme-less address');
  // a heading inside a code fence is text
  assert.equal(fields.documentation, 'https://medkit.readthedocs.io\n\n```\n### Version of PyTorch\n```');
  assert.equal(fields.ci, 'GitHub Actions');
  assert.equal(fields.pytorchVersions, '>= 2.1');
  assert.equal(fields.pytorchComponents, null);
  assert.equal(fields.maintenanceCommitment, 'Indefinitely');
  assert.equal(fields.backingEntity, null);
  assert.equal(fields.projectName, null, 'no title given: the body does not name the project');
});

test('missing sections: each required one named, optional ones not', () => {
  const { fields, problems } = parseApplicationBody(MISSING_SECTIONS);
  assert.deepEqual(fieldsOf(problems), [
    'description',
    'similarProjects',
    'maintainers',
    'websiteUrl',
    'documentation',
    'ci',
    'pytorchVersions',
    'pytorchComponents',
    'maintenanceCommitment',
  ]);
  assert.match(problems[0]!.message, /^missing: no "### Project description" section$/);
  assert.equal(fields.repoUrl, 'https://github.com/tinyproj/tiny');
  assert.deepEqual(fields.contactEmails, ['lead@tinyproj.dev']);
  assert.equal(fields.description, null);
});

test('N/A everywhere: placeholders are null; required answers that are not "none" are problems', () => {
  const { fields, problems } = parseApplicationBody(NA_EVERYWHERE);
  for (const f of FIELDS) {
    const v = fields[f.name];
    assert.ok(v === null || (Array.isArray(v) && v.length === 0), `${f.name} is empty, got ${JSON.stringify(v)}`);
  }
  // the form itself invites "not applicable" for similar projects and components
  const expected = FIELDS.filter((f) => f.required && !f.noneIsAnAnswer).map((f) => f.name);
  assert.deepEqual(fieldsOf(problems), expected);
  assert.equal(expected.length, 11);
  const repo = problems.find((p) => p.field === 'repoUrl')!;
  assert.match(repo.message, /^line \d+: "Project repo URL" is required; found "N\/A", a placeholder$/);
  assert.equal(NA_EVERYWHERE.split('\n')[repo.line! - 1], 'N/A', 'the line points at the answer');
});

test('every placeholder spelling is null', () => {
  for (const p of ['_No response_', 'No response', 'N/A', 'n/a', 'NA', 'TBD', 'None', 'none.', '*None*', '-', 'Not applicable', '']) {
    const body = `### Project summary\n\n${p}\n\n### Additional information\n\n${p}\n`;
    const { fields, problems } = parseApplicationBody(body);
    assert.equal(fields.summary, null, JSON.stringify(p));
    assert.equal(fields.additionalInfo, null, JSON.stringify(p));
    assert.ok(
      problems.some((x) => x.field === 'summary' && /is required/.test(x.message)),
      JSON.stringify(p),
    );
    assert.ok(!problems.some((x) => x.field === 'additionalInfo'), 'optional: no problem');
  }
  // words that merely start like a placeholder are answers
  const { fields } = parseApplicationBody('### Project summary\n\nNone of the above frameworks do this\n');
  assert.equal(fields.summary, 'None of the above frameworks do this');
});

test('similar projects and components: "N/A" is an answer, an empty one is not', () => {
  const na = parseApplicationBody(COMPLETE.replace('torch.nn, torch.fft, torch.compile', 'N/A'));
  assert.deepEqual(na.problems, []);
  assert.equal(na.fields.pytorchComponents, null);
  const empty = parseApplicationBody(COMPLETE.replace('torch.nn, torch.fft, torch.compile', '_No response_'));
  assert.deepEqual(fieldsOf(empty.problems), ['pytorchComponents']);
  assert.match(empty.problems[0]!.message, /"Components of PyTorch" is required; found no answer/);
});

test('an organisation URL is kept but flagged, with the line', () => {
  const { fields, problems } = parseApplicationBody(ORG_URL);
  assert.equal(fields.repoUrl, 'https://github.com/Project-MONAI');
  assert.equal(problems.length, 1);
  assert.equal(problems[0]!.field, 'repoUrl');
  assert.equal(
    problems[0]!.message,
    `line ${problems[0]!.line}: https://github.com/Project-MONAI is an organisation, not a repository; expected https://github.com/Project-MONAI/<repository>`,
  );
  assert.equal(ORG_URL.split('\n')[problems[0]!.line! - 1], 'https://github.com/Project-MONAI');
  // a trailing slash or .git makes no difference; one more path segment does
  assert.equal(parseApplicationBody(ORG_URL.replace('Project-MONAI\n', 'Project-MONAI/\n')).problems.length, 1);
  const repo = parseApplicationBody(ORG_URL.replace('Project-MONAI\n', 'Project-MONAI/MONAI.git\n'));
  assert.deepEqual(repo.problems, []);
  assert.equal(repo.fields.repoUrl, 'https://github.com/Project-MONAI/MONAI');
});

test('URLs: invalid ones are problems and not kept; owner/name shorthand and extra text are read', () => {
  const cases: [string, string | null, RegExp | null][] = [
    ['https://github.com/a/b', 'https://github.com/a/b', null],
    ['Our repo is https://github.com/a/b (main)', 'https://github.com/a/b', null],
    ['See <https://github.com/a/b>.', 'https://github.com/a/b', null],
    ['[our repo](https://github.com/a/b)', 'https://github.com/a/b', null],
    ['github.com/a/b', 'https://github.com/a/b', null],
    ['pytorch/vision', 'https://github.com/pytorch/vision', null],
    ['https://gitlab.com/group/proj', 'https://gitlab.com/group/proj', null],
    ['https://localhost/x', null, /has no valid host name/],
    ['https://github.com/', null, /GitHub itself, not a repository/],
    ['ftp://example.org/x', null, /expected a URL/],
    ['coming soon', null, /expected a URL \(https:\/\/…\), found "coming soon"/],
  ];
  for (const [answer, url, problem] of cases) {
    const { fields, problems } = parseApplicationBody(COMPLETE.replace('https://github.com/torchwave/torchwave\n', `${answer}\n`));
    assert.equal(fields.repoUrl, url, answer);
    const repoProblems = problems.filter((p) => p.field === 'repoUrl');
    if (problem) {
      assert.equal(repoProblems.length, 1, answer);
      assert.match(repoProblems[0]!.message, problem, answer);
    } else assert.deepEqual(repoProblems, [], answer);
  }
});

test('e-mails: commas, semicolons, spaces, lines, mailto; invalid ones named with their line', () => {
  const body = (emails: string): string => COMPLETE.replace('maria.rossi@example.org, dev-team@torchwave.ai', emails);
  const cases: [string, string[]][] = [
    ['a@x.org,b@y.org', ['a@x.org', 'b@y.org']],
    ['a@x.org; b@y.org', ['a@x.org', 'b@y.org']],
    ['a@x.org b@y.org', ['a@x.org', 'b@y.org']],
    ['a@x.org\nb@y.org\n', ['a@x.org', 'b@y.org']],
    ['[a@x.org](mailto:a@x.org), mailto:b@y.org', ['a@x.org', 'b@y.org']],
    ['Ann Lee <a@x.org>, Bo (b@y.org)', ['a@x.org', 'b@y.org']],
    ['A@x.org, a@X.org', ['A@x.org']],
  ];
  for (const [text, expected] of cases) {
    const { fields, problems } = parseApplicationBody(body(text));
    assert.deepEqual(fields.contactEmails, expected, text);
    assert.deepEqual(problems, [], text);
  }
  const bad = parseApplicationBody(body('a@x.org\nbob@localhost\nc@@y.org'));
  assert.deepEqual(bad.fields.contactEmails, ['a@x.org']);
  assert.deepEqual(
    bad.problems.map((p) => p.message),
    ['line 4: "bob@localhost" is not a valid e-mail address', 'line 5: "c@@y.org" is not a valid e-mail address'],
  );
  const none = parseApplicationBody(body('ask on our Discord'));
  assert.deepEqual(none.fields.contactEmails, []);
  assert.match(none.problems[0]!.message, /^line 3: expected at least one e-mail address, found "ask on our Discord"$/);
});

test('handles: @name, profile URLs, bare names; prose around marked handles is ignored', () => {
  const body = (h: string): string => COMPLETE.replace('@mrossi, @kchen-dsp', h);
  const cases: [string, string[]][] = [
    ['alice, bob', ['alice', 'bob']],
    ['alice bob', ['alice', 'bob']],
    ['@alice; @bob', ['alice', 'bob']],
    ['https://github.com/alice\nhttps://github.com/bob/', ['alice', 'bob']],
    ['Lead: @alice (core), with @bob', ['alice', 'bob']],
    ['[@alice](https://github.com/alice) and @Alice', ['alice']],
    ['- alice\n- @bob\n* carol', ['alice', 'bob', 'carol']],
    ['@alice, alice@example.org', ['alice']],
  ];
  for (const [text, expected] of cases) {
    const { fields, problems } = parseApplicationBody(body(text));
    assert.deepEqual(fields.maintainers, expected, text);
    assert.deepEqual(problems, [], text);
  }
  const bad = parseApplicationBody(body('@good, @under_score, @-dash'));
  assert.deepEqual(bad.fields.maintainers, ['good']);
  assert.deepEqual(
    bad.problems.map((p) => p.message.replace(/^line \d+: /, '')),
    ['"under_score" is not a valid GitHub handle', '"-dash" is not a valid GitHub handle'],
  );
  // 39 characters is GitHub's limit
  assert.deepEqual(parseApplicationBody(body(`@${'a'.repeat(39)}`)).fields.maintainers, ['a'.repeat(39)]);
  assert.deepEqual(
    parseApplicationBody(body(`@${'a'.repeat(40)}`)).problems.map((p) => p.message.replace(/^line \d+: /, '').slice(0, 40)),
    [`"${'a'.repeat(40)}`.slice(0, 40), 'expected at least one GitHub handle (@na'],
  );
});

test('not an application: says so, and lists every required field as missing', () => {
  const { fields, problems } = parseApplicationBody(NOT_AN_APPLICATION);
  assert.equal(problems[0]!.field, 'body');
  assert.match(problems[0]!.message, /^not an application form: the body has none of its headings; expected "### <question>" sections/);
  assert.deepEqual(
    fieldsOf(problems.slice(1)),
    FIELDS.filter((f) => f.required).map((f) => f.name),
  );
  assert.equal(fields.repoUrl, null, 'a URL in prose is not an answer to a question');
  assert.match(parseApplicationBody('').problems[0]!.message, /the body is empty/);
});

test('a heading repeated: the first answer is used and the repeat is a problem', () => {
  const body = `${COMPLETE}\n### Project license\n\nGPL-3.0\n`;
  const { fields, problems } = parseApplicationBody(body);
  assert.equal(fields.license, 'BSD-3-Clause');
  assert.equal(problems.length, 1);
  assert.match(problems[0]!.message, /^line \d+: a second "Project license" section; the answer at line 28 is used$/);
  assert.equal(COMPLETE.split('\n')[27], '### Project license');
});

test('the project name comes from the title', () => {
  const name = (title: string): string | null => parseApplicationBody(COMPLETE, { title }).fields.projectName;
  assert.equal(name('[Ecosystem] TorchWave'), 'TorchWave');
  assert.equal(name('[ecosystem]   Torch  Wave  '), 'Torch Wave');
  assert.equal(name('[Ecosystem]: TorchWave'), 'TorchWave');
  assert.equal(name('TorchWave'), 'TorchWave');
  for (const t of ['[Ecosystem] <Project Name>', '[Ecosystem]', '   ']) {
    const r = parseApplicationBody(COMPLETE, { title: t });
    assert.equal(r.fields.projectName, null, t);
    assert.deepEqual(fieldsOf(r.problems), ['projectName'], t);
  }
});

test('a body far larger than GitHub allows is read up to the limit and says so', () => {
  const big = COMPLETE + 'x'.repeat(1_100_000);
  const started = performance.now();
  const { fields, problems } = parseApplicationBody(big);
  assert.ok(performance.now() - started < 2000, 'fast');
  assert.equal(problems[0]!.field, 'body');
  assert.match(problems[0]!.message, /only the first 1000000 were read/);
  assert.equal(fields.repoUrl, 'https://github.com/torchwave/torchwave');
});

test('hostile answers stay linear: long runs that make trailing-character regexes backtrack', () => {
  const heads = [
    'Contact emails',
    'GitHub handles of the project maintainer(s)',
    'Project repo URL',
    'Additional repos in scope of the application',
    'Project summary',
  ];
  const n = 60_000;
  const payloads = [
    `${'.'.repeat(n)}@`,
    `@${'.'.repeat(n)}x`,
    `https://a.b/${'.'.repeat(n)}x`,
    `x${' '.repeat(n)}x`,
    `${'!'.repeat(n)}x`,
    '[x](mailto:'.repeat(n / 10),
    `https://a.b/${'(x'.repeat(n / 2)}`,
    'github.com/'.repeat(n / 10),
    `### x${' '.repeat(n)}x`,
    `${'a'.repeat(n)}@`,
  ];
  let worst = 0;
  for (const h of heads) {
    for (const p of payloads) {
      const started = performance.now();
      parseApplicationBody(`### ${h}\n\n${p}\n`);
      worst = Math.max(worst, performance.now() - started);
    }
  }
  // quadratic cases took 1.5–6 s each here; linear ones take a few milliseconds
  assert.ok(worst < 400, `slowest answer took ${worst.toFixed(0)} ms`);
});

test('an organisation is a fine website but not a repository in scope', () => {
  const body = COMPLETE.replace('https://torchwave.ai\n', 'https://github.com/torchwave\n').replace(
    'https://github.com/torchwave/torchwave-bench',
    'https://github.com/torchwave-labs\nhttps://localhost/x',
  );
  const { fields, problems } = parseApplicationBody(body);
  assert.equal(fields.websiteUrl, 'https://github.com/torchwave');
  assert.deepEqual(fields.additionalRepos, ['https://github.com/torchwave/torchwave-models', 'https://github.com/torchwave-labs']);
  assert.deepEqual(
    problems.map((p) => [p.field, p.message]),
    [
      [
        'additionalRepos',
        'line 26: https://github.com/torchwave-labs is an organisation, not a repository; expected https://github.com/torchwave-labs/<repository>',
      ],
      ['additionalRepos', 'line 27: "https://localhost/x" has no valid host name'],
    ],
  );
  assert.equal(body.split('\n')[25], 'https://github.com/torchwave-labs');
});
