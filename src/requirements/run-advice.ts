// Fixes addressed to whoever runs the check rather than to the project: how to run it so that it
// sees more (`--offline`, a token). A report keeps the CLI's words, as its text and JSON are the
// contract; a web page, whose visitor cannot change how the server checks, says what that visitor
// can do instead. A rule takes its fix from here, so the two wordings are kept side by side.
export interface RunAdvice {
  /** the fix as reports and the CLI give it */
  cli: string;
  /** what a visitor of a web page can do instead */
  web: string;
}

export const RUN_ADVICE = {
  /** working-ci: a CI configuration that runs on changes, whose runs this check could not read */
  ciRunsUnread: {
    cli: 'Run the check with GitHub access (without --offline) to see whether the latest runs on the default branch succeed.',
    web: 'This check could not read the CI runs (the reason is above): make sure the latest runs on the default branch succeed, and check again later to have them read.',
  },
} as const satisfies Record<string, RunAdvice>;

const WEB_BY_CLI: ReadonlyMap<string, string> = new Map(Object.values(RUN_ADVICE).map((a) => [a.cli, a.web]));

/** A result's fix as a web page shows it: the web's words for advice on running the check, else the fix as given. */
export function fixOnWeb(fix: string): string {
  return WEB_BY_CLI.get(fix) ?? fix;
}
