// How the application page shows a form answer: what the parser keeps as a list or a record is
// read by people, so it is written out, never shown as JSON.

/** A form answer as a reader reads it: a list one item after another, never JSON. */
export function answerText(val: unknown): string {
  if (typeof val === 'string') return val;
  if (Array.isArray(val)) return val.map(answerText).join(', ');
  if (val !== null && typeof val === 'object')
    return Object.entries(val)
      .map(([k, v]) => `${k}: ${answerText(v)}`)
      .join('; ');
  return String(val);
}
