#!/usr/bin/env node
// The published entry point runs the compiled CLI; `npm ci` builds it through the prepare script.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compiled = new URL('../dist/bundle/run.js', import.meta.url);
if (!existsSync(fileURLToPath(compiled))) {
  process.stderr.write('steward: the compiled CLI is missing (dist/). Run `npm ci` or `npm run build` first.\n');
  process.exit(2);
}
await import(compiled.href);
