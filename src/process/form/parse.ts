// The body of an issue created from the ecosystem application form, read as an application:
// every field the form asks, and a list of what is missing or wrong (with the body's line), so a
// person can be told exactly what to fix. Pure, and total: any string gives an answer.
import { FIELDS, type ApplicationFields, type BodyFieldName, type FieldName, type FormField } from './fields.js';
import { splitSections, type Section } from './sections.js';
import { checkUrl, extractEmails, extractHandles, extractUrls, placeholderOf, type FoundUrl } from './values.js';

export interface FormProblem {
  /** The field concerned, or `body` for the body as a whole. */
  field: FieldName | 'body';
  message: string;
  /** 1-based line in the body the problem is about, when there is one. */
  line?: number;
}

export interface ParsedApplication {
  fields: ApplicationFields;
  problems: FormProblem[];
}

export interface ParseOptions {
  /** The issue title, `[Ecosystem] <Project Name>`, which carries the project's name. */
  title?: string;
}

/** GitHub refuses issue bodies over 65,536 characters; far beyond that is not a form. */
export const MAX_BODY_CHARS = 1_000_000;

export function parseApplicationBody(markdown: string, options: ParseOptions = {}): ParsedApplication {
  const problems: FormProblem[] = [];
  let body = typeof markdown === 'string' ? markdown : '';
  if (body.length > MAX_BODY_CHARS) {
    problems.push({
      field: 'body',
      message: `the body has ${body.length} characters; only the first ${MAX_BODY_CHARS} were read (an issue body holds at most 65536)`,
    });
    body = body.slice(0, MAX_BODY_CHARS);
  }
  const fields = emptyFields();
  fields.projectName = projectNameFromTitle(options.title, problems);

  const split = splitSections(body.replace(/^\uFEFF/, ''));
  if (split.sections.length === 0) {
    const what = split.preamble === '' ? 'the body is empty' : 'the body has none of its headings';
    problems.push({
      field: 'body',
      message: `not an application form: ${what}; expected "### <question>" sections as the issue form renders them (### Contact emails, ### Project summary, …)`,
    });
  }
  for (const d of split.duplicates) {
    problems.push({
      field: d.field,
      line: d.line,
      message: `line ${d.line}: a second "${labelOf(d.field)}" section; the answer at line ${d.firstLine} is used`,
    });
  }

  const byField = new Map<BodyFieldName, Section>(split.sections.map((s) => [s.field, s]));
  const extraRepos: FoundUrl[] = [];
  for (const field of FIELDS) {
    const section = byField.get(field.name);
    if (!section) {
      if (field.required) problems.push({ field: field.name, message: `missing: no "### ${field.label.replace(/\s+/g, ' ')}" section` });
      continue;
    }
    readField(field, section, fields, problems, extraRepos);
  }
  // further URLs in the repo answer are repositories in scope too
  for (const u of extraRepos) if (!fields.additionalRepos.includes(u.url) && u.url !== fields.repoUrl) fields.additionalRepos.push(u.url);
  return { fields, problems };
}

