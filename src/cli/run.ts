// Entry point: `node dist/cli/run.js …` (bin/steward.js) or `tsx src/cli/run.ts …` in development.
import { main } from './main.js';

// A reader that stops early (`steward check … | head`) closes the pipe: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

// exitCode rather than exit(): stdout drains first when a large report is piped onward
process.exitCode = await main(process.argv.slice(2));
