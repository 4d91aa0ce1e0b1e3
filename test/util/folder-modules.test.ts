// A registry that is a folder (src/util/folder-modules.ts) holds every module of its folder, run
// from the sources and in both bundles (scripts/lib/folder-modules.mjs), so adding a CI system is
// adding its file.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { isFolderModule, namedByFile } from '../../src/util/folder-modules.js';
import { CI_SYSTEMS, ciFilesShown } from '../../src/evidence/ci/systems/index.js';
import { buildRepo, cleanupTemp, tempDir } from '../support/repo.js';
import { REPO_ROOT } from '../support/cli.js';
// @ts-expect-error the build scripts are plain JavaScript
import { folderModulesPlugin, isFolderModule as bundleRule } from '../../scripts/lib/folder-modules.mjs';

const SYSTEMS_DIR = join(REPO_ROOT, 'src', 'evidence', 'ci', 'systems');
const systemFiles = () => readdirSync(SYSTEMS_DIR).filter((n) => n.endsWith('.ts') && n !== 'index.ts');
const built: string[] = [];
after(() => {
  cleanupTemp();
  for (const d of built) rmSync(d, { recursive: true, force: true });
});

test('the sources and the build agree on which files of a folder are its modules', () => {
  const names = ['a.ts', 'index.ts', 'b.d.ts', 'README.md', 'c.js', 'gitlab-ci.ts', 'x.ts.orig'];
  assert.deepEqual(
    names.map((n) => isFolderModule(n)),
    names.map((n) => (bundleRule as (n: string) => boolean)(n)),
  );
  assert.deepEqual(names.filter(isFolderModule), ['a.ts', 'gitlab-ci.ts']);
});

test('the registered CI systems are the modules of src/evidence/ci/systems/, each named by its id', () => {
  assert.deepEqual(CI_SYSTEMS.map((s) => `${s.id}.ts`).sort(), systemFiles().sort());
});

test('a module added to a registry folder is in the bundle built next, with no other edit', async () => {
  const root = tempDir();
  const dir = join(root, 'src', 'things');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(root, 'package.json'), '{ "type": "module" }\n');
  const util = pathToFileURL(join(REPO_ROOT, 'src', 'util', 'folder-modules.ts')).href;
  writeFileSync(
    join(dir, 'index.ts'),
    `import { folderModules } from ${JSON.stringify(util)};\nexport const ids = (await folderModules(import.meta.url)).map((m) => m.exports.default);\n`,
  );
  const bundle = async (name: string) => {
    const outfile = join(root, `${name}.mjs`);
    await build({
      entryPoints: [join(dir, 'index.ts')],
      outfile,
      bundle: true,
      format: 'esm',
      platform: 'node',
      logLevel: 'silent',
      plugins: [folderModulesPlugin()],
    });
    const text = readFileSync(outfile, 'utf8');
    assert.doesNotMatch(text, /readdirSync/, 'the bundle lists no folder when it runs');
    return ((await import(pathToFileURL(outfile).href)) as { ids: string[] }).ids;
  };
  writeFileSync(join(dir, 'alpha.ts'), "export default 'alpha';\n");
  writeFileSync(join(dir, 'beta.ts'), "export default 'beta';\n");
  assert.deepEqual(await bundle('first'), ['alpha', 'beta']);
  writeFileSync(join(dir, 'gamma.ts'), "export default 'gamma';\n");
  assert.deepEqual(await bundle('second'), ['alpha', 'beta', 'gamma']);
  // and from the sources the same folder is listed when it loads
  const fromSource = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      `const m = await import(${JSON.stringify(pathToFileURL(join(dir, 'index.ts')).href)}); console.log(m.ids.join(','))`,
    ],
    { encoding: 'utf8', cwd: REPO_ROOT },
  );
  assert.equal(fromSource.stdout.trim(), 'alpha,beta,gamma', fromSource.stderr);
});

test('the CLI bundle registers every CI system of the folder: a report without CI names each file', async () => {
  const out = mkdtempSync(join(REPO_ROOT, 'dist', 'registry-test-'));
  built.push(out);
  const b = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build.mjs'), '--out', out], { cwd: REPO_ROOT, encoding: 'utf8' });
  assert.equal(b.status, 0, b.stderr);
  const repo = await buildRepo({ commits: [{ date: '2026-11-01T00:00:00Z', files: { 'README.md': '# Demo\n' } }] });
  const r = spawnSync(process.execPath, [join(out, 'run.js'), 'check', repo, '--offline', '--as-of', '2026-11-27', '--format', 'json'], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  const ci = (JSON.parse(r.stdout) as { requirements: { key: string; summary: string }[] }).requirements.find(
    (q) => q.key === 'working-ci',
  )!;
  assert.equal(ci.summary, `No CI configuration was found (${ciFilesShown()}).`);
  assert.equal(ciFilesShown().split(', ').length, systemFiles().length);
});

// Each registry and its folder; the Action bundle must hold every one with the folder's files listed
const REGISTRIES = [
  { name: 'CI_SYSTEMS', dir: join('src', 'evidence', 'ci', 'systems') },
  { name: 'PACKAGING_FORMATS', dir: join('src', 'evidence', 'python', 'formats') },
  { name: 'COMMUNITY_FILE_KINDS', dir: join('src', 'evidence', 'community', 'kinds') },
];

test('the Action bundle registers every module of each registry folder', () => {
  const out = tempDir();
  const b = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build-action.mjs'), '--out', out], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  assert.equal(b.status, 0, b.stderr);
  const text = readFileSync(join(out, 'index.js'), 'utf8');
  assert.doesNotMatch(text, /folderModules\(import\.meta\.url\)/, 'no registry is left to list its folder when it runs');
  for (const { name, dir } of REGISTRIES) {
    // the build puts the folder's modules where the awaited call was: `NAME = [{ file, exports }, …]`
    const listed = new RegExp(`${name} = \\[(\\{ file: .*?)\\]`).exec(text);
    assert.ok(listed, `the Action bundle holds the ${name} registry with its modules listed`);
    assert.deepEqual(
      [...listed[1]!.matchAll(/file: "([^"]+)"/g)].map((m) => m[1]),
      readdirSync(join(REPO_ROOT, dir)).filter(isFolderModule).sort(),
      name,
    );
  }
});

test("a registry's entry is its module's default export, refused when its id is not the file's name", () => {
  const named = namedByFile<{ id: string }>('src/things', 'a thing');
  assert.deepEqual(named({ file: 'alpha.ts', exports: { default: { id: 'alpha' } } }), { id: 'alpha' });
  assert.throws(
    () => named({ file: 'beta.ts', exports: { default: { id: 'alpha' } } }),
    /^Error: src\/things\/beta\.ts: its default export must be a thing whose id is the file's name$/,
  );
  assert.throws(() => named({ file: 'gamma.ts', exports: {} }), /gamma\.ts: its default export must be a thing/);
});
