// Entry point of the GitHub Action (action.yml runs the bundle built from this file): GitHub passes
// inputs and the event through the environment; an error becomes one `::error::` line and exit 1.
import { runAction } from './run.js';

try {
  process.exitCode = (await runAction(process.env)).exitCode;
} catch (err) {
  const message = err instanceof Error ? err.message : String(err);
  process.stdout.write(`::error title=Steward::${message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}\n`);
  process.exitCode = 1;
}
