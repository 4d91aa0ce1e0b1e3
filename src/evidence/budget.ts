// The budget each file of a checked repository gets: at most DEFAULT_READ_LIMIT bytes are read
// (src/evidence/git/blobs.ts marks the rest truncated) and at most FILE_TIME_BUDGET_MS are spent
// parsing it. Parsers that loop over a file's lines take a Deadline and stop when it has passed;
// what they return is then marked cut, and the evidence reports the file as truncated, so a file
// built to cost ends the parse early and says so instead of holding the check.

/** Per-file parse time, ms (STEWARD_FILE_TIME_BUDGET_MS overrides it). */
export const FILE_TIME_BUDGET_MS = 3_000;

export function fileTimeBudgetMs(env: NodeJS.ProcessEnv = process.env): number {
  const v = Number(env.STEWARD_FILE_TIME_BUDGET_MS);
  return Number.isFinite(v) && v > 0 ? v : FILE_TIME_BUDGET_MS;
}

export class Deadline {
  private readonly end: number;
  private calls = 0;
  private spent = false;

  constructor(
    readonly ms: number = fileTimeBudgetMs(),
    private readonly now: () => number = () => performance.now(),
  ) {
    this.end = now() + ms;
  }

  /** Whether the budget is spent; the clock is read every 32 calls (a call per line is cheap). */
  expired(): boolean {
    if (this.spent) return true;
    if ((++this.calls & 31) !== 0) return false;
    this.spent = this.now() >= this.end;
    return this.spent;
  }
}

/** Where a parse stopped for its time budget. */
export interface ParseCut {
  /** the first line not read */
  line: number;
  budgetMs: number;
}

/** The evidence problem for a file whose parse was cut. */
export function cutMessage(cut: ParseCut): string {
  return `truncated: parsing stopped at line ${cut.line} when the ${cut.budgetMs} ms time budget per file ran out; the rest was not read`;
}
