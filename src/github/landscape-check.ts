// Every pull request to the landscape repository gets a check run validating landscape.yml and its
// logos as they are at the pull request's head: what landscape2 would refuse fails it (a logo file
// missing from the logos folder, an SVG that is malformed or unsafe), data-quality findings are
// warnings (a raster logo), each annotated at its line of landscape.yml, and an SVG's own faults
// also at their line in the logo file. The logos folder is listed once at the head and once at the
// base; only the logo files the pull request adds or changes are fetched and read.
import { inspectLogoData, LOGO_NAME, MAX_SVG_BYTES, type LogoFinding } from '../landscape/logos.js';
import { parseLandscapeSource } from '../landscape/source.js';
import { validateSource } from '../landscape/validate.js';
import type { LandscapeProblem } from '../landscape/types.js';
import { logosDirOf, splitRepo } from './config.js';
import { sameRepo, type AppContext, type Client } from './context.js';

export interface PullRequestPayload {
  action: string;
  number: number;
  pull_request: { head: { sha: string; repo: { full_name: string } | null }; base?: { sha?: string; repo?: { full_name: string } | null } };
  repository: { full_name: string };
}

/** At most this many logo files are fetched for one pull request; the rest are listed as not read. */
const MAX_LOGO_READS = 100;

interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'failure' | 'warning';
  title: string;
  message: string;
}

/** GitHub's contents API lists at most this many entries of a folder. */
const CONTENTS_LIMIT = 1000;

/** A folder's files by name with their blob shas and sizes; null when the folder is not there. */
async function listFolder(
  gh: Client,
  where: { owner: string; repo: string },
  path: string,
  ref: string,
): Promise<Map<string, { sha: string; size: number }> | null> {
  const files = (entries: { type?: string; name: string; sha: string; size?: number }[], file: string) =>
    new Map(entries.filter((e) => e.type === file).map((e) => [e.name, { sha: e.sha, size: e.size ?? 0 }]));
  try {
    const { data } = await gh.rest.repos.getContent({ ...where, path, ref });
    if (!Array.isArray(data)) return null;
    if (data.length < CONTENTS_LIMIT) return files(data, 'file');
    // a folder of 1 000 logos or more: the contents API stops there, the trees API does not;
    // the folder's tree sha comes from its parent's listing
    const slash = path.lastIndexOf('/');
    const parent = await gh.rest.repos.getContent({ ...where, path: slash < 0 ? '' : path.slice(0, slash), ref });
    const self = Array.isArray(parent.data) ? parent.data.find((e) => e.type === 'dir' && e.path === path) : undefined;
    if (!self) return files(data, 'file');
    const tree = await gh.rest.git.getTree({ ...where, tree_sha: self.sha });
    return files(
      tree.data.tree.map((e) => ({
        type: e.type,
        name: e.path ?? '',
        sha: e.sha ?? '',
        ...(e.size !== undefined ? { size: e.size } : {}),
      })),
      'blob',
    );
  } catch (err) {
    if ((err as { status?: number }).status === 404) return null;
    throw err;
  }
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
    await gh.rest.checks.create({
      owner,
      repo,
      name: CHECK_NAME,
      head_sha: head.sha,
      status: 'completed',
      conclusion: 'failure',
      output: {
        title: `${FILE} is missing`,
        summary: `The pull request's head ${head.sha.slice(0, 12)} has no ${FILE} at the repository root.`,
      },
    });
    return;
  }
  const src = parseLandscapeSource(text, FILE);
  const logos = await logoFindings(ctx, gh, source, { owner, repo }, p, src);
  const result = validateSource(src, logos.lookup ? { logoFindings: logos.lookup } : { logosDir: null });
  if (logos.note) result.warnings.push({ line: null, item: null, message: logos.note });
  const annotate = (p: LandscapeProblem, level: 'failure' | 'warning'): Annotation => ({
    path: FILE,
    start_line: p.line ?? 1,
    end_line: p.line ?? 1,
    annotation_level: level,
    title: p.item ? `${p.item}${p.field ? ` · ${p.field}` : ''}` : FILE,
    message: p.message,
  });
  const annotations: Annotation[] = [
    ...result.errors.map((e) => annotate(e, 'failure')),
    ...logos.inFiles,
    ...result.warnings.map((w) => annotate(w, 'warning')),
  ];
  const failed = result.errors.length > 0;
  const summary = [
    `${result.items} items read; ${result.errors.length} error${result.errors.length === 1 ? '' : 's'} (landscape2 would refuse or fail to build), ${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'}.`,
    ...result.errors.slice(0, 20).map((e) => `- line ${e.line ?? '?'}: ${e.message}`),
    annotations.length > MAX_ANNOTATIONS
      ? `\nOnly the first ${MAX_ANNOTATIONS} of ${annotations.length} findings are annotated; run \`steward landscape validate ${FILE}\` for all.`
      : '',
  ].join('\n');
  await gh.rest.checks.create({
    owner,
    repo,
    name: CHECK_NAME,
    head_sha: head.sha,
    status: 'completed',
    conclusion: failed ? 'failure' : 'success',
    output: {
      title: failed ? `${result.errors.length} error${result.errors.length === 1 ? '' : 's'} in ${FILE}` : `${FILE} is valid`,
      summary,
      annotations: annotations.slice(0, MAX_ANNOTATIONS),
    },
  });
}

