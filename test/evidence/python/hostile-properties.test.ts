// Property tests: every packaging and CI reader returns (never throws) on arbitrary input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parsePep508 } from '../../../src/evidence/python/pep508.js';
import { toPep440 } from '../../../src/evidence/python/torch.js';
import { admissionOf } from '../../../src/requirements/judge-torch-support.js';
import { readSetupCfg } from '../../../src/evidence/python/setup-cfg.js';
import { readSetupPy } from '../../../src/evidence/python/setup-py.js';
import { readRequirementsTxt } from '../../../src/evidence/python/requirements-txt.js';
import { parseCondaSpec, readCondaRecipe, readEnvironmentYml } from '../../../src/evidence/python/conda.js';
import { readPyproject } from '../../../src/evidence/python/pyproject.js';
import { scanScript } from '../../../src/evidence/ci/commands.js';
import { extractCi } from '../../../src/evidence/ci/index.js';

// strings built from the characters these formats care about, so the parsers' branches are reached
const alphabet = fc.constantFrom(...'torch=<>!~^*.,;|@[]{}()#\'"\\\n\t :-_0123456789abcxyz+$%&/'.split(''));
const text = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: alphabet, maxLength: 300 }));

test('packaging readers never throw on arbitrary text', () => {
  fc.assert(
    fc.property(text, (s) => {
      parsePep508(s);
      parseCondaSpec(s);
      for (const syntax of ['pep440', 'poetry', 'conda'] as const) {
        toPep440(s, syntax);
        const a = admissionOf({ file: 'f', specifier: s, scope: 'x', optional: false, syntax }, ['2.11', '2.10']);
        for (const v of Object.values(a.admitted)) assert.ok(v === true || v === false || v === null);
      }
      readSetupCfg('setup.cfg', s, []);
      readSetupPy('setup.py', s, []);
      readRequirementsTxt('requirements.txt', s, false);
      readCondaRecipe('meta.yaml', s);
      readEnvironmentYml('environment.yml', s, false, []);
      readPyproject('pyproject.toml', s, []);
    }),
    { numRuns: 400 },
  );
});

test('CI readers never throw on arbitrary text', () => {
  fc.assert(
    fc.property(text, (s) => {
      scanScript(s);
      const files = Object.fromEntries(
        [
          '.github/workflows/x.yml',
          '.gitlab-ci.yml',
          '.circleci/config.yml',
          'azure-pipelines.yml',
          '.travis.yml',
          'Jenkinsfile',
          '.buildkite/p.yml',
          'Makefile',
        ].map((p) => [p, { path: p, size: s.length, text: s }]),
      );
      const ev = extractCi(files, []);
      assert.ok(Array.isArray(ev.workflows));
    }),
    { numRuns: 200 },
  );
});
