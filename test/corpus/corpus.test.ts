// The checker against facts read without it, on real ecosystem repositories (test/corpus/
// expected.json, each fact with its source). Runs when the mirrors are present: STEWARD_CORPUS_DIR
// (default /work/.mirror) holding OWNER+NAME/repo bare clones at the recorded commits; a mirror
// that is absent or at another commit is skipped with the reason printed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../../src/check/index.js';

interface Fact<T> {
  value: T;
  source: string;
}
interface Expected {
  commit: string;
  asOf: string;
  path?: string;
  facts: {
    windowCommits: Fact<number>;
    readme: Fact<string | null>;
    codeowners: Fact<string | null>;
    license: Fact<string | null>;
    torch: { declaredIn: string[]; specifier: string[]; source: string };
    testDir: Fact<string>;
    /** where the CI step that runs the tests is, when read by hand */
    ciTestStep?: Fact<string>;
  };
}

const ROOT = process.env['STEWARD_CORPUS_DIR'] ?? '/work/.mirror';
const corpus = JSON.parse(readFileSync(new URL('./expected.json', import.meta.url), 'utf8')) as { repositories: Record<string, Expected> };

function headOf(dir: string): string | undefined {
  try {
    return execFileSync('git', ['-C', dir, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

for (const [name, e] of Object.entries(corpus.repositories)) {
  const dir = join(ROOT, name, 'repo');
  const head = existsSync(dir) ? headOf(dir) : undefined;
  const skip =
    head === undefined
      ? `${dir} is absent (fetch the mirror or set STEWARD_CORPUS_DIR)`
      : head !== e.commit
        ? `${dir} is at ${head.slice(0, 12)}, the facts are for ${e.commit.slice(0, 12)}`
        : false;
  if (skip) console.log(`# corpus: skipping ${name}: ${skip}`);
  test(`corpus: ${name}${e.path ? ` --path ${e.path}` : ''} at ${e.commit.slice(0, 12)}, as of ${e.asOf}`, { skip }, async () => {
    const { report } = await check(dir, {
      asOf: new Date(`${e.asOf}T00:00:00Z`),
      offline: true,
      rev: e.commit,
      ...(e.path ? { path: e.path } : {}),
    });
    const m = Object.fromEntries(report.requirements.map((r) => [r.key, r.measured])) as Record<string, Record<string, unknown>>;
    const f = e.facts;
    const commits = m['recent-commits']!;
    assert.equal(
      (commits['commits'] as number) + (commits['botCommits'] as number),
      f.windowCommits.value,
      `window commits (${f.windowCommits.source})`,
    );
    assert.equal(m['readme']!['path'], f.readme.value, `README (${f.readme.source})`);
    assert.equal(m['codeowners']!['path'], f.codeowners.value, `CODEOWNERS (${f.codeowners.source})`);
    assert.equal(m['permissive-license']!['spdx'] ?? null, f.license.value, `license (${f.license.source})`);
    assert.deepEqual(m['pytorch-support']!['declaredIn'], f.torch.declaredIn, `torch declared in (${f.torch.source})`);
    // PEP 440 allows spaces inside a specifier (`torch == 1.12`): compared without them
    const bare = (xs: unknown) => (xs as string[]).map((x) => x.replace(/\s+/g, ''));
    assert.deepEqual(bare(m['pytorch-support']!['specifier']), bare(f.torch.specifier), `torch specifier (${f.torch.source})`);
    const examples = m['functional-testing']!['examples'] as string[];
    assert.ok(
      examples[0]?.startsWith(f.testDir.value),
      `the first test source ${examples[0]} is in ${f.testDir.value} (${f.testDir.source})`,
    );
    if (f.ciTestStep)
      assert.ok(
        String(m['functional-testing']!['ciStep']).startsWith(`${f.ciTestStep.value}: `),
        `CI test step ${m['functional-testing']!['ciStep']} (${f.ciTestStep.source})`,
      );
    if (e.path) assert.equal(report.target.path, e.path);
  });
}
