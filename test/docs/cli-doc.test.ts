// docs/cli.md is a test: its ```sh blocks run in order, as one shell session in an empty
// directory, with `steward` (the bundled CLI: run-tests' own, else bin/steward.js) on PATH and STEWARD_SRC naming
// this checkout — once on a fresh SQLite store and once on a fresh PostgreSQL schema (skipped,
// saying why, only when PostgreSQL cannot be reached). A block that fails fails the test with the
// block's text and what it printed. A line starting with `! ` must be refused: it fails the
// block when it succeeds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PG_URL, postgresUnavailable } from '../store/backends.js';
import { bundledCli } from '../support/bundle.js';
import { REPO_ROOT } from '../support/cli.js';
import { cleanupTemp, tempDir } from '../support/repo.js';

test.after(cleanupTemp);

const DOC = join(REPO_ROOT, 'docs', 'cli.md');
const MARK = '@@steward-doc-block';

export interface ShBlock {
  /** 1-based line of the opening fence */
  line: number;
  text: string;
}

/** The ```sh blocks of a Markdown text, in order. */
export function shBlocks(markdown: string): ShBlock[] {
  const blocks: ShBlock[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() !== '```sh') continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i]!.trim() !== '```'; i++) body.push(lines[i]!);
    blocks.push({ line: start + 1, text: body.join('\n') });
  }
  return blocks;
}

/**
 * A block as the script runs it: a `! command` (continued over lines ending in `\`) fails the
 * block when the command succeeds, where a bare `!` under `set -e` would let it pass.
 */
function runnable(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith('! ')) {
      out.push(lines[i]!);
      continue;
    }
    const command = [lines[i]!.slice(2)];
    while (command.at(-1)!.endsWith('\\') && i + 1 < lines.length) command.push(lines[++i]!);
    const shown = command
      .map((l) => l.replace(/\s*\\$/, ''))
      .join(' ')
      .replace(/\s+#.*$/, '')
      .replace(/["\\$`]/g, '\\$&');
    out.push('if', ...command, `then echo "expected a refusal, but it succeeded: ${shown}" >&2; exit 1; fi`);
  }
  return out.join('\n');
}

interface Run {
  code: number | null;
  output: string;
  ms: number;
}

/** A command that hangs must not hang the suite: the walk is stopped after this long. */
const WALK_LIMIT_MS = Number(process.env.STEWARD_DOC_LIMIT_MS ?? 600_000);

function runScript(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    // its own process group, so a hanging command is stopped with the shell
    const child = spawn('bash', [script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    const timer = setTimeout(() => {
      output += `\n(stopped: the walk ran longer than ${WALK_LIMIT_MS / 1000} s)\n`;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, WALK_LIMIT_MS);
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, ms: Date.now() - started });
    });
  });
}

