// An application as the issue body GitHub's form would produce (`### <label>`, blank line,
// answer, `_No response_` when empty): what tests and `steward application` examples feed the
// parser, and what a body written on an applicant's behalf should look like.
import { FIELDS, type ApplicationFields } from './fields.js';

export function renderApplicationBody(fields: ApplicationFields): string {
  const out: string[] = [];
  for (const f of FIELDS) {
    const value = fields[f.name];
    let text: string;
    if (Array.isArray(value)) {
      const sep = f.kind === 'urls' ? '\n' : ', ';
      text = value.length === 0 ? '_No response_' : value.map((v) => (f.kind === 'handles' ? `@${v}` : v)).join(sep);
    } else text = value === null || value.trim() === '' ? '_No response_' : value;
    out.push(`### ${f.label}`, '', text, '');
  }
  return out.join('\n');
}

export function renderApplicationTitle(projectName: string): string {
  return `[Ecosystem] ${projectName}`;
}
