// Pull requests against the landscape repository: on onboarding, the new entry (with
// `extra.accepted`, the decision's day), and on retirement, `project: archived` with
// `extra.archived`, the retirement day (landscape2's field for it); each the minimal
// diff of landscape.yml that src/landscape/edit.ts makes (every other byte as it was), from a
// branch of its own, opened once per project.
import { addItem, retireItem, type EditResult } from '../landscape/edit.js';
import { dateOf } from '../process/calendar.js';
import { ProcessError } from '../process/errors.js';
import type { Application, Project } from '../process/types.js';
import { InputError } from '../util/errors.js';
import { splitRepo } from './config.js';
import type { AppContext, Client } from './context.js';
import { getThread, updateThread } from './threads.js';

const FILE = 'landscape.yml';

const slug = (name: string) => name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'project';

async function openPr(ctx: AppContext, gh: Client, branch: string, title: string, body: string, edit: (text: string) => EditResult): Promise<{ number: number; message: string }> {
  const { owner, repo } = splitRepo(ctx.config.landscapeRepo);
  const { data: r } = await gh.rest.repos.get({ owner, repo });
  const base = r.default_branch;
  const { data: file } = await gh.rest.repos.getContent({ owner, repo, path: FILE, ref: base });
  if (Array.isArray(file) || file.type !== 'file' || !('content' in file)) throw new ProcessError('conflict', `${ctx.config.landscapeRepo} has no ${FILE} file on ${base}`);
  let result: EditResult;
  try {
    result = edit(Buffer.from(file.content, 'base64').toString('utf8'));
  } catch (err) {
    if (err instanceof InputError) throw new ProcessError('invalid', `${FILE}: ${err.message}`);
    throw err;
  }
  if (!result.changed) throw new ProcessError('conflict', `${FILE} needs no change: ${result.message}`);
  const { data: head } = await gh.rest.git.getRef({ owner, repo, ref: `heads/${base}` });
  try {
    await gh.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha: head.object.sha });
  } catch (err) {
    // a retried job finds its branch made: it goes on from there
    if ((err as { status?: number }).status !== 422) throw err;
  }
  const { data: onBranch } = await gh.rest.repos.getContent({ owner, repo, path: FILE, ref: branch });
  const sha = !Array.isArray(onBranch) && 'sha' in onBranch ? onBranch.sha : file.sha;
  await gh.rest.repos.createOrUpdateFileContents({ owner, repo, path: FILE, branch, sha, message: title, content: Buffer.from(result.text).toString('base64') });
  const { data: pr } = await gh.rest.pulls.create({ owner, repo, title, head: branch, base, body: `${body}\n\n${result.message}` });
  return { number: pr.number, message: result.message };
}

/** `/onboard <category> / <subcategory>`: the accepted project's landscape entry, as a pull request. */
export async function onboardingPr(ctx: AppContext, gh: Client, app: Application, where: string): Promise<number> {
  if (app.status !== 'ONBOARDING' && app.status !== 'ACCEPTED') throw new ProcessError('conflict', `onboard: application ${app.id} is ${app.status}, expected ACCEPTED or ONBOARDING`);
  const key = `application:${app.id}`;
  const thread = await getThread(ctx.store.db, key);
  if (thread.landscapePr) return thread.landscapePr;
  const [category, subcategory] = where.split('/').map((s) => s.trim());
  if (!category || !subcategory) throw new ProcessError('invalid', `onboard: expected "<category> / <subcategory>" as in the landscape, found ${JSON.stringify(where)}`);
  const f = app.fields as { summary?: string | null; websiteUrl?: string | null };
  const logo = `${slug(app.projectName)}.svg`;
  const pr = await openPr(ctx, gh, `steward/onboard-${slug(app.projectName)}`, `Add ${app.projectName} to ${category} / ${subcategory}`, [
    `Onboarding of ${app.projectName}, accepted by the working group on ${dateOf(new Date(app.decision!.at))} (application ${app.id}${app.issue?.url ? `, ${app.issue.url}` : ''}).`,
    '',
    `The entry names the logo \`hosted_logos/${logo}\`: the project adds that SVG to this branch (onboarding item "Icon in the landscape's hosted_logos/"); the check run on this pull request fails until it is there and valid.`,
  ].join('\n'), (text) =>
    addItem(text, {
      name: app.projectName,
      category,
      subcategory,
      homepage_url: f.websiteUrl || app.repoUrl,
      repo_url: app.repoUrl,
      logo,
      ...(f.summary ? { description: f.summary } : {}),
      extra: { accepted: dateOf(new Date(app.decision!.at)) },
    }, { file: FILE }),
  );
  await updateThread(ctx.store.db, key, { landscapePr: pr.number });
  return pr.number;
}

/** A project retired by its periodic review: `project: archived` and `extra.archived` on its landscape entry, once. */
export async function retirementPr(ctx: AppContext, gh: Client, project: Project): Promise<number | undefined> {
  if (project.status !== 'RETIRED' || !project.landscapeId || project.retiredBeforeImport) return undefined;
  const key = `project:${project.id}`;
  const thread = await getThread(ctx.store.db, key);
  if (thread.landscapePr) return thread.landscapePr;
  const pr = await openPr(ctx, gh, `steward/retire-${project.id}`, `Retire ${project.name} (archived ${project.retiredOn ?? ''})`.trim(), [
    `${project.name} was retired from the PyTorch Ecosystem on ${project.retiredOn}${project.retiredReason ? `: ${project.retiredReason}` : ''}.`,
    `The landscape keeps retired projects as \`project: archived\`${project.retiredOn ? `, with the day as \`extra.archived\`` : ''}.`,
  ].join('\n'), (text) => retireItem(text, project.landscapeId!, { file: FILE, ...(project.retiredOn ? { archivedOn: project.retiredOn } : {}) }));
  await updateThread(ctx.store.db, key, { landscapePr: pr.number });
  return pr.number;
}
