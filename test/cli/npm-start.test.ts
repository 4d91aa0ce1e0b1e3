// `npm start` (package.json's start script, `node bin/steward.js demo`) builds the demo world and
// serves it: started as that script starts it, it prints its address, answers a page there over
// HTTP and stops cleanly on SIGTERM. Every wait ends on an event (a line printed, an exit, an
// answer) with a generous bound, so a loaded machine makes it slower, not red.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBundle } from '../support/bundle.js';
import { REPO_ROOT } from '../support/cli.js';
import { cleanupTemp, tempDir } from '../support/repo.js';

after(cleanupTemp);

/** Resolves with the first match of `pattern` in what the child has printed on `stream`; rejects when it exits first or `ms` pass. */
function printed(child: ChildProcess, pattern: RegExp, ms: number, out: { text: string }): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`nothing matched ${pattern} within ${ms / 1000} s`)), ms);
    const onData = () => {
      const m = pattern.exec(out.text);
      if (m) done(undefined, m);
    };
    const onExit = (code: number | null, signal: string | null) =>
      done(new Error(`it exited (${code ?? signal}) before printing ${pattern}`));
    function done(err?: Error, m?: RegExpExecArray) {
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.off('exit', onExit);
      if (err) reject(err);
      else resolve(m!);
    }
    child.stdout!.on('data', onData);
    child.on('exit', onExit);
    onData();
  });
}

function exited(child: ChildProcess, ms: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`still running ${ms / 1000} s after SIGTERM`)), ms);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal });
    });
  });
}

test('npm start builds the demo, serves a page at the address it prints, and stops cleanly on SIGTERM', { timeout: 240_000 }, async () => {
  const script = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const [command, ...args] = script.split(' ');
  assert.equal(command, 'node', `the start script runs node: ${script}`);
  // bin/steward.js runs the built bundle: rebuilt here when the sources are newer
  ensureBundle();
  const out = { text: '' };
  const err = { text: '' };
  // PORT=0: a free port, as the demo's --port help says; --dir: a folder this test removes
  const child = spawn(process.execPath, [...args, '--dir', join(tempDir('steward-npm-start-'), 'demo')], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (c: Buffer) => (out.text += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err.text += c.toString()));
  try {
    const [, url] = await printed(child, /listening on (http:\/\/[^\s]+)/, 180_000, out).catch((e: Error) => {
      throw new Error(`${e.message}\nstdout: ${out.text}\nstderr: ${err.text}`);
    });
    assert.match(out.text, /sign in at .*\/login with password "[^"]+" as:\n {2}\S+ +staff\n/);
    const res = await fetch(`${url}/`, { signal: AbortSignal.timeout(60_000) });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(await res.text(), /<title>[^<]+<\/title>/);

    child.kill('SIGTERM');
    assert.deepEqual(await exited(child, 60_000), { code: 0, signal: null }, err.text);
    assert.match(err.text, /serve: stopping/);
    await assert.rejects(fetch(`${url}/`, { signal: AbortSignal.timeout(10_000) }), 'nothing answers at the address once stopped');
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
});
