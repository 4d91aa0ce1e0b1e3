// JSON rendering: one report, or an array for several targets; stable, so the same inputs
// give byte-identical output.
import type { Report } from './types.js';

export function renderJson(reports: Report[], asArray: boolean): string {
  return JSON.stringify(asArray ? reports : reports[0], null, 2) + '\n';
}
