// `steward serve`: the web app, its JSON API and the GitHub App's webhook receiver on one HTTP
// server, over the same store as every other process command, until SIGINT/SIGTERM.
import { Command } from 'commander';
import { InputError } from '../../util/errors.js';

export function parsePort(text: string | undefined, where: string): number {
  if (text === undefined || text === '') return 8080;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n > 65535)
    throw new InputError(`serve: ${where} must be a port number 0–65535, found ${JSON.stringify(text)}`);
  return n;
}

/** Runs until SIGINT/SIGTERM, then finishes the requests and jobs in hand. */
export async function untilSignal(stop: () => Promise<void>, log: (line: string) => void): Promise<void> {
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  log('serve: stopping (finishing requests in hand)');
  await stop();
}

export const log = (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the web app, the JSON API (/openapi.json) and the GitHub App webhook (POST /github/webhooks)')
    .option('--port <n>', 'port to listen on (default $PORT or 8080; 0 picks a free one)')
    .option('--host <host>', 'address to listen on: 0.0.0.0 for every interface', '127.0.0.1')
    .option('--data-dir <dir>', 'SQLite data directory (default $STEWARD_DATA_DIR or ./.steward)')
    .option('--database-url <url>', 'PostgreSQL instead of SQLite (default $DATABASE_URL)')
    .option('--landscape <file>', 'landscape.yml the project pages group by (logos from hosted_logos/ beside it)')
    .option('--secure-cookies', 'mark cookies Secure on plain http too (behind a TLS proxy)')
    .option('--trust-proxy', 'take the visitor address from X-Forwarded-For (for the self-check limit)')
    .addHelpText(
      'after',
      '\nThe GitHub App routes are live when STEWARD_GITHUB_* is set; without it POST /github/webhooks answers 404.\n' +
        'Open votes are read every STEWARD_GITHUB_SYNC_SECONDS (default 3600; 0: only on commands).\n' +
        'Sign-in with GitHub: STEWARD_GITHUB_OAUTH_CLIENT_ID and STEWARD_GITHUB_OAUTH_CLIENT_SECRET.\n' +
        'Example: PORT=3000 steward serve --data-dir ./.steward --landscape ../landscape/landscape.yml',
    )
    .action(
      async (flags: {
        port?: string;
        host: string;
        dataDir?: string;
        databaseUrl?: string;
        landscape?: string;
        secureCookies?: boolean;
        trustProxy?: boolean;
      }) => {
        const port = flags.port !== undefined ? parsePort(flags.port, '--port') : parsePort(process.env.PORT, '$PORT');
        const { startServer } = await import('../../server/start.js');
        const server = await startServer({
          port,
          host: flags.host,
          ...(flags.dataDir ? { dataDir: flags.dataDir } : {}),
          ...(flags.databaseUrl ? { databaseUrl: flags.databaseUrl } : {}),
          ...(flags.landscape ? { landscapeFile: flags.landscape } : {}),
          web: { ...(flags.secureCookies ? { secureCookies: true } : {}), ...(flags.trustProxy ? { trustProxy: true } : {}) },
          log,
        });
        process.stdout.write(`steward serve: listening on ${server.url} (store ${server.storeLocation})\n`);
        await untilSignal(server.close, log);
      },
    );
}
