// The CPU time a synchronous call takes, in milliseconds. Tests that bound a parser's cost measure
// this, not the wall time: on a machine shared with other work (CI, or several test files at once)
// the wall time of one call says more about the neighbours than about the parser, while a
// quadratic parse still shows in its CPU time. The process's CPU time counts the garbage
// collector's threads too, which only makes the bound stricter.
export function cpuMs<T>(fn: () => T): { result: T; ms: number } {
  const before = process.cpuUsage();
  const result = fn();
  const used = process.cpuUsage(before);
  return { result, ms: (used.user + used.system) / 1000 };
}
