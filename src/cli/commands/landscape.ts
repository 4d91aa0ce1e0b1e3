// `steward landscape validate|retire|restore|add|move|export|list|show`: the landscape.yml file
// read, checked, edited with minimal diffs, exported. The landscape modules load inside actions.
import { Command, Option } from 'commander';
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { InputError } from '../../util/errors.js';
import { readRegularFile } from '../../util/read-file.js';

/**
 * The file as UTF-8 text, or an InputError (exit 2). Decoding leniently would turn a Latin-1 byte
 * into U+FFFD, and an edit would then write that back over bytes it never touched.
 */
function readText(file: string): string {
  return decodeUtf8(readRegularFile(file).bytes, file);
}

function decodeUtf8(bytes: Buffer, file: string): string {
  const nul = bytes.indexOf(0);
  if (nul >= 0)
    throw new InputError(
      `${file}: not valid UTF-8 text: a NUL byte at byte ${nul} (UTF-16?); landscape.yml must be UTF-8, nothing was written`,
    );
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    // where the lenient decoding first differs from the bytes: the first invalid sequence
    const again = Buffer.from(bytes.toString('utf8'), 'utf8');
    let lo = 0;
    while (lo < bytes.length && bytes[lo] === again[lo]) lo++;
    const line = bytes.subarray(0, lo).toString('utf8').split('\n').length;
    throw new InputError(
      `${file}: not valid UTF-8 at byte ${lo} (line ${line}: 0x${bytes[lo]?.toString(16).padStart(2, '0')}); landscape.yml must be UTF-8, nothing was written (convert it first, e.g. iconv -f latin1 -t utf-8)`,
    );
  }
}