/**
 * What the check knows of each logo landscape.yml names: missing from the logos folder at the head
 * (an error), raster (a warning), an SVG added or changed by the pull request read and inspected;
 * an SVG the base already had, byte for byte, was checked when it came in. Null lookup: the
 * folder is not there, and `note` says so.
 */
async function logoFindings(
  ctx: AppContext,
  gh: Client,
  head: { owner: string; repo: string },
  base: { owner: string; repo: string },
  p: PullRequestPayload,
  src: ReturnType<typeof parseLandscapeSource>,
): Promise<{ lookup?: (name: string) => LogoFinding[]; note?: string; inFiles: Annotation[] }> {
  const dir = logosDirOf(ctx.config);
  const atHead = await listFolder(gh, head, dir, p.pull_request.head.sha);
  if (!atHead)
    return { note: `logos folder ${dir}/ not found at ${p.pull_request.head.sha.slice(0, 12)}: logo files were not checked`, inFiles: [] };
  const baseSha = p.pull_request.base?.sha;
  const atBase = baseSha ? await listFolder(gh, base, dir, baseSha) : null;
  const names = new Set<string>();
  for (const c of src.categories)
    for (const s of c.subcategories)
      for (const i of s.items) {
        const logo = i.values['logo'];
        if (typeof logo === 'string' && LOGO_NAME.test(logo) && !/[/\\]/.test(logo)) names.add(logo);
      }
  const found = new Map<string, LogoFinding[]>();
  const inFiles: Annotation[] = [];
  let reads = 0;
  const unread: string[] = [];
  for (const name of [...names].sort()) {
    const file = atHead.get(name);
    if (file === undefined) {
      found.set(name, [{ severity: 'error', message: `logo file ${name} not found in ${dir}/` }]);
      continue;
    }
    if (!/\.svg$/i.test(name)) {
      found.set(name, [
        {
          severity: 'warning',
          message: `logo ${name} is ${name.split('.').pop()!.toUpperCase()}, not SVG: landscape2 and the onboarding checklist expect an SVG`,
        },
      ]);
      continue;
    }
    if (atBase?.get(name)?.sha === file.sha) continue;
    if (file.size > MAX_SVG_BYTES) {
      found.set(name, [
        {
          severity: 'error',
          message: `logo ${name} is ${file.size} bytes; an SVG logo over ${MAX_SVG_BYTES} bytes is not checked or served`,
        },
      ]);
      continue;
    }
    if (reads++ >= MAX_LOGO_READS) {
      unread.push(name);
      continue;
    }
    const { data } = await gh.rest.git.getBlob({ ...head, file_sha: file.sha });
    const findings = inspectLogoData(name, Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8'), `${dir}/`);
    found.set(name, findings);
    for (const f of findings) {
      if (f.line)
        inFiles.push({
          path: `${dir}/${name}`,
          start_line: f.line,
          end_line: f.line,
          annotation_level: f.severity === 'error' ? 'failure' : 'warning',
          title: `${dir}/${name}`,
          message: f.message,
        });
    }
  }
  return {
    lookup: (name) => found.get(name) ?? [],
    ...(unread.length
      ? {
          note: `${unread.length} more logo files changed than one check reads (${MAX_LOGO_READS}); not read: ${unread.slice(0, 10).join(', ')}${unread.length > 10 ? ', …' : ''}`,
        }
      : {}),
    inFiles,
  };
}
