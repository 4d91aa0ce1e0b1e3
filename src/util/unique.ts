// Lists of names people write in mixed case (logins, e-mails, handles): each once, as first written.

/** The strings of `xs` without later case-insensitive repeats, in their order. */
export function uniqueIgnoringCase(xs: readonly string[]): string[] {
  const seen = new Set<string>();
  return xs.filter((x) => {
    const key = x.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
