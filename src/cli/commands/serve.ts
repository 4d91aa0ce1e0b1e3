// `steward serve`: the web app, its JSON API and the GitHub App's webhook receiver on one HTTP
// server, over the same store as every other process command, until SIGINT/SIGTERM.
import { Command } from 'commander';
import { InputError } from '../../util/errors.js';
import type { StoreFlags } from './process-context.js';

export function parsePort(text: string | undefined, where: string): number {
  if (text === undefined || text === '') return 8080;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n > 65535) throw new InputError(`serve: ${where} must be a port number 0–65535, found ${JSON.stringify(text)}`);
  return n;
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the web app, the JSON API (/openapi.json) and the GitHub App webhook (POST /github/webhooks)')
    .option('--port <n>', 'port to listen on (default $PORT or 8080; 0 picks a free one)')
    .option('--host <host>', 'address to listen on: 0.0.0.0 for every interface', '127.0.0.1')
    .option('--data-dir <dir>', 'SQLite data directory (default $STEWARD_DATA_DIR or ./.steward)')
    .option('--database-url <url>', 'PostgreSQL instead of SQLite (default $DATABASE_URL)')
    .addHelpText(
      'after',
      '\nThe GitHub App routes are live when STEWARD_GITHUB_* is set; without it POST /github/webhooks answers 404.\n' +
        'Example: PORT=3000 steward serve --data-dir ./.steward',
    )
    .action(async (flags: StoreFlags & { port?: string; host: string }) => {
      const port = flags.port !== undefined ? parsePort(flags.port, '--port') : parsePort(process.env.PORT, '$PORT');
      const [{ openStore, optionsFromEnv }, { createEngine }, { createApp }, { buildExtensions }, { listen }] = await Promise.all([
        import('../../store/index.js'),
        import('../../process/engine.js'),
        import('../../server/app.js'),
        import('../../server/extensions.js'),
        import('../../server/listen.js'),
      ]);
      const store = await openStore(optionsFromEnv({ ...(flags.dataDir ? { dataDir: flags.dataDir } : {}), ...(flags.databaseUrl ? { databaseUrl: flags.databaseUrl } : {}) }));
      try {
        const log = (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);
        const engine = createEngine({ store });
        const extensions = await buildExtensions({ env: process.env, store, engine, log });
        const app = createApp({ store, engine, ...extensions });
        const server = await listen(app, { port, host: flags.host });
        process.stdout.write(`steward serve: listening on ${server.url} (store ${store.location})\n`);
        await new Promise<void>((resolve) => {
          process.once('SIGINT', resolve);
          process.once('SIGTERM', resolve);
        });
        log('serve: stopping (finishing requests in hand)');
        await server.close();
      } finally {
        await store.close();
      }
    });
}