/** Stops what the walk started in the background and did not stop (a stand-in's DIR/pid). */
function stopLeftovers(dir: string): void {
  for (const name of readdirSync(dir)) {
    const pidFile = join(dir, name, 'pid');
    if (!existsSync(pidFile)) continue;
    const pid = Number(readFileSync(pidFile, 'utf8'));
    try {
      if (pid > 0) process.kill(pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
}

async function walk(store: { DATABASE_URL?: string; STEWARD_PG_SCHEMA?: string }): Promise<Run> {
  const cli = bundledCli();
  const blocks = shBlocks(readFileSync(DOC, 'utf8'));
  assert.ok(blocks.length > 10, `docs/cli.md has ${blocks.length} sh blocks`);
  const root = tempDir('steward-doc-');
  const bin = join(root, 'bin');
  const work = join(root, 'walk');
  mkdirSync(bin);
  mkdirSync(work);
  writeFileSync(join(bin, 'steward'), `#!/bin/sh\nexec "${process.execPath}" ${cli.map((a) => `"${a}"`).join(' ')} "$@"\n`);
  chmodSync(join(bin, 'steward'), 0o755);
  const script = join(root, 'walk.sh');
  writeFileSync(
    script,
    [
      'set -e -o pipefail',
      'exec 2>&1',
      ...blocks.flatMap((b, i) => [`printf '\\n${MARK} %s %s@@\\n' ${i} "$(date +%s%3N)"`, runnable(b.text)]),
      `printf '\\n${MARK} end %s@@\\n' "$(date +%s%3N)"`,
      '',
    ].join('\n'),
  );
  // the environment of a new staff member: nothing of the caller's Steward settings leaks in
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (!/^(STEWARD_|DATABASE_URL$|GITHUB_TOKEN$|GH_TOKEN$|NODE_OPTIONS$)/.test(k)) env[k] = v;
  Object.assign(env, {
    PATH: `${bin}:${process.env.PATH ?? ''}`,
    STEWARD_SRC: REPO_ROOT,
    NO_COLOR: '1',
    TZ: 'UTC',
    HOME: root,
    XDG_DATA_HOME: join(root, 'xdg'),
    ...store,
  });
  let run: Run;
  try {
    run = await runScript(script, work, env);
  } finally {
    stopLeftovers(work);
  }
  // STEWARD_DOC_OUTPUT=FILE keeps what the walk printed, for whoever edits the page
  if (process.env.STEWARD_DOC_OUTPUT) writeFileSync(`${process.env.STEWARD_DOC_OUTPUT}${store.DATABASE_URL ? '.pg' : ''}`, run.output);
  if (run.code !== 0) {
    const parts = run.output.split(new RegExp(`\\n?${MARK} `));
    const last = parts.at(-1)!;
    const index = Number(/^(\d+) /.exec(last)?.[1]);
    const block = blocks[index];
    const printed = last.replace(/^\d+ \d+@@\n?/, '');
    assert.fail(
      block
        ? `docs/cli.md: the block at line ${block.line} failed (exit ${run.code}):\n\n${block.text}\n\n--- it printed:\n${printed}`
        : `docs/cli.md: the walk failed before its first block (exit ${run.code}):\n${run.output}`,
    );
  }
  return run;
}

/** The slowest blocks of a run, for keeping the walk fast: "line 120: 4.2 s, …". */
function slowest(run: Run, blocks: ShBlock[]): string {
  const marks = [...run.output.matchAll(new RegExp(`${MARK} (\\d+|end) (\\d+)@@`, 'g'))].map((m) => ({ i: m[1]!, t: Number(m[2]) }));
  const spans = marks.slice(0, -1).map((m, k) => ({ line: blocks[Number(m.i)]?.line, ms: marks[k + 1]!.t - m.t }));
  return spans
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5)
    .map((s) => `line ${s.line}: ${(s.ms / 1000).toFixed(1)} s`)
    .join(', ');
}

test('docs/cli.md: its sh blocks are found, in order, and `! ` lines are refusals', () => {
  const blocks = shBlocks('text\n```sh\na\n! b --x\n```\n```console\nno\n```\n  ```sh\nc\n  ```\n');
  assert.deepEqual(blocks, [
    { line: 2, text: 'a\n! b --x' },
    { line: 9, text: 'c' },
  ]);
  assert.equal(
    runnable('! steward x "y"   # no'),
    'if\nsteward x "y"   # no\nthen echo "expected a refusal, but it succeeded: steward x \\"y\\"" >&2; exit 1; fi',
  );
  assert.equal(
    runnable('a\n! steward x \\\n  --on 1\nb'),
    'a\nif\nsteward x \\\n  --on 1\nthen echo "expected a refusal, but it succeeded: steward x   --on 1" >&2; exit 1; fi\nb',
  );
});

test('docs/cli.md runs as written on a fresh SQLite store', async () => {
  const run = await walk({});
  console.log(`docs/cli.md on SQLite: ${run.ms} ms; slowest blocks: ${slowest(run, shBlocks(readFileSync(DOC, 'utf8')))}`);
});

test('docs/cli.md runs as written on PostgreSQL', async (t) => {
  const why = await postgresUnavailable();
  if (why) return t.skip(why);
  const schema = `steward_doc_${randomBytes(6).toString('hex')}`;
  try {
    const run = await walk({ DATABASE_URL: PG_URL, STEWARD_PG_SCHEMA: schema });
    console.log(`docs/cli.md on PostgreSQL: ${run.ms} ms; slowest blocks: ${slowest(run, shBlocks(readFileSync(DOC, 'utf8')))}`);
  } finally {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(`drop schema if exists ${schema} cascade`).finally(() => client.end());
  }
});
