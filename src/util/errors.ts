// Errors a user caused (bad arguments, unreadable input): the CLI prints their message on one
// line and exits 2. Anything else is a defect and keeps its stack.
export class InputError extends Error {
  override name = 'InputError';
}
