// Entry point: `node dist/cli/run.js …` (bin/steward.js) or `tsx src/cli/run.ts …` in development.
import { main } from './main.js';

// exitCode rather than exit(): stdout drains first when a large report is piped onward
process.exitCode = await main(process.argv.slice(2));
