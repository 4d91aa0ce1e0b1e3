// Every pull request to the landscape repository gets a check run validating landscape.yml as it
// is at the pull request's head: what landscape2 would refuse fails it, data-quality findings are
// warnings, each annotated at its line.
import { validateLandscape } from '../landscape/validate.js';
import type { LandscapeProblem } from '../landscape/types.js';
import { splitRepo } from './config.js';
import { sameRepo, type AppContext, type Client } from './context.js';

export interface PullRequestPayload {
  action: string;
  number: number;
  pull_request: { head: { sha: string; repo: { full_name: string } | null } };
  repository: { full_name: string };
}

export const CHECK_NAME = 'steward / landscape.yml';
const FILE = 'landscape.yml';
/** GitHub takes at most 50 annotations per request */
const MAX_ANNOTATIONS = 50;

export async function onLandscapePullRequest(ctx: AppContext, gh: Client, p: PullRequestPayload): Promise<void> {
  if (!['opened', 'synchronize', 'reopened'].includes(p.action) || !sameRepo(p.repository.full_name, ctx.config.landscapeRepo)) return;
  const head = p.pull_request.head;
  const source = splitRepo(head.repo?.full_name ?? p.repository.full_name);
  const { owner, repo } = splitRepo(p.repository.full_name);
  let text: string | undefined;
  try {
    const { data } = await gh.rest.repos.getContent({ ...source, path: FILE, ref: head.sha });
    if (!Array.isArray(data) && data.type === 'file' && 'content' in data) text = Buffer.from(data.content, 'base64').toString('utf8');
  } catch (err) {
    if ((err as { status?: number }).status !== 404) throw err;
  }
  if (text === undefined) {
    await gh.rest.checks.create({ owner, repo, name: CHECK_NAME, head_sha: head.sha, status: 'completed', conclusion: 'failure', output: { title: `${FILE} is missing`, summary: `The pull request's head ${head.sha.slice(0, 12)} has no ${FILE} at the repository root.` } });
    return;
  }
  // logo files are not in this tree: only the file's own rules are checked here
  const result = validateLandscape(text, { file: FILE, logosDir: null });
  const annotate = (p: LandscapeProblem, level: 'failure' | 'warning') => ({
    path: FILE,
    start_line: p.line ?? 1,
    end_line: p.line ?? 1,
    annotation_level: level,
    title: p.item ? `${p.item}${p.field ? ` · ${p.field}` : ''}` : FILE,
    message: p.message,
  });
  const annotations = [...result.errors.map((e) => annotate(e, 'failure')), ...result.warnings.map((w) => annotate(w, 'warning'))];
  const failed = result.errors.length > 0;
  const summary = [
    `${result.items} items read; ${result.errors.length} error${result.errors.length === 1 ? '' : 's'} (landscape2 would refuse or fail to build), ${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'}.`,
    ...result.errors.slice(0, 20).map((e) => `- line ${e.line ?? '?'}: ${e.message}`),
    annotations.length > MAX_ANNOTATIONS ? `\nOnly the first ${MAX_ANNOTATIONS} of ${annotations.length} findings are annotated; run \`steward landscape validate ${FILE}\` for all.` : '',
  ].join('\n');
  await gh.rest.checks.create({
    owner,
    repo,
    name: CHECK_NAME,
    head_sha: head.sha,
    status: 'completed',
    conclusion: failed ? 'failure' : 'success',
    output: { title: failed ? `${result.errors.length} error${result.errors.length === 1 ? '' : 's'} in ${FILE}` : `${FILE} is valid`, summary, annotations: annotations.slice(0, MAX_ANNOTATIONS) },
  });
}