function readField(field: FormField, section: Section, fields: ApplicationFields, problems: FormProblem[], extraRepos: FoundUrl[]): void {
  const at = section.textLine;
  const where = `line ${at}`;
  const placeholder = placeholderOf(section.text);
  if (placeholder !== undefined) {
    const unanswered = placeholder === 'empty' || placeholder === 'no response';
    if (field.required && (unanswered || !field.noneIsAnAnswer)) {
      const found = unanswered ? 'no answer' : `"${section.text.trim()}", a placeholder`;
      problems.push({ field: field.name, line: at, message: `${where}: "${flat(field.label)}" is required; found ${found}` });
    }
    return; // the empty value of fields already stands
  }
  const text = section.text;
  switch (field.kind) {
    case 'text':
      (fields as unknown as Record<string, string | null>)[field.name] = text;
      return;
    case 'emails': {
      const { values, invalid } = extractEmails(text);
      for (const bad of invalid) {
        const line = lineOf(section, bad);
        problems.push({ field: field.name, line, message: `line ${line}: "${bad}" is not a valid e-mail address` });
      }
      if (values.length === 0 && field.required) {
        problems.push({ field: field.name, line: at, message: `${where}: expected at least one e-mail address, found "${clip(text)}"` });
      }
      (fields as unknown as Record<string, string[]>)[field.name] = values;
      return;
    }
    case 'handles': {
      const { values, invalid } = extractHandles(text);
      for (const bad of invalid) {
        const line = lineOf(section, bad);
        problems.push({ field: field.name, line, message: `line ${line}: "${bad}" is not a valid GitHub handle` });
      }
      if (values.length === 0 && field.required) {
        problems.push({
          field: field.name,
          line: at,
          message: `${where}: expected at least one GitHub handle (@name), found "${clip(text)}"`,
        });
      }
      (fields as unknown as Record<string, string[]>)[field.name] = values;
      return;
    }
    case 'url': {
      const urls = urlsOrShorthand(text);
      const first = urls[0];
      if (!first) {
        problems.push({ field: field.name, line: at, message: `${where}: expected a URL (https://…), found "${clip(text)}"` });
        return;
      }
      const wantsRepo = field.name === 'repoUrl';
      const why = first.problem ?? (wantsRepo ? first.notARepository : undefined);
      if (why) problems.push({ field: field.name, line: at, message: `${where}: ${why}` });
      // an organisation URL is kept (it names the project) though flagged; a broken one is not
      (fields as unknown as Record<string, string | null>)[field.name] = first.problem ? null : first.url;
      if (wantsRepo) extraRepos.push(...urls.slice(1).filter((u) => !u.problem));
      return;
    }
    case 'urls': {
      const urls = extractUrls(text);
      if (urls.length === 0) {
        problems.push({ field: field.name, line: at, message: `${where}: expected URLs of repositories, found "${clip(text)}"` });
        return;
      }
      const kept: string[] = [];
      for (const u of urls) {
        const line = lineOf(section, u.url);
        const why = u.problem ?? u.notARepository;
        if (why) problems.push({ field: field.name, line, message: `line ${line}: ${why}` });
        if (!u.problem) kept.push(u.url);
      }
      (fields as unknown as Record<string, string[]>)[field.name] = kept;
      return;
    }
  }
}

/**
 * URLs in the answer, or an answer that is only a scheme-less address: `owner/name` for a GitHub
 * repository, `example.org/docs` for a site (an owner has no dot; a host has one).
 */
function urlsOrShorthand(text: string): FoundUrl[] {
  const urls = extractUrls(text);
  if (urls.length > 0) return urls;
  const answer = text.trim();
  const repo = /^([A-Za-z0-9][A-Za-z0-9-]{0,38})\/([A-Za-z0-9._-]{1,100})$/.exec(answer);
  if (repo) return [checkUrl(`https://github.com/${repo[1]}/${repo[2]}`)];
  if (/^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}(?:\/\S*)?$/.test(answer)) return [checkUrl(`https://${answer}`)];
  return [];
}

function projectNameFromTitle(title: string | undefined, problems: FormProblem[]): string | null {
  if (title === undefined) return null;
  const name = String(title)
    .replace(/^\s*\[[^\]\n]{0,100}\]\s*[:-]?\s*/, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (name === '' || /^<\s*project name\s*>$/i.test(name)) {
    problems.push({
      field: 'projectName',
      message: `the issue title "${clip(String(title))}" names no project; expected "[Ecosystem] <Project Name>"`,
    });
    return null;
  }
  return name;
}

export function emptyFields(): ApplicationFields {
  return {
    projectName: null,
    contactEmails: [],
    summary: null,
    description: null,
    similarProjects: null,
    repoUrl: null,
    additionalRepos: [],
    license: null,
    maintainers: [],
    backingEntity: null,
    websiteUrl: null,
    documentation: null,
    ci: null,
    pytorchVersions: null,
    pytorchComponents: null,
    maintenanceCommitment: null,
    additionalInfo: null,
  };
}

/** The body line a piece of an answer is on (the answer's first line when it was rewritten). */
function lineOf(section: Section, piece: string): number {
  const i = section.text.indexOf(piece);
  if (i < 0) return section.textLine;
  let line = section.textLine;
  for (let k = 0; k < i; k++) if (section.text.charCodeAt(k) === 10) line++;
  return line;
}

function labelOf(name: BodyFieldName): string {
  return flat(FIELDS.find((f) => f.name === name)?.label ?? name);
}

function flat(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function clip(s: string): string {
  const one = flat(s);
  return one.length > 80 ? `${one.slice(0, 77)}…` : one;
}
