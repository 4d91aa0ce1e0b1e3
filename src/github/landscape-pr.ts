// Pull requests against the landscape repository: on onboarding, the new entry (with
// `extra.accepted`, the decision's day) and the project's SVG logo added to the logos folder
// (fetched from where the project keeps it, checked like any logo), and on retirement, `project: archived` with
// `extra.archived`, the retirement day (landscape2's field for it); each the minimal
// diff of landscape.yml that src/landscape/edit.ts makes (every other byte as it was), from a
// branch of its own, opened once per project.
import { createHash } from 'node:crypto';
import { addItem, retireItem, type EditResult } from '../landscape/edit.js';
import { inspectLogoData, MAX_SVG_BYTES } from '../landscape/logos.js';
import { dateOf } from '../process/calendar.js';
import { ProcessError } from '../process/errors.js';
import type { Application, Project } from '../process/types.js';
import { InputError } from '../util/errors.js';
import { logosDirOf, splitRepo } from './config.js';
import type { AppContext, Client } from './context.js';
import { getThread, updateThread } from './threads.js';

const FILE = 'landscape.yml';

const slug = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'project';

interface ExtraFile {
  path: string;
  content: Buffer;
}

/** Git's blob id of some bytes: what the contents API reports as a file's sha. */
const blobSha = (b: Buffer) => createHash('sha1').update(`blob ${b.length}\0`).update(b).digest('hex');

async function openPr(
  ctx: AppContext,
  gh: Client,
  branch: string,
  title: string,
  body: string,
  edit: (text: string) => EditResult,
  files: ExtraFile[] = [],
): Promise<{ number: number; message: string }> {
  const { owner, repo } = splitRepo(ctx.config.landscapeRepo);
  const { data: r } = await gh.rest.repos.get({ owner, repo });
  const base = r.default_branch;
  const { data: file } = await gh.rest.repos.getContent({ owner, repo, path: FILE, ref: base });
  if (Array.isArray(file) || file.type !== 'file' || !('content' in file))
    throw new ProcessError('conflict', `${ctx.config.landscapeRepo} has no ${FILE} file on ${base}`);
  let result: EditResult;
  try {
    result = edit(Buffer.from(file.content, 'base64').toString('utf8'));
  } catch (err) {
    if (err instanceof InputError) throw new ProcessError('invalid', `${FILE}: ${err.message}`);
    throw err;
  }
  if (!result.changed) throw new ProcessError('conflict', `${FILE} needs no change: ${result.message}`);
  // a file the pull request adds must not replace another one of the same name on the base
  const onBase = new Map<string, string | undefined>();
  for (const f of files) {
    const there = await shaOf(gh, { owner, repo }, f.path, base);
    if (there !== undefined && there !== blobSha(f.content))
      throw new ProcessError(
        'conflict',
        `${ctx.config.landscapeRepo} already has a different ${f.path} on ${base}; rename or replace it by hand`,
      );
    onBase.set(f.path, there);
  }
  const { data: head } = await gh.rest.git.getRef({ owner, repo, ref: `heads/${base}` });
  let fresh = true;
  try {
    await gh.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha: head.object.sha });
  } catch (err) {
    // a retried job finds its branch made: it goes on from there, asking what the branch holds
    if ((err as { status?: number }).status !== 422) throw err;
    fresh = false;
  }
  for (const f of files) {
    const there = fresh ? onBase.get(f.path) : await shaOf(gh, { owner, repo }, f.path, branch);
    if (there === blobSha(f.content)) continue;
    await gh.rest.repos.createOrUpdateFileContents({
      owner,
      repo,
      path: f.path,
      branch,
      ...(there ? { sha: there } : {}),
      message: `${title}: ${f.path}`,
      content: f.content.toString('base64'),
    });
  }
  // a branch just made from the base holds the base's landscape.yml
  const sha = fresh ? file.sha : ((await shaOf(gh, { owner, repo }, FILE, branch)) ?? file.sha);
  await gh.rest.repos.createOrUpdateFileContents({
    owner,
    repo,
    path: FILE,
    branch,
    sha,
    message: title,
    content: Buffer.from(result.text).toString('base64'),
  });
  const { data: pr } = await gh.rest.pulls.create({ owner, repo, title, head: branch, base, body: `${body}\n\n${result.message}` });
  return { number: pr.number, message: result.message };
}

