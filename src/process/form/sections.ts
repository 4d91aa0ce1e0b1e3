// Splits an issue body into the form's sections. GitHub renders each answer as `### <label>`, a
// blank line and the answer; people then edit the body by hand, so any heading level counts, a
// heading that is not one of the form's questions stays part of the answer above it (answers
// are markdown and may have their own sub-headings), and headings inside code fences are text.
import { fieldForHeading, type BodyFieldName } from './fields.js';
import { trimChars } from './values.js';

export interface Section {
  field: BodyFieldName;
  heading: string;
  /** 1-based line of the heading in the body. */
  line: number;
  /** The answer with its surrounding blank lines removed, line endings as `\n`. */
  text: string;
  /** 1-based line where the answer's first non-blank line is (the heading's line when empty). */
  textLine: number;
}

export interface SplitBody {
  sections: Section[];
  /** A field whose heading appeared again later: the first answer is kept. */
  duplicates: { field: BodyFieldName; line: number; firstLine: number }[];
  /** Non-blank text before the first recognised heading (a body that is not a form, or a preamble). */
  preamble: string;
}

// The heading's text is trimmed in code: `(.*?)[ \t#]*$` backtracks quadratically on long lines.
const HEADING = /^ {0,3}#{1,6}[ \t]+(.*)$/;
/** No question of the form is this long; longer lines are not even tried as headings. */
const MAX_HEADING_LINE = 1000;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

export function splitSections(body: string): SplitBody {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const sections: Section[] = [];
  const duplicates: SplitBody['duplicates'] = [];
  const seen = new Map<BodyFieldName, number>();
  const preamble: string[] = [];
  let current: { field: BodyFieldName; heading: string; line: number; body: string[]; start: number } | undefined;
  let fence: string | undefined;

  const close = (): void => {
    if (!current) return;
    const body = current.body;
    let first = 0;
    while (first < body.length && body[first]!.trim() === '') first++;
    let last = body.length - 1;
    while (last >= first && body[last]!.trim() === '') last--;
    sections.push({
      field: current.field,
      heading: current.heading,
      line: current.line,
      text: body
        .slice(first, last + 1)
        .join('\n')
        .trim(),
      textLine: first <= last ? current.start + first : current.line,
    });
    current = undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fenceMatch = FENCE.exec(line);
    if (fence !== undefined) {
      if (fenceMatch && fenceMatch[1]![0] === fence[0] && fenceMatch[1]!.length >= fence.length) fence = undefined;
    } else if (fenceMatch) {
      fence = fenceMatch[1];
    } else {
      const match = line.length <= MAX_HEADING_LINE ? HEADING.exec(line) : null;
      const heading = match ? trimChars(match[1]!, '', ' \t#') : undefined;
      const field = heading !== undefined ? fieldForHeading(heading) : undefined;
      if (heading !== undefined && field) {
        const first = seen.get(field.name);
        if (first === undefined) {
          close();
          seen.set(field.name, i + 1);
          current = { field: field.name, heading, line: i + 1, body: [], start: i + 2 };
          continue;
        }
        duplicates.push({ field: field.name, line: i + 1, firstLine: first });
        // the repeated section's text is not the earlier answer's: stop collecting it
        close();
        continue;
      }
    }
    if (current) current.body.push(line);
    else if (sections.length === 0 && seen.size === 0) preamble.push(line);
  }
  close();
  return { sections, duplicates, preamble: preamble.join('\n').trim() };
}
