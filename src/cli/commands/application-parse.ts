// `steward application parse <issue-body.md | ->`: an application issue body (created from the
// ecosystem issue form) read as an application, without storing anything. Exit 0 complete,
// 1 with problems, 2 unreadable input.
import { Command, Option } from 'commander';
import { InputError } from '../../util/errors.js';
import type { FormField, ParsedApplication } from '../../process/form/index.js';

interface ParseFlags {
  format: 'text' | 'json';
  title?: string;
}

/** `out` is where results go (standard output; tests pass their own stream). */
export function registerParse(application: Command, out: NodeJS.WritableStream = process.stdout): void {
  application
    .command('parse')
    .description('read an application issue body (from the ecosystem issue form) as an application, without storing it')
    .argument('<issue-body>', 'a file holding the issue body (markdown), or - for standard input')
    .option('--title <title>', 'the issue title, "[Ecosystem] <Project Name>": the body itself does not name the project')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText(
      'after',
      `
Placeholder answers (_No response_, N/A, TBD, None) are read as no answer; e-mails in mailto:
links, @handles and github.com profile links are reduced to addresses and handles.

Exit status: 0 complete, 1 the application has problems (listed, with body line numbers),
2 the input could not be read.

Examples:
  steward application parse body.md --title "[Ecosystem] TorchWave"
  gh issue view 42 --json body -q .body | steward application parse - --format json`,
    )
    .action(async (file: string, flags: ParseFlags) => {
      const { parseApplicationBody, FIELDS } = await import('../../process/form/index.js');
      const body = await readBody(file);
      const parsed = parseApplicationBody(body, flags.title !== undefined ? { title: flags.title } : {});
      out.write(flags.format === 'json' ? `${JSON.stringify(parsed, null, 2)}\n` : renderText(parsed, FIELDS, flags.title !== undefined));
      process.exitCode = parsed.problems.length > 0 ? 1 : 0;
    });
}

async function readBody(file: string): Promise<string> {
  const where = file === '-' ? 'standard input' : file;
  let bytes: Buffer;
  try {
    if (file === '-') {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      bytes = Buffer.concat(chunks);
    } else {
      const { readFile } = await import('node:fs/promises');
      bytes = await readFile(file);
    }
  } catch (err) {
    throw new InputError(`cannot read the issue body from ${where}: ${(err as Error).message}`);
  }
  // an issue body is text; a NUL byte means a binary file was given by mistake
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new InputError(`${where}: expected a markdown issue body, found binary data (a NUL byte at offset ${nul})`);
  return bytes.toString('utf8');
}

/** Each answer under a short name, then the problems with their lines: for a person at a terminal. */
function renderText(parsed: ParsedApplication, fields: readonly FormField[], titled: boolean): string {
  const out: string[] = [];
  const show = (name: string, value: string | string[] | null): void => {
    const text = Array.isArray(value) ? value.join(', ') : value;
    if (text === null || text === '') {
      out.push(`${name}: -`);
      return;
    }
    const [first, ...rest] = text.split('\n');
    out.push(`${name}: ${first}`, ...rest.map((l) => `    ${l}`));
  };
  show('projectName', parsed.fields.projectName);
  for (const f of fields) show(f.name, parsed.fields[f.name]);
  out.push('');
  if (parsed.problems.length === 0) out.push('Complete: every required answer is there.');
  else {
    out.push(`${parsed.problems.length} problem${parsed.problems.length === 1 ? '' : 's'}:`);
    for (const p of parsed.problems) out.push(`  ${p.field}: ${p.message}`);
  }
  // "Complete" with `projectName: -` reads as if the name were optional; it only lives in the title.
  if (!titled) out.push('Note: no project name: it is in the issue title, not the body; pass --title "[Ecosystem] <Project Name>".');
  return `${out.join('\n')}\n`;
}