/** The blob sha of a file at a ref, or undefined when there is none. */
async function shaOf(gh: Client, where: { owner: string; repo: string }, path: string, ref: string): Promise<string | undefined> {
  try {
    const { data } = await gh.rest.repos.getContent({ ...where, path, ref });
    return !Array.isArray(data) && data.type === 'file' ? data.sha : undefined;
  } catch (err) {
    if ((err as { status?: number }).status === 404) return undefined;
    throw err;
  }
}

/** Where a project's logo is: a file of a GitHub repository, or one already in the landscape's logos folder. */
export type LogoSource =
  { kind: 'repo'; owner: string; repo: string; path: string; ref?: string; shown: string } | { kind: 'landscape'; name: string };

/**
 * Reads where the logo is from `/onboard … logo <where>` or the onboarding record's logo note: a
 * github.com link to the file (blob or raw), a path in the project's own repository, or a file
 * already in the landscape's logos folder (`hosted_logos/name.svg`). Undefined: none is named.
 */
export function logoSource(text: string | undefined, app: Application, logosDir: string): LogoSource | undefined {
  const m = /(\S+\.svg)(?=$|[\s)>\]"'.,;])/i.exec(text ?? '');
  if (!m) return undefined;
  const ref = m[1]!.replace(/^[<("'[]+/, '');
  const url =
    /^https?:\/\/(?:www\.)?github\.com\/([^/]+)\/([^/]+)\/(?:blob|raw)\/([^/]+)\/(.+)$/i.exec(ref) ??
    /^https?:\/\/raw\.githubusercontent\.com\/([^/]+)\/([^/]+)\/([^/]+)\/(.+)$/i.exec(ref);
  if (url)
    return { kind: 'repo', owner: url[1]!, repo: url[2]!, ref: decodeURIComponent(url[3]!), path: decodeURIComponent(url[4]!), shown: ref };
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref))
    throw new ProcessError(
      'invalid',
      `logo: ${ref} is not a file on GitHub; give a github.com link to the SVG, or its path in ${app.repoUrl}`,
    );
  const path = ref.replace(/^\.?\//, '');
  if (path.split('/').some((s) => s === '..')) throw new ProcessError('invalid', `logo: ${ref} leaves the repository`);
  if (path.startsWith(`${logosDir}/`) && !path.slice(logosDir.length + 1).includes('/'))
    return { kind: 'landscape', name: path.slice(logosDir.length + 1) };
  const own = /^https:\/\/github\.com\/([^/]+)\/([^/]+?)(?:\.git)?\/?$/i.exec(app.repoUrl);
  if (!own)
    throw new ProcessError(
      'invalid',
      `logo: ${ref} is a path, but the project's repository ${app.repoUrl} is not on GitHub; give a github.com link to the SVG`,
    );
  return { kind: 'repo', owner: own[1]!, repo: own[2]!, path, shown: `${path} in ${app.repoUrl}` };
}

/** The SVG from its source, refused (with what is wrong) unless it is a logo the check would pass. */
async function fetchLogo(gh: Client, src: Extract<LogoSource, { kind: 'repo' }>, name: string): Promise<Buffer> {
  let data;
  try {
    ({ data } = await gh.rest.repos.getContent({ owner: src.owner, repo: src.repo, path: src.path, ...(src.ref ? { ref: src.ref } : {}) }));
  } catch (err) {
    if ((err as { status?: number }).status === 404) throw new ProcessError('invalid', `logo: ${src.shown} was not found`);
    throw err;
  }
  if (Array.isArray(data) || data.type !== 'file') throw new ProcessError('invalid', `logo: ${src.shown} is not a file`);
  if (data.size > MAX_SVG_BYTES)
    throw new ProcessError('invalid', `the logo at ${src.shown} is ${data.size} bytes; a logo over ${MAX_SVG_BYTES} bytes is not taken`);
  // the contents API leaves out files over 1 MB: those come as a blob
  const bytes =
    'content' in data && data.content
      ? Buffer.from(data.content, 'base64')
      : Buffer.from((await gh.rest.git.getBlob({ owner: src.owner, repo: src.repo, file_sha: data.sha })).data.content, 'base64');
  // named as the project's file, so a line it gives is a line of that file
  const errors = inspectLogoData(src.path.split('/').pop() ?? name, bytes).filter((f) => f.severity === 'error');
  if (errors.length)
    throw new ProcessError(
      'invalid',
      `the logo at ${src.shown} cannot go into the landscape: ${errors.map((e) => e.message.replace(/^logo \S+: /, '')).join('; ')}`,
    );
  return bytes;
}

/**
 * `/onboard <category> / <subcategory> [logo <where>]`: the accepted project's landscape entry, and
 * its logo, as a pull request. The logo comes from `logo <where>` or else the onboarding record's
 * logo note; with neither, the entry names the file the project is to add to the branch.
 */
export async function onboardingPr(ctx: AppContext, gh: Client, app: Application, args: string): Promise<number> {
  if (app.status !== 'ONBOARDING' && app.status !== 'ACCEPTED')
    throw new ProcessError('conflict', `onboard: application ${app.id} is ${app.status}, expected ACCEPTED or ONBOARDING`);
  const key = `application:${app.id}`;
  const thread = await getThread(ctx.store.db, key);
  if (thread.landscapePr) return thread.landscapePr;
  const given = /^(.*?)\s+logo\s+(\S+)\s*$/i.exec(args);
  const where = given ? given[1]! : args;
  const [category, subcategory] = where.split('/').map((s) => s.trim());
  if (!category || !subcategory)
    throw new ProcessError(
      'invalid',
      `onboard: expected "<category> / <subcategory> [logo <file>]" as in the landscape, found ${JSON.stringify(args)}`,
    );
  const f = app.fields as { summary?: string | null; websiteUrl?: string | null };
  const dir = logosDirOf(ctx.config);
  const source = logoSource(given ? given[2] : app.onboarding?.find((i) => i.key === 'logo')?.done?.note, app, dir);
  if (given && !source)
    throw new ProcessError(
      'invalid',
      `onboard: the logo must be an SVG file (a github.com link to it, or its path in ${app.repoUrl}), found ${JSON.stringify(given[2])}`,
    );
  const logo = source?.kind === 'landscape' ? source.name : `${slug(app.projectName)}.svg`;
  const files = source?.kind === 'repo' ? [{ path: `${dir}/${logo}`, content: await fetchLogo(gh, source, logo) }] : [];
  const accepted = dateOf(new Date(app.decision!.at));
  const pr = await openPr(
    ctx,
    gh,
    `steward/onboard-${slug(app.projectName)}`,
    `Add ${app.projectName} to ${category} / ${subcategory}`,
    [
      `Onboarding of ${app.projectName}, accepted by the working group on ${accepted} (application ${app.id}${app.issue?.url ? `, ${app.issue.url}` : ''}).`,
      '',
      source?.kind === 'repo'
        ? `The logo \`${dir}/${logo}\` is added from ${source.shown}.`
        : source?.kind === 'landscape'
          ? `The entry names the logo \`${dir}/${logo}\`, already in this repository.`
          : `The entry names the logo \`${dir}/${logo}\`: the project adds that SVG to this branch (onboarding item "Icon in the landscape's hosted_logos/"; or staff say \`/onboard ${category} / ${subcategory} logo <link to the SVG>\`); the check run on this pull request fails until it is there and valid.`,
    ].join('\n'),
    (text) =>
      addItem(
        text,
        {
          name: app.projectName,
          category,
          subcategory,
          homepage_url: f.websiteUrl || app.repoUrl,
          repo_url: app.repoUrl,
          logo,
          ...(f.summary ? { description: f.summary } : {}),
          extra: { accepted },
        },
        { file: FILE },
      ),
    files,
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
  const pr = await openPr(
    ctx,
    gh,
    `steward/retire-${project.id}`,
    `Retire ${project.name} (archived ${project.retiredOn ?? ''})`.trim(),
    [
      `${project.name} was retired from the PyTorch Ecosystem on ${project.retiredOn}${project.retiredReason ? `: ${project.retiredReason}` : ''}.`,
      `The landscape keeps retired projects as \`project: archived\`${project.retiredOn ? `, with the day as \`extra.archived\`` : ''}.`,
    ].join('\n'),
    (text) => retireItem(text, project.landscapeId!, { file: FILE, ...(project.retiredOn ? { archivedOn: project.retiredOn } : {}) }),
  );
  await updateThread(ctx.store.db, key, { landscapePr: pr.number });
  return pr.number;
}
