// The registered community files (src/evidence/community/kinds/) and where governance is written
// are gathered once as typed facts (the files the gatherer reads follow the registry); CONTRIBUTING,
// governance and the SECURITY / SUPPORT / RELEASE rules judge those facts, say which message they chose with its data, and evidence stored before
// the facts existed is given them from its stored files before it is judged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extractCommunity, wantsCommunityFile } from '../../src/evidence/community.js';
import type { CommunityFileKind } from '../../src/evidence/community/kind.js';
import { COMMUNITY_FILE_KINDS } from '../../src/evidence/community/kinds/index.js';
import { currentEvidence } from '../../src/evidence/stored.js';
import { contributing } from '../../src/requirements/contributing.js';
import { governance } from '../../src/requirements/governance.js';
import { securityPolicy } from '../../src/requirements/security-policy.js';
import { releaseProcess } from '../../src/requirements/release-process.js';
import { codeOfConduct } from '../../src/requirements/code-of-conduct.js';
import type { Evidence } from '../../src/evidence/types.js';
import { REPO_ROOT } from '../support/cli.js';
import { evaluateWith, makeEvidence } from '../support/evidence.js';

const files = {
  '.github/CONTRIBUTING.md': '# Contributing\n\nOpen an issue first.\n',
  'GOVERNANCE.md': '# Governance\n\nThe maintainers decide by lazy consensus.\n',
  'SECURITY.md': { symlink: '../outside/SECURITY.md' },
  'docs/process/RELEASE.md': '# Releases\n\nMonthly.\n',
};

test('the registered community files are the modules of their folder, each named by its id', () => {
  const dir = join(REPO_ROOT, 'src', 'evidence', 'community', 'kinds');
  const modules = readdirSync(dir).filter((n) => n.endsWith('.ts') && n !== 'index.ts');
  assert.deepEqual(COMMUNITY_FILE_KINDS.map((k) => `${k.id}.ts`).sort(), modules.sort());
});

test('the gatherer reads the registered community files in every place: its list is the registry, not one of its own', () => {
  for (const kind of COMMUNITY_FILE_KINDS) {
    const name = `${kind.id.toUpperCase().replace(/-/g, '_')}.md`;
    assert.ok(kind.matches(name), name);
    for (const dir of ['', '.github/', 'docs/']) assert.ok(wantsCommunityFile(`${dir}${name}`), `${dir}${name}`);
    assert.equal(wantsCommunityFile(`src/${name}`), false);
  }
  // a kind registered later is read with no other edit
  const kinds = COMMUNITY_FILE_KINDS as CommunityFileKind[];
  assert.equal(wantsCommunityFile('.github/FUNDING.yml'), false);
  kinds.push({ id: 'funding', name: 'FUNDING file', matches: (b) => /^funding\.ya?ml$/i.test(b) });
  try {
    assert.ok(wantsCommunityFile('.github/FUNDING.yml'));
  } finally {
    kinds.pop();
  }
  // names no reader takes are not read (SECURITY is SECURITY or SECURITY.md …, not SECURITY-INSIGHTS.yml)
  assert.equal(wantsCommunityFile('SECURITY-INSIGHTS.yml'), false);
  // the README and the ownership files are read by their own readers
  for (const p of ['README.rst', '.github/CODEOWNERS', 'MAINTAINERS.md', 'docs/OWNERS', 'EMERITUS.md']) assert.ok(wantsCommunityFile(p), p);
});

test('each community file is gathered as plain data: where it is, why it cannot be used, the files deeper in docs/', () => {
  const c = extractCommunity(makeEvidence({ files }));
  assert.deepEqual(JSON.parse(JSON.stringify(c)), c, 'JSON-safe: stored and re-judged as it is');
  assert.deepEqual(c.files.contributing, { found: [{ path: '.github/CONTRIBUTING.md', notes: [] }], deeper: [] });
  assert.deepEqual(
    c.files.governance!.found.map((f) => [f.path, f.excerpt]),
    [['GOVERNANCE.md', 'The maintainers decide by lazy consensus.']],
  );
  assert.equal(c.files.security!.found[0]!.path, 'SECURITY.md');
  assert.match(c.files.security!.found[0]!.problem!, /symlink/);
  assert.deepEqual(c.files.release, { found: [], deeper: ['docs/process/RELEASE.md'] });
  assert.equal('text' in c.files.contributing!.found[0]!, false, 'the text stays in the evidence files, not twice');
});

