import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import {
  FIELDS,
  isEmail,
  isGitHubHandle,
  normaliseLabel,
  parseApplicationBody,
  placeholderOf,
  renderApplicationBody,
  renderApplicationTitle,
  type ApplicationFields,
} from '../../../src/process/form/index.js';

const FORM = '../shared/data/ecosystem-application-form.yml';

test('the fields are the questions of the real issue form, in its order, with its required flags', (t) => {
  if (!existsSync(FORM)) {
    t.skip(`${FORM} is absent (../shared not checked out next to this repository)`);
    return;
  }
  const form = parseYaml(readFileSync(FORM, 'utf8')) as {
    body: { type: string; attributes: { label?: string }; validations?: { required?: boolean } }[];
  };
  const questions = form.body.filter((b) => b.type !== 'markdown');
  assert.deepEqual(
    FIELDS.map((f) => [f.label.trim(), f.required]),
    questions.map((q) => [String(q.attributes.label).trim(), q.validations?.required === true]),
  );
});

// Fragments that stress the parser: headings of the form, fences, placeholders, link syntax.
const fragment = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    ...FIELDS.map((f) => `### ${f.label}`),
    '### ',
    '#',
    '```',
    '~~~',
    '\r\n',
    '\n\n',
    '_No response_',
    'N/A',
    '@',
    '@@',
    'mailto:',
    '[x](mailto:',
    '](',
    'https://github.com/',
    'github.com/a',
    'https://',
    '(',
    ')',
    '\u0000',
    '\uFEFF',
    '\uD800',
  ),
);

test('any string parses without throwing, to well-formed fields', () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.string({ unit: 'binary', maxLength: 2000 }),
        fc.array(fragment, { maxLength: 60 }).map((a) => a.join('')),
      ),
      fc.option(fc.string()),
      (body, title) => {
        const { fields, problems } = parseApplicationBody(body, title === null ? {} : { title });
        for (const e of fields.contactEmails) assert.ok(isEmail(e), e);
        for (const h of fields.maintainers) assert.ok(isGitHubHandle(h), h);
        for (const u of [fields.repoUrl, fields.websiteUrl, ...fields.additionalRepos]) if (u !== null) assert.match(u, /^https?:\/\//);
        for (const p of problems) {
          assert.equal(typeof p.message, 'string');
          assert.ok(p.message.length > 0);
          if (p.line !== undefined) assert.ok(Number.isInteger(p.line) && p.line >= 1);
        }
      },
    ),
    { numRuns: 300 },
  );
});

const word = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9,.()'-]{0,11}$/);
const line = fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));
// a required answer that reads as "nothing" ("nA", "none") is rightly refused: valid answers are not placeholders
const answer = line.filter((s) => placeholderOf(s) === undefined);
const text = fc
  .array(line, { minLength: 1, maxLength: 4 })
  .map((l) => l.join('\n'))
  .filter((s) => placeholderOf(s) === undefined);
const handle = fc
  .stringMatching(/^[A-Za-z0-9](?:[A-Za-z0-9]|-[A-Za-z0-9]){0,15}$/)
  .filter(
    (h) =>
      !['and', 'or', 'the', 'of', 'maintainers', 'maintainer', 'handles', 'github', 'lead', 'core', 'team', 'etc'].includes(
        h.toLowerCase(),
      ),
  );
const email = fc
  .tuple(
    fc.stringMatching(/^[a-z0-9][a-z0-9_+-]{0,8}(?:\.[a-z0-9]{1,5})?$/),
    fc.stringMatching(/^[a-z0-9]{1,10}$/),
    fc.stringMatching(/^[a-z]{2,5}$/),
  )
  .map(([l, d, tld]) => `${l}@${d}.${tld}`);
const repoUrl = fc.oneof(
  fc
    .tuple(
      handle,
      fc.stringMatching(/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,15}$/).filter((r) => !/(\.|\.git)$/i.test(r)),
    )
    .map(([o, r]) => `https://github.com/${o}/${r}`),
  fc.stringMatching(/^[a-z0-9]{1,10}$/).map((h) => `https://${h}.example.org/project`),
);
const unique = <T>(arb: fc.Arbitrary<T>, min: number): fc.Arbitrary<T[]> =>
  fc.uniqueArray(arb, { minLength: min, maxLength: 4, selector: (v) => String(v).toLowerCase() });

const validFields: fc.Arbitrary<ApplicationFields> = fc.record({
  projectName: answer,
  contactEmails: unique(email, 1),
  summary: answer,
  description: text,
  similarProjects: text,
  repoUrl,
  additionalRepos: unique(repoUrl, 0),
  license: answer,
  maintainers: unique(handle, 1),
  backingEntity: fc.option(text),
  websiteUrl: repoUrl,
  documentation: text,
  ci: text,
  pytorchVersions: text,
  pytorchComponents: text,
  maintenanceCommitment: text,
  additionalInfo: fc.option(text),
});

test('a valid body round-trips its fields', () => {
  fc.assert(
    fc.property(validFields, fc.boolean(), (fields, crlf) => {
      fc.pre(!fields.additionalRepos.includes(fields.repoUrl!));
      let body = renderApplicationBody(fields);
      if (crlf) body = body.replace(/\n/g, '\r\n');
      const parsed = parseApplicationBody(body, { title: renderApplicationTitle(fields.projectName!) });
      assert.deepEqual(parsed.problems, []);
      assert.deepEqual(parsed.fields, { ...fields }); // fc.record builds null-prototype objects
    }),
    { numRuns: 300 },
  );
});

test('headings are matched whatever their case, spacing and trailing punctuation', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...FIELDS),
      fc.boolean(),
      fc.constantFrom('', '?', ':', ' ', '  ?'),
      fc.integer({ min: 1, max: 6 }),
      (f, upper, tail, level) => {
        const label = (upper ? f.label.toUpperCase() : f.label.toLowerCase()).replace(/\?$/, '') + tail;
        const { fields } = parseApplicationBody(`${'#'.repeat(level)} ${label}\n\nhttps://github.com/a/b @abc x@y.org\n`);
        const v = fields[f.name];
        assert.ok(v !== null && !(Array.isArray(v) && v.length === 0), `${f.name} from "${label}"`);
        assert.equal(normaliseLabel(label), normaliseLabel(f.label));
      },
    ),
    { numRuns: 200 },
  );
});
