// What makes the yaml package slow, found by fuzzing: deep flow nesting (`[[[[`), nesting on one
// line (`- - - -`, `: : :`), many anchors and aliases, and thousands of errors (an Error with a
// stack trace each, and a "pretty" context each). One linear pass refuses the first three before
// the package sees the text; `withoutStacks` makes the errors cheap. Counts outside quotes are
// approximate (a bracket in a quoted string counts): the limits sit far above what real files need.

/** A repository's YAML files (CI workflows, conda environments) larger than this are not parsed. */
export const MAX_REPO_YAML_BYTES = 128 * 1024;
export const MAX_YAML_DEPTH = 64;
export const MAX_YAML_ANCHORS = 256;

/** The first limit the text passes, at which offset, or null. */
export function yamlCostLimit(text: string): { offset: number; message: string } | null {
  let flow = 0;
  let compact = 0;
  let anchors = 0;
  let prev = '\n';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') compact = 0;
    else if (c === '#' && (prev === ' ' || prev === '\t' || prev === '\n')) {
      const nl = text.indexOf('\n', i);
      if (nl === -1) break;
      i = nl - 1;
      continue;
    } else if (c === '[' || c === '{') {
      if (++flow > MAX_YAML_DEPTH)
        return { offset: i, message: `YAML nested more than ${MAX_YAML_DEPTH} levels deep ([ and {): refused unread` };
    } else if (c === ']' || c === '}') {
      if (flow > 0) flow--;
    } else if (
      (c === '-' || c === '?' || c === ':') &&
      (text[i + 1] === ' ' || text[i + 1] === '\t') &&
      (c === ':' || prev === ' ' || prev === '\t' || prev === '\n')
    ) {
      if (++compact > MAX_YAML_DEPTH)
        return { offset: i, message: `YAML nests more than ${MAX_YAML_DEPTH} levels on one line ("- ", "? " or ": "): refused unread` };
    } else if (
      (c === '&' || c === '*' || c === '!') &&
      (prev === ' ' || prev === '\t' || prev === '\n' || prev === '[' || prev === '{' || prev === ',') &&
      i + 1 < text.length &&
      !/[\s,[\]{}]/.test(text[i + 1]!)
    ) {
      if (++anchors > MAX_YAML_ANCHORS)
        return { offset: i, message: `YAML with more than ${MAX_YAML_ANCHORS} anchors, aliases and tags (&, * and !): refused unread` };
    }
    prev = c;
  }
  return null;
}

/** Runs a parse with Error stack traces off: the yaml package makes an Error per problem. */
export function withoutStacks<T>(fn: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return fn();
  } finally {
    Error.stackTraceLimit = limit;
  }
}
