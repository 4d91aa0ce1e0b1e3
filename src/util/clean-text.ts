// Text from strangers (commit identities, file contents, issue bodies) is shown in terminals, in
// Markdown on GitHub and in e-mail. Control characters, terminal escape sequences and bidi
// overrides in it could rewrite what a reviewer sees (clear the screen, recolour a verdict, show
// a line reversed); they are replaced by a visible escape. Newlines and tabs stay.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** CRLF is a line end; a lone CR (which lets a line overwrite itself on a terminal) is escaped. */
export function neutralise(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(UNSAFE, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

/** The same value with every string in it neutralised (objects and arrays copied, never mutated). */
export function cleanDeep<T>(value: T): T {
  if (typeof value === 'string') return neutralise(value) as T;
  if (Array.isArray(value)) return value.map((v) => cleanDeep(v)) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[neutralise(k)] = cleanDeep(v);
    return out as T;
  }
  return value;
}

/** JSON text with those characters written as \uXXXX escapes: the same data to a parser, nothing raw on a terminal. */
export function jsonSafe(json: string): string {
  return json.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

let cleaning = false;

/** As neutralise, but a CRLF stays as it is (CSV's line end); a lone CR is still escaped. */
function escapeUnsafe(text: string): string {
  return text.replace(UNSAFE, (c, at: number) => (c === '\r' && text[at + 1] === '\n' ? c : `\\u{${c.codePointAt(0)!.toString(16)}}`));
}

/**
 * From now on, text this process writes to stdout and stderr is neutralised. The process commands
 * print names, URLs, answers and reasons applicants typed, in many places; doing it where the
 * output leaves the process covers all of them. JSON goes through jsonSafe first, so it has no
 * such characters left to change.
 */
export function cleanProcessOutput(): void {
  if (cleaning) return;
  cleaning = true;
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) =>
      write(typeof chunk === 'string' ? escapeUnsafe(chunk) : chunk, ...rest)) as typeof stream.write;
  }
}
