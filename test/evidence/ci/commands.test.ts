import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeTarget, publishAction, scanScript } from '../../../src/evidence/ci/commands.js';

function tools(script: string): string[] {
  return scanScript(script).map((m) => `${m.kind}:${m.tool}${m.makeTarget !== undefined ? `(${m.makeTarget})` : ''}@${m.lineOffset}`);
}

test('test runners in command position are found, with the line they start on', () => {
  assert.deepEqual(tools('pytest'), ['test:pytest@0']);
  assert.deepEqual(tools('python -m pytest -x tests/'), ['test:pytest@0']);
  assert.deepEqual(tools('uv run pytest'), ['test:pytest@0']);
  assert.deepEqual(tools('xvfb-run -a coverage run -m pytest'), ['test:pytest@0']);
  assert.deepEqual(tools('cd src && tox -e py311'), ['test:tox@0']);
  assert.deepEqual(tools('nox -s tests'), ['test:nox@0']);
  assert.deepEqual(tools('python3.12 -m unittest discover -s tests'), ['test:unittest@0']);
  assert.deepEqual(tools('make test'), ['test:make test@0']);
  assert.deepEqual(tools('make -C python -j 4 tests-cpu'), ['test:make test@0']);
  assert.deepEqual(tools('hatch test'), ['test:hatch test@0']);
  assert.deepEqual(tools('pixi run test-gpu'), ['test:run test script@0']);
  assert.deepEqual(tools('python test/run_test.py --verbose'), ['test:python test script@0']);
  assert.deepEqual(tools('npm test'), ['test:npm test@0']);
  assert.deepEqual(tools('npm run test:unit'), ['test:npm test@0']);
  assert.deepEqual(tools('cargo test --workspace'), ['test:cargo test@0']);
  assert.deepEqual(tools('cd build && ctest --output-on-failure'), ['test:ctest@0']);
  assert.deepEqual(tools('set -e\n\npytest \\\n  --cov \\\n  tests\nmake ci'), ['test:pytest@2', 'test:make(ci)@5']);
});

test('installing, echoing or naming a runner is not running it', () => {
  assert.deepEqual(tools('pip install pytest tox nox'), []);
  assert.deepEqual(tools('python -m pip install -U pytest'), []);
  assert.deepEqual(tools('uv pip install pytest'), []);
  assert.deepEqual(tools('echo "now run pytest"'), []);
  assert.deepEqual(tools('# pytest'), []);
  assert.deepEqual(tools('pip install tox-gh-actions'), []);
  assert.deepEqual(tools('python setup.py build'), []);
  assert.deepEqual(tools('npm install test-utils'), []);
  assert.deepEqual(tools('npm run typecheck'), []);
});

test('publish commands and actions', () => {
  assert.deepEqual(tools('python -m twine upload --skip-existing dist/*'), ['publish:twine upload@0']);
  assert.deepEqual(tools('uv build && uv publish'), ['publish:uv publish@0']);
  assert.deepEqual(tools('poetry publish --build'), ['publish:poetry publish@0']);
  assert.deepEqual(tools('anaconda -t $TOKEN upload --user me pkg.tar.bz2'), ['publish:anaconda upload@0']);
  assert.deepEqual(tools('pip install twine'), []);
  assert.equal(publishAction('pypa/gh-action-pypi-publish@release/v1', undefined), 'pypa/gh-action-pypi-publish');
  assert.equal(publishAction('PyO3/maturin-action@v1', { command: 'upload' }), 'maturin-action upload');
  assert.equal(publishAction('PyO3/maturin-action@v1', { command: 'build' }), undefined);
  assert.equal(publishAction('actions/checkout@v4', undefined), undefined);
});

test('make targets: options with arguments skipped; the default goal is ``', () => {
  assert.equal(makeTarget('make -C docs -f Makefile.ci html'), 'html');
  assert.equal(makeTarget('make'), '');
  assert.equal(makeTarget('make PYTHON=python3 check'), 'check');
  assert.equal(makeTarget('cmake ..'), undefined);
});

test('hostile scripts stay linear', () => {
  const start = Date.now();
  scanScript(('anaconda ' + '-a '.repeat(3000) + 'x\n').repeat(20));
  scanScript('make ' + '-j '.repeat(5000));
  scanScript('python ' + '-x '.repeat(3000) + 'y');
  scanScript('a \\\n'.repeat(20000));
  assert.ok(Date.now() - start < 2000, `took ${Date.now() - start} ms`);
});

test("a project's own shell test driver counts; a setup script does not", () => {
  assert.deepEqual(tools('SKIP_DISTRIB_TESTS=1 bash tests/run_cpu_tests.sh'), ['test:shell test script@0']);
  assert.deepEqual(tools('sh ./testing/all.sh -v'), ['test:shell test script@0']);
  assert.deepEqual(tools('./run_tests.sh'), ['test:shell test script@0']);
  assert.deepEqual(tools('bash .github/workflows/install_docs_deps.sh'), []);
  assert.deepEqual(tools('bash scripts/setup.sh'), []);
  assert.deepEqual(tools('python tests/check_all.py'), ['test:python test script@0']);
  assert.deepEqual(tools('python scripts/build_docs.py'), []);
});

test('a driver asked for a job that is not testing is not a test step: lint, format, docs', () => {
  assert.deepEqual(tools('./run_tests.sh lint\n./run_tests.sh tests'), ['test:shell test script@1']);
  assert.deepEqual(tools('bash scripts/run_tests.sh --fast format'), []);
  assert.deepEqual(tools('./run_tests.sh unit'), ['test:shell test script@0'], 'any other job is taken as tests');
  assert.deepEqual(tools('python run_tests.py docs'), []);
  assert.deepEqual(tools('tox -e lint,mypy'), []);
  assert.deepEqual(tools('tox -e lint,py311'), ['test:tox@0'], 'one testing environment among them is a test run');
  assert.deepEqual(tools('nox -s lint'), []);
  assert.deepEqual(tools('nox -s tests'), ['test:nox@0']);
  assert.deepEqual(
    tools('tox -e tests-integration --notest\ntox -e tests-integration -- -x'),
    ['test:tox@1'],
    'the environment is built by the first, run by the second',
  );
  assert.deepEqual(tools('pip install -e . && python -m einops.tests.run_tests numpy'), ['test:python test module@0']);
  assert.deepEqual(tools('python -m build'), []);
});
