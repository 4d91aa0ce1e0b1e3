// The background life of the docs' stand-ins (scripts/*-stand-in.mjs): a detached `serve` child
// that records its pid, started once and waited for until it writes the file that says it is ready.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

/** The pid in `pidFile` when that process is alive, else undefined. */
export function running(pidFile) {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8'));
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

/** Runs `script serve dir` detached and waits until it writes `readyFile`; exits 1 after `limitMs`. */
export async function startDetached({ script, dir, readyFile, name, limitMs, cwd }) {
  rmSync(readyFile, { force: true });
  const child = spawn(process.execPath, [script, 'serve', dir], { detached: true, stdio: 'ignore', ...(cwd ? { cwd } : {}) });
  child.unref();
  const until = Date.now() + limitMs;
  while (!existsSync(readyFile)) {
    if (Date.now() > until) {
      console.error(`the ${name} did not start within ${limitMs / 1000} s`);
      process.exit(1);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Stops the process in `pidFile`, if any, and says which it was. */
export function stopBackground(pidFile, name) {
  const pid = running(pidFile);
  if (pid) process.kill(pid, 'SIGTERM');
  rmSync(pidFile, { force: true });
  console.log(pid ? `${name} stopped` : `the ${name} was not running`);
}
