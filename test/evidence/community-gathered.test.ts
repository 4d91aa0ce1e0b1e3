// Community files become typed evidence at gathering: requirements 11 and 18 read
// `community.ownership`, not the files, and evidence stored without that section gets it from its
// stored files before it is judged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractCommunity } from '../../src/evidence/community.js';
import { currentEvidence } from '../../src/evidence/stored.js';
import { codeowners } from '../../src/requirements/codeowners.js';
import { coreMaintainers } from '../../src/requirements/core-maintainers.js';
import type { Evidence } from '../../src/evidence/types.js';
import { ctx, evaluateRule, makeEvidence } from '../support/evidence.js';

const files = {
  '.github/CODEOWNERS': '* @alice @acme/core\n# Emeritus\n# @carol\n',
  'MAINTAINERS.md': '# Maintainers\n\n- Bob <bob@example.org>\n',
};

test('ownership is gathered as plain data: the CODEOWNERS rules and owners, MAINTAINERS people, retired owners', () => {
  const e = makeEvidence({ files });
  const own = extractCommunity(e).ownership;
  assert.deepEqual(JSON.parse(JSON.stringify(own)), own, 'JSON-safe: stored and re-judged as it is');
  assert.equal(own.codeowners.file?.path, '.github/CODEOWNERS');
  assert.equal('text' in own.codeowners.file!, false, 'the text stays in the evidence files, not twice');
  assert.deepEqual(
    own.codeowners.parsed?.owners.map((o) => [o.kind, o.id]),
    [
      ['user', 'alice'],
      ['team', 'acme/core'],
    ],
  );
  assert.deepEqual(
    own.emeritus.map((d) => d.names),
    [['@carol']],
  );
  assert.deepEqual(
    own.maintainers.map((m) => [m.path, m.people.map((p) => p.email)]),
    [['MAINTAINERS.md', ['bob@example.org']]],
  );
});

test('requirements 11 and 18 judge the gathered facts, not the files', () => {
  const e = makeEvidence({ files });
  const without = { ...e, community: extractCommunity(makeEvidence({})) };
  assert.equal(evaluateRule(codeowners, e, ctx()).status, 'pass');
  assert.equal(evaluateRule(codeowners, without, ctx()).status, 'fail', 'the CODEOWNERS file is still in the files; the facts say none');
  assert.notDeepEqual(evaluateRule(coreMaintainers, e, ctx()).measured, evaluateRule(coreMaintainers, without, ctx()).measured);
});

test('evidence stored before the community section judges as evidence gathered now', () => {
  const gathered = makeEvidence({ files });
  const { community: _c, ...stored } = gathered;
  const upgraded = currentEvidence(stored as Evidence);
  assert.deepEqual(upgraded.community, gathered.community);
  assert.deepEqual(evaluateRule(codeowners, upgraded, ctx()), evaluateRule(codeowners, gathered, ctx()));
  assert.deepEqual(evaluateRule(coreMaintainers, upgraded, ctx()), evaluateRule(coreMaintainers, gathered, ctx()));
});