/** Writes next to the target then renames, so a crash never leaves a half-written landscape. */
function writeText(file: string, text: string): void {
  if (file === '-') {
    process.stdout.write(text);
    return;
  }
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } catch (e) {
    throw new InputError(`cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

function readJson(file: string): unknown {
  const text = file === '-' ? decodeUtf8(readFileSync(0), 'stdin') : readText(file);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(`${file}: expected JSON, ${(e as Error).message}`);
  }
}

function parsePath(value: string): { category: string; subcategory: string } {
  // " / " first, since a name may hold a slash (CNCF has "CI/CD"); a lone "/" is the same path typed tightly.
  let parts = value.split(' / ');
  if (parts.length !== 2 && value.split('/').length === 2) parts = value.split('/');
  if (parts.length !== 2 || !parts[0]!.trim() || !parts[1]!.trim())
    throw new InputError(`expected "Category / Subcategory", found ${JSON.stringify(value)}`);
  return { category: parts[0]!.trim(), subcategory: parts[1]!.trim() };
}

const formatOption = () => new Option('--format <format>', 'output format').choices(['text', 'json']).default('text');

export function register(program: Command): void {
  const cmd = program.command('landscape').description('the landscape.yml the public landscape is built from: validate, edit, export');

  cmd
    .command('validate')
    .description(
      'check a landscape.yml: errors for what landscape2 refuses or cannot build (exit 1), warnings for data-quality findings it builds anyway (repository URLs naming an organisation or a page, shared or raster logos, ignored keys)',
    )
    .argument('<landscape.yml>')
    .option('--logos <dir>', 'logos folder (default: hosted_logos/ beside the file)')
    .option('--no-logo-files', 'do not look at logo files')
    .option('--online', 'also ask GitHub which repositories are archived (warnings; GITHUB_TOKEN / GH_TOKEN, cached)')
    .option('--strict', 'exit 1 on warnings too (for a CI that keeps the file clean, not only buildable)')
    .addOption(formatOption())
    .action(async (file: string, flags: { logos?: string; logoFiles: boolean; format: string; online?: boolean; strict?: boolean }) => {
      const text = readText(file);
      // A folder asked for by name and not there is a typo, not "no logos to check": stop rather than pass with a warning.
      if (flags.logoFiles && flags.logos !== undefined) {
        let isDir = false;
        try {
          isDir = statSync(flags.logos).isDirectory();
        } catch {
          // not there: reported below
        }
        if (!isDir)
          throw new InputError(
            `--logos ${flags.logos}: expected the folder holding the logo files, found ${existsSync(flags.logos) ? 'a file' : 'nothing'}`,
          );
      }
      const base = { file, logosDir: flags.logoFiles ? flags.logos : null };
      let r: import('../../landscape/types.js').ValidationResult;
      if (flags.online) {
        const [{ validateLandscapeOnline }, { createOnlineSession }, { githubArchivedChecker }] = await Promise.all([
          import('../../landscape/archived.js'),
          import('../../evidence/online/index.js'),
          import('../../evidence/online/github-archived.js'),
        ]);
        r = await validateLandscapeOnline(text, { ...base, isArchived: githubArchivedChecker(createOnlineSession()), severity: 'warning' });
      } else {
        const { validateLandscape } = await import('../../landscape/validate.js');
        r = validateLandscape(text, base);
      }
      if (flags.format === 'json') {
        process.stdout.write(JSON.stringify({ file: r.file, items: r.items, errors: r.errors, warnings: r.warnings }, null, 2) + '\n');
      } else {
        for (const p of r.errors) process.stdout.write(`${file}:${p.line}: error: ${p.item ? `[${p.item}] ` : ''}${p.message}\n`);
        for (const p of r.warnings)
          process.stdout.write(`${file}${p.line ? `:${p.line}` : ''}: warning: ${p.item ? `[${p.item}] ` : ''}${p.message}\n`);
        const strictNote = flags.strict && r.warnings.length && !r.errors.length ? ' (--strict: warnings fail)' : '';
        process.stdout.write(`${r.items} items, ${r.errors.length} errors, ${r.warnings.length} warnings${strictNote}\n`);
      }
      process.exitCode = r.errors.length || (flags.strict && r.warnings.length) ? 1 : 0;
    });

  for (const [name, desc] of [
    ['retire', 'mark an item retired (adds `project: archived`); nothing else in the file changes'],
    ['restore', 'restore a retired item (removes `project: archived` and the day in `extra.archived`); nothing else in the file changes'],
  ] as const) {
    const sub = cmd
      .command(name)
      .description(desc)
      .argument('<landscape.yml>')
      .argument('<item>', 'item id (category--subcategory--name) or name')
      .option('--output <file>', 'write here instead of editing in place (- for stdout)');
    if (name === 'retire') sub.option('--on <YYYY-MM-DD>', "the retirement day, recorded as extra.archived (landscape2's field)");
    sub.action(async (file: string, ref: string, flags: { output?: string; on?: string }) => {
      const edit = await import('../../landscape/edit.js');
      const r =
        name === 'retire'
          ? edit.retireItem(readText(file), ref, { file, ...(flags.on !== undefined ? { archivedOn: flags.on } : {}) })
          : edit.restoreItem(readText(file), ref, { file });
      if (r.changed || flags.output) writeText(flags.output ?? file, r.text);
      process.stderr.write(`${r.message}\n`);
    });
  }

  cmd
    .command('add')
    .description("add an item (from an accepted application) to its subcategory, in the file's own style")
    .argument('<landscape.yml>')
    .option('--from <json>', 'a JSON file (or - for stdin) with name, description, homepage_url, repo_url, logo, category, subcategory')
    .option('--name <name>', 'the project name as the landscape shows it (required)')
    .option('--description <text>', 'one or two sentences')
    .option('--homepage-url <url>', 'absolute http(s) URL (required)')
    .option('--repo-url <url>', 'https://github.com/OWNER/REPO')
    .option('--logo <file>', 'SVG file name in the logos folder (required)')
    .option('--category <name>', 'an existing category, exactly as written (required)')
    .option('--subcategory <name>', 'an existing subcategory of it (required)')
    .option('--allow-duplicate', 'add it even though an item of the same name or repo_url is already on the landscape')
    .option('--output <file>', 'write here instead of editing in place (- for stdout)')
    .addHelpText(
      'after',
      `
Flags override the same keys in --from. The entry goes in name order, in the file's own layout;
steward landscape list FILE shows the categories and subcategories. Exit status: 0 added, 2 refused
(what is wrong is on stderr; the file is unchanged).

Examples:
  steward landscape add landscape.yml --name TorchWave --homepage-url https://torchwave.org \\
    --repo-url https://github.com/example/torchwave --logo torchwave.svg \\
    --category Training --subcategory General
  steward landscape add landscape.yml --from item.json --output -     (preview on stdout)
  item.json: {"name": "TorchWave", "homepage_url": "https://torchwave.org", "logo": "torchwave.svg",
              "category": "Training", "subcategory": "General"}`,
    )
    .action(async (file: string, flags: Record<string, string | boolean | undefined>) => {
      const { addItem, newItemFrom } = await import('../../landscape/edit.js');
      const str = (k: string) => (typeof flags[k] === 'string' ? (flags[k] as string) : undefined);
      const given = {
        name: str('name'),
        description: str('description'),
        homepage_url: str('homepageUrl'),
        repo_url: str('repoUrl'),
        logo: str('logo'),
        category: str('category'),
        subcategory: str('subcategory'),
      };
      const clean = newItemFrom(
        str('from') ? readJson(str('from')!) : undefined,
        str('from'),
        Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)),
      );
      const r = addItem(readText(file), clean, { file, allowDuplicate: flags['allowDuplicate'] === true });
      writeText(str('output') ?? file, r.text);
      process.stderr.write(`${r.message}\n`);
    });

  cmd
    .command('move')
    .description('move an item to another subcategory')
    .argument('<landscape.yml>')
    .argument('<item>', 'item id or name')
    .requiredOption('--to <path>', '"Category / Subcategory"')
    .option('--output <file>', 'write here instead of editing in place (- for stdout)')
    .action(async (file: string, ref: string, flags: { to: string; output?: string }) => {
      const { moveItem } = await import('../../landscape/edit.js');
      const r = moveItem(readText(file), ref, parsePath(flags.to), { file });
      if (r.changed || flags.output) writeText(flags.output ?? file, r.text);
      process.stderr.write(`${r.message}\n`);
    });

  cmd
    .command('export')
    .description("landscape2's api/projects/all.json from a landscape.yml, or a landscape.yml from a JSON list of items")
    .argument(
      '<input>',
      "a landscape.yml, or with --format yaml a JSON array of items (landscape.yml keys, or landscape2's published JSON as this command writes it)",
    )
    .addOption(
      new Option('--format <format>', 'json: landscape2 projects JSON; yaml: landscape.yml').choices(['json', 'yaml']).default('json'),
    )
    .addOption(
      new Option('--select <which>', 'json: projects (items with a maturity, as landscape2) or all items')
        .choices(['projects', 'all'])
        .default('projects'),
    )
    .option('--landscape-url <url>', 'landscape URL logo_url is built from', 'https://landscape.pytorch.org')
    .option('--output <file>', 'write here instead of stdout')
    .action(async (input: string, flags: { format: string; select: 'projects' | 'all'; landscapeUrl: string; output?: string }) => {
      const [{ readLandscape }, exp] = await Promise.all([import('../../landscape/read.js'), import('../../landscape/export.js')]);
      let out: string;
      if (flags.format === 'yaml') {
        // landscape2's published shape (this command's own JSON output) is read back into entries.
        const { itemsFromJson } = await import('../../landscape/from-api.js');
        out = exp.exportLandscape(itemsFromJson(readJson(input), input));
      } else {
        const l = readLandscape(readText(input), { file: input });
        out = JSON.stringify(exp.exportProjectsJson(l.items, { select: flags.select, landscapeUrl: flags.landscapeUrl })) + '\n';
      }
      writeText(flags.output ?? '-', out);
    });

  cmd
    .command('list')
    .description('items grouped by category and subcategory; retired items hidden unless --all')
    .argument('<landscape.yml>')
    .option('--category <name>', 'only this category (any case)')
    .option('--subcategory <name>', 'only this subcategory (any case)')
    .option('--search <text>', 'only items whose name, id or description holds the text (any case)')
    .option('--all', 'include retired items')
    .option('--ecosystem', 'only ecosystem categories (leave out members and foundation projects)')
    .addOption(formatOption())
    .action(
      async (
        file: string,
        flags: { category?: string; subcategory?: string; search?: string; all?: boolean; ecosystem?: boolean; format: string },
      ) => {
        const [{ readLandscape }, view] = await Promise.all([import('../../landscape/read.js'), import('../../landscape/view.js')]);
        const l = readLandscape(readText(file), { file });
        // A misspelt category would otherwise list nothing and exit 0, as if the category were empty.
        const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
        const cats = l.categories.filter((c) => flags.category === undefined || same(c.name, flags.category));
        if (cats.length === 0)
          throw new InputError(
            `no category ${JSON.stringify(flags.category)} in ${file}; categories: ${l.categories.map((c) => c.name).join(', ')}`,
          );
        if (flags.subcategory !== undefined && !cats.some((c) => c.subcategories.some((sc) => same(sc.name, flags.subcategory!)))) {
          const subs = [...new Set(cats.flatMap((c) => c.subcategories.map((sc) => sc.name)))];
          throw new InputError(
            `no subcategory ${JSON.stringify(flags.subcategory)} in ${flags.category ?? file}; subcategories: ${subs.join(', ')}`,
          );
        }
        const groups = view.groupItems(
          view.filterItems(l.items, {
            category: flags.category,
            subcategory: flags.subcategory,
            search: flags.search,
            includeRetired: flags.all,
            ecosystemOnly: flags.ecosystem,
          }),
        );
        if (flags.format === 'json') {
          process.stdout.write(JSON.stringify(groups, null, 2) + '\n');
          return;
        }
        if (groups.length === 0)
          process.stderr.write(`no items match${flags.all ? '' : ' (retired items are hidden; --all shows them)'}\n`);
        for (const g of groups) {
          process.stdout.write(`${g.category}\n`);
          for (const s of g.subcategories) {
            process.stdout.write(`  ${s.name} (${s.items.length})\n`);
            for (const i of s.items) process.stdout.write(`    ${i.name}${i.project ? ` [${i.project}]` : ''}  ${i.id}\n`);
          }
        }
      },
    );

  cmd
    .command('show')
    .description('one item: every field, with its line')
    .argument('<landscape.yml>')
    .argument('<item>', 'item id or name')
    .addOption(formatOption())
    .action(async (file: string, ref: string, flags: { format: string }) => {
      const [{ parseLandscapeSource }, { findItem }, { toItem }] = await Promise.all([
        import('../../landscape/source.js'),
        import('../../landscape/edit.js'),
        import('../../landscape/read.js'),
      ]);
      const src = parseLandscapeSource(readText(file), file);
      const at = findItem(src, ref);
      const item = toItem(at.item, at.cat.name, at.sub.name);
      if (flags.format === 'json') {
        process.stdout.write(JSON.stringify(item, null, 2) + '\n');
        return;
      }
      process.stdout.write(`${item.name}  (${item.id}, ${file}:${item.line})\n`);
      process.stdout.write(`  status: ${item.project === 'archived' ? 'retired' : (item.project ?? 'active')}\n`);
      for (const k of at.item.keys)
        if (k !== 'name')
          process.stdout.write(
            `  ${k}: ${typeof at.item.values[k] === 'string' ? at.item.values[k] : JSON.stringify(at.item.values[k])}\n`,
          );
    });
}
