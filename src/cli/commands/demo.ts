// `steward demo` (what `npm start` runs): builds a generated demo world on SQLite — repositories,
// a landscape with logos, projects with two years of reviews, applications in every state, a
// roster with local accounts — and serves it, printing the URL and the logins.
import { Command } from 'commander';
import { log, parsePort, untilSignal } from './serve.js';

export function register(program: Command): void {
  program
    .command('demo')
    .description('build a generated demo (SQLite, no network) and serve it; what `npm start` runs')
    .option('--dir <dir>', 'where to build it (default a new temporary folder); an existing demo folder is reused')
    .option('--projects <n>', 'how many landscape projects to generate', '12')
    .option('--port <n>', 'port to listen on (default $PORT or 8080; 0 picks a free one)')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .action(async (flags: { dir?: string; projects: string; port?: string; host: string }) => {
      const port = flags.port !== undefined ? parsePort(flags.port, '--port') : parsePort(process.env.PORT, '$PORT');
      const projects = Number(flags.projects);
      if (!Number.isInteger(projects) || projects < 1 || projects > 5000)
        throw new (await import('../../util/errors.js')).InputError(
          `demo: --projects must be a whole number 1–5000, found ${JSON.stringify(flags.projects)}`,
        );
      const [{ buildDemo, DEMO_PASSWORD }, { startServer }, { mkdtempSync }, { tmpdir }, { join }] = await Promise.all([
        import('../../demo/build.js'),
        import('../../server/start.js'),
        import('node:fs'),
        import('node:os'),
        import('node:path'),
      ]);
      const started = Date.now();
      const dir = flags.dir ?? mkdtempSync(join(tmpdir(), 'steward-demo-'));
      const world = await buildDemo({ dir, projects, log });
      const server = await startServer({
        port,
        host: flags.host,
        dataDir: world.dataDir,
        landscapeFile: world.landscapeFile,
        logosDir: world.logosDir,
        log,
        env: { ...process.env, DATABASE_URL: '' },
      });
      const lines = [
        `steward demo: listening on ${server.url} (built in ${((Date.now() - started) / 1000).toFixed(1)} s, data in ${dir})`,
        `sign in at ${server.url}/login with password "${DEMO_PASSWORD}" as:`,
        ...world.logins.map((l) => `  ${l.id.padEnd(6)} ${l.role}`),
      ];
      process.stdout.write(lines.join('\n') + '\n');
      await untilSignal(server.close, log);
    });
}