test('a README "Governance" section and a docs governance page are gathered with their opening', () => {
  const c = extractCommunity(
    makeEvidence({
      files: {
        'README.md': '# x\n\nA tool.\n\n## Project governance\n\nThe TSC decides.\n',
        'docs/about/governance.md': '# Gov\n\nBy vote.\n',
      },
    }),
  );
  assert.deepEqual(c.governance, {
    pages: [{ path: 'docs/about/governance.md', excerpt: 'By vote.' }],
    readmeSection: { path: 'README.md', heading: 'Project governance', line: 5, excerpt: 'The TSC decides.' },
  });
});

test('the rules judge the gathered facts, not the files, and name the message they chose', () => {
  const e = makeEvidence({ files });
  const c = evaluateWith(contributing, e);
  assert.deepEqual([c.status, c.message], ['pass', { id: 'found', data: { path: '.github/CONTRIBUTING.md', symlink: '', notes: '' } }]);
  const g = evaluateWith(governance, e);
  assert.deepEqual([g.status, g.message], ['pass', { id: 'documented', data: { path: 'GOVERNANCE.md' } }]);
  const s = evaluateWith(securityPolicy, e);
  assert.equal(s.status, 'fail');
  assert.equal(s.message?.id, 'broken');
  assert.deepEqual(evaluateWith(releaseProcess, e).message, { id: 'deeper', data: { path: 'docs/process/RELEASE.md' } });

  // the files are still there, but the facts say none: the rules follow the facts
  const without = { ...e, community: extractCommunity(makeEvidence({})) };
  assert.equal(evaluateWith(governance, without).message?.id, 'missing');
  assert.equal(evaluateWith(releaseProcess, without).message?.id, 'missing');
  assert.notEqual(evaluateWith(contributing, without).status, 'pass');
});

test('evidence stored with only the ownership facts is given the community files before it is judged, and judges as gathered now', () => {
  const gathered = makeEvidence({ files: { ...files, 'README.md': '# x\n\n## Governance\n\nVotes.\n' } });
  const stored = { ...gathered, community: { ownership: gathered.community.ownership } } as unknown as Evidence;
  const upgraded = currentEvidence(stored);
  assert.deepEqual(upgraded.community, gathered.community);
  for (const rule of [contributing, governance, securityPolicy, releaseProcess])
    assert.deepEqual(evaluateWith(rule, upgraded), evaluateWith(rule, gathered), rule.meta.key);
});

test('which code of conduct a file holds is gathered with it; the rule judges that fact and names its message', () => {
  const e = makeEvidence({
    files: { 'CODE_OF_CONDUCT.md': '# Code of Conduct\n\nWe follow https://lfprojects.org/policies/code-of-conduct/\n' },
  });
  const found = e.community.files['code-of-conduct']!.found[0]!;
  assert.equal(found.codeOfConduct?.kind, 'linux-foundation');
  const r = evaluateWith(codeOfConduct, e);
  assert.equal(r.status, 'pass');
  assert.equal(r.message?.id, 'adopted');
  assert.equal(r.summary, `CODE_OF_CONDUCT.md adopts ${r.message!.data['code']}${r.message!.data['recognised']}.`);
  // the file says the Linux Foundation's, the facts say the Contributor Covenant: the facts win
  const other = structuredClone(e);
  other.community.files['code-of-conduct']!.found[0]!.codeOfConduct = {
    kind: 'contributor-covenant',
    version: '2.1',
    alsoMentions: [],
    words: 40,
  };
  assert.equal(evaluateWith(codeOfConduct, other).message?.id, 'unapproved');
  // stored before the code-of-conduct kind was registered: gathered again from the stored files
  const { 'code-of-conduct': _coc, ...rest } = e.community.files;
  const stored = { ...e, community: { ...e.community, files: rest } } as Evidence;
  assert.deepEqual(currentEvidence(stored).community, e.community);
});
