// `steward data refresh`: the facts steward ships as data that go stale (the torch release list),
// refreshed from their source when online into a user data file; the bundled list is used when not.
import { Command } from 'commander';
import { InputError } from '../../util/errors.js';
import { userTorchReleasesFile } from '../../evidence/torch-releases.js';

interface RefreshFlags {
  output?: string;
  offline?: boolean;
}

/** The user data file `steward check` reads by default (see evidence/torch-releases). */
export function defaultTorchReleasesFile(env: NodeJS.ProcessEnv = process.env): string {
  return userTorchReleasesFile(env);
}

export function register(program: Command): void {
  const data = program.command('data').description('data steward ships that goes stale: refresh it from its source');
  data
    .command('refresh')
    .description('refresh the torch release list from PyPI into a user data file')
    .option('--output <file>', 'where to write it (default $XDG_DATA_HOME/steward/torch-releases.json)')
    .option('--offline', 'ask nothing; say which list is in use')
    .addHelpText(
      'after',
      `
The file has the bundled list's format. steward check uses the default file when it exists and is
valid (else the bundled list); --torch-releases <file> or STEWARD_TORCH_RELEASES still win.
PyPI's address can be changed with STEWARD_PYPI_URL (a mirror).`,
    )
    .action(async (flags: RefreshFlags) => {
      const [
        { torchReleasesFromPypi },
        { HttpCache, SourceCounter, defaultHttpCacheDir },
        { baseUrlsFromEnv },
        fs,
        path,
        { BUNDLED_TORCH_RELEASES, torchReleasesAt, chooseTorchReleases },
      ] = await Promise.all([
        import('../../evidence/online/pypi.js'),
        import('../../evidence/online/http-cache.js'),
        import('../../evidence/online/index.js'),
        import('node:fs'),
        import('node:path'),
        import('../../evidence/torch-releases.js'),
      ]);
      const output = flags.output ?? defaultTorchReleasesFile();
      if (flags.offline) {
        const inUse = flags.output ? (fs.existsSync(output) ? output : BUNDLED_TORCH_RELEASES) : chooseTorchReleases().file;
        const latest = torchReleasesAt(new Date(), inUse)[0];
        process.stdout.write(
          `offline: nothing asked; the list in use is ${inUse} (latest ${latest?.version ?? 'none'} of ${latest?.date ?? '-'})\n`,
        );
        return;
      }
      const counter = new SourceCounter('pypi');
      const base = baseUrlsFromEnv().pypi ?? 'https://pypi.org';
      let releases;
      try {
        releases = await torchReleasesFromPypi({ baseUrl: base, cache: new HttpCache(defaultHttpCacheDir()), counter });
      } catch (err) {
        throw new InputError(
          `could not refresh the torch release list from ${base}: ${(err as Error).message}; the bundled list stays in use`,
        );
      }
      if (releases.length === 0) throw new InputError(`${base}/pypi/torch/json lists no feature releases; ${output} left as it was`);
      const file = {
        about: `Feature releases (X.Y.0) of the torch package with their first upload dates, refreshed from ${base} by steward data refresh.`,
        asOf: new Date().toISOString().slice(0, 10),
        // oldest first, like the bundled list
        releases: [...releases].reverse(),
      };
      fs.mkdirSync(path.dirname(output), { recursive: true });
      const tmp = `${output}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify(file, null, 2) + '\n');
      fs.renameSync(tmp, output);
      process.stdout.write(
        `wrote ${releases.length} torch feature releases (latest ${releases[0]!.version} of ${releases[0]!.date}) to ${output} ` +
          `(${counter.requests} request${counter.requests === 1 ? '' : 's'}, ${counter.notModified} not modified)\n` +
          (flags.output ? `use it with: steward check --torch-releases ${output}\n` : 'steward check uses it from now on\n'),
      );
    });
}
