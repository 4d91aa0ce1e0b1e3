// Runs every test file under test/ (or those whose path contains one of the arguments) with
// node's own test runner; Node 20's --test takes no globs, so the files are listed here.
//
// A full run (no file named) first type-checks the sources (tsc --noEmit), lints them (ESLint,
// eslint.config.js, with its cache in node_modules/.cache) and checks their format (Prettier,
// .prettierrc.json; `npm run format` rewrites), and runs no test when any of them fails:
// `npm test` is then what CI and the hosted workflow both need. A run of chosen files skips both.
//
// Then it bundles the CLI from the current sources (scripts/build.mjs, about a second) into a
// folder of its own for this run, and tells the tests where through STEWARD_TEST_CLI: the tests
// that run `steward` as a user does then start the bundle (~0.3 s) instead of compiling the
// TypeScript through tsx at every start (~1 s). A test file run on its own, without this script,
// runs the CLI from the sources (test/support/cli.ts).
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

function find(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...find(path));
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

// arguments starting with -- go to node's test runner (e.g. --test-reporter=junit
// --test-reporter-destination=out.xml, --test-concurrency=1); the others select files
const options = process.argv.slice(2).filter((a) => a.startsWith('--'));
const filters = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const files = find('test').filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)));
if (files.length === 0) {
  console.error(`no test files match ${filters.join(' ')}`);
  process.exit(2);
}

// Test files run CONCURRENCY at a time (node's default is one fewer than the cores: one at a time
// on CI's two). Each file runs in its own process, and the files share nothing a neighbour could
// change: temporary folders of their own (mkdtemp), loopback ports chosen by the system (port 0),
// SQLite in a temporary folder, PostgreSQL in a schema of their own (test/store/backends.ts). Much
// of a file's time is spent waiting on the processes it starts (git, the CLI), which a second file
// uses. --test-concurrency=N on the command line sets it.
const CONCURRENCY = Math.max(2, availableParallelism());
function defaults(opts) {
  const out = [];
  if (!opts.some((o) => o.startsWith('--test-reporter'))) out.push('--test-reporter=spec');
  if (!opts.some((o) => o.startsWith('--test-concurrency'))) out.push(`--test-concurrency=${CONCURRENCY}`);
  return out;
}

const root = fileURLToPath(new URL('..', import.meta.url));

if (filters.length === 0) {
  const checks = [
    [
      'typecheck',
      [
        join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
        '-p',
        join(root, 'tsconfig.json'),
        '--noEmit',
        '--incremental',
        '--tsBuildInfoFile',
        join(root, 'node_modules', '.cache', 'tsc', 'tsbuildinfo'),
      ],
    ],
    [
      'lint',
      [
        join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'),
        '--cache',
        '--cache-location',
        join(root, 'node_modules', '.cache', 'eslint') + '/',
        root,
      ],
    ],
    [
      'format:check',
      [
        join(root, 'node_modules', 'prettier', 'bin', 'prettier.cjs'),
        '--check',
        '--log-level',
        'warn',
        '--cache',
        '--cache-location',
        join(root, 'node_modules', '.cache', 'prettier', 'cache'),
        root,
      ],
    ],
  ];
  for (const [name, args] of checks) {
    const t0 = Date.now();
    const r = spawnSync(process.execPath, args, { stdio: 'inherit', cwd: root });
    if (r.status !== 0) {
      console.error(
        `run-tests: the ${name} failed (above); no tests ran. Run \`npm run ${name}\` to repeat it alone${name === 'format:check' ? ', `npm run format` to rewrite the files it names' : ''}.`,
      );
      process.exit(1);
    }
    console.log(`run-tests: ${name} passed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
}
// two levels below the root, as the sources find data/ and node_modules from there
mkdirSync(join(root, 'dist'), { recursive: true });
const cliDir = mkdtempSync(join(root, 'dist', 'test-cli-'));
// Ctrl-C (the terminal's signals reach the whole group) stops the test runner; this process
// outlives it to remove the bundle
for (const signal of ['SIGINT', 'SIGHUP']) process.on(signal, () => undefined);
let status = 1;
try {
  const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--out', cliDir], { stdio: 'inherit' });
  if (built.status !== 0) {
    console.error('run-tests: building the CLI from the sources failed; no tests ran');
  } else {
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...defaults(options), ...options, ...files], {
      stdio: 'inherit',
      env: { ...process.env, STEWARD_TEST_CLI: join(cliDir, 'run.js') },
    });
    status = result.status ?? 1;
  }
} finally {
  rmSync(cliDir, { recursive: true, force: true });
}
process.exit(status);
