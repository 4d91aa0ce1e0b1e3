// One reading of GitHub/GitLab repository URLs for the landscape, `steward check` and the form.
import assert from 'node:assert/strict';
import test from 'node:test';
import { GITHUB_COM, parseRepoUrl, readRepoPath, repoHostName } from '../../src/util/repo-url.js';

test('GitHub: host, organisation, repository, page inside it', () => {
  assert.equal(parseRepoUrl('https://github.com')?.kind, 'host');
  assert.deepEqual(parseRepoUrl('https://github.com/pytorch/'), {
    kind: 'org',
    owner: 'pytorch',
    path: ['pytorch'],
    extra: [],
    host: 'github.com',
    hostKind: 'github',
    queryOrFragment: false,
  });
  assert.deepEqual(parseRepoUrl(' https://WWW.GitHub.com/pytorch/vision.git '), {
    kind: 'repo',
    owner: 'pytorch',
    name: 'vision',
    path: ['pytorch', 'vision'],
    extra: [],
    host: 'github.com',
    hostKind: 'github',
    queryOrFragment: false,
  });
  const sub = parseRepoUrl('https://github.com/a/b/tree/main/x');
  assert.equal(sub?.kind, 'subpath');
  assert.deepEqual(sub?.extra, ['tree', 'main', 'x']);
  assert.equal(parseRepoUrl('https://github.com/a/b?tab=readme')?.kind, 'subpath', 'a query is a page view');
  assert.equal(parseRepoUrl('https://github.com/a/b#readme')?.queryOrFragment, true);
  assert.equal(parseRepoUrl('https://github.com/a/.git')?.kind, 'org', 'nothing left of the name');
  assert.equal(parseRepoUrl('https://github.com/a/b.GIT')?.name, 'b.GIT', 'only the lower-case clone suffix is dropped');
});

test('GitLab: subgroups, /-/ pages, a group page', () => {
  const p = parseRepoUrl('https://gitlab.com/group/sub/name.git/-/tree/main');
  assert.equal(p?.kind, 'subpath');
  assert.equal(p?.owner, 'group/sub');
  assert.equal(p?.name, 'name');
  assert.deepEqual(p?.extra, ['tree', 'main']);
  assert.equal(parseRepoUrl('https://gitlab.com/group/sub/name')?.kind, 'repo');
  assert.equal(parseRepoUrl('https://gitlab.com/group')?.kind, 'org');
  assert.equal(parseRepoUrl('https://gitlab.com/-/explore')?.kind, 'host');
});

test('other hosts, and what is not a URL, are not read', () => {
  assert.equal(parseRepoUrl('https://gitlab.com/group/name', GITHUB_COM), undefined);
  assert.equal(parseRepoUrl('https://github.com.evil.example/a/b'), undefined);
  assert.equal(parseRepoUrl('github.com/a/b'), undefined);
  assert.equal(parseRepoUrl('not a url'), undefined);
  assert.equal(parseRepoUrl('https://example.org/__proto__', { 'example.org': 'github' })?.kind, 'org');
  assert.equal(parseRepoUrl('https://constructor/a/b'), undefined, 'a host named like an Object property is not a host');
  assert.equal(repoHostName('WWW.Example.ORG'), 'example.org');
  assert.equal(repoHostName('wwwexample.org'), 'wwwexample.org');
});

test('path reading: .git leaves only the repository segment on GitHub, the last on GitLab', () => {
  assert.deepEqual(readRepoPath(['foo.git'], 'github').path, ['foo.git']);
  assert.deepEqual(readRepoPath(['grp.git'], 'gitlab').path, ['grp']);
  assert.deepEqual(readRepoPath(['a', 'b.git', 'c.git'], 'github'), {
    kind: 'subpath',
    owner: 'a',
    name: 'b',
    path: ['a', 'b'],
    extra: ['c.git'],
  });
  assert.deepEqual(readRepoPath([], 'gitlab'), { kind: 'host', path: [], extra: [] });
});
