// Validation of a landscape file. Errors are what landscape2 refuses (`landscape2 validate data`:
// required name, homepage_url and logo; http(s) URLs with the Crunchbase / Twitter / LinkedIn / …
// patterns; no duplicate names within a subcategory; dates and tags) or cannot build (logo files
// missing or unsafe). Data-quality findings it builds the site with anyway are warnings: repository
// URLs that name an organisation or a page of a repository, URLs not in normal form, keys it
// silently ignores, shared and raster logos. `--strict` makes the warnings fail too. Every problem
// carries the line of the key it is about.
import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { inspectLogoFile, LOGO_NAME, type LogoFinding } from './logos.js';
import { itemId, positionalId } from './names.js';
import { parseLandscapeSource, type SourceItem, type SourceLandscape } from './source.js';
import type { LandscapeProblem, ValidationResult } from './types.js';
import { checkRepoUrl, urlProblem } from './urls.js';

/** Keys landscape2 reads on an item (crates/core/src/data/legacy.rs Item). */
const ITEM_KEYS = new Set([
  'name',
  'homepage_url',
  'logo',
  'additional_repos',
  'branch',
  'crunchbase',
  'description',
  'enduser',
  'extra',
  'joined',
  'license',
  'project',
  'repo_url',
  'second_path',
  'twitter',
  'url_for_bestpractices',
  'unnamed_organization',
  // written by the LFX member sync and read by the older landscapeapp; landscape2 ignores it harmlessly
  'organization',
]);

/** Where landscape2 reads a key people put at the item level by mistake. */
const MISPLACED: Record<string, string> = {
  facebook: 'extra.facebook_url',
  linkedin: 'extra.linkedin_url',
  youtube: 'extra.youtube_url',
  slack: 'extra.slack_url',
  github: 'repo_url',
  homepage: 'homepage_url',
  repo: 'repo_url',
};

const EXTRA_URLS: Array<[string, string]> = [
  ['annual_review_url', 'annual_review'],
  ['artwork_url', 'artwork'],
  ['blog_url', 'blog'],
  ['bluesky_url', 'bluesky'],
  ['dev_stats_url', 'dev_stats'],
  ['discord_url', 'discord'],
  ['docker_url', 'docker'],
  ['documentation_url', 'documentation'],
  ['facebook_url', 'facebook'],
  ['funding_url', 'funding'],
  ['github_discussions_url', 'github_discussions'],
  ['gitter_url', 'gitter'],
  ['linkedin_url', 'linkedin'],
  ['mailing_list_url', 'mailing_list'],
  ['package_manager_url', 'package_manager'],
  ['pinterest_url', 'pinterest'],
  ['reddit_url', 'reddit'],
  ['slack_url', 'slack'],
  ['stack_overflow_url', 'stack_overflow'],
  ['youtube_url', 'youtube'],
];
const EXTRA_DATES = ['accepted', 'archived', 'graduated', 'incubating', 'annual_review_date'];
const EXTRA_KEYS = new Set([
  ...EXTRA_URLS.map(([k]) => k),
  ...EXTRA_DATES,
  'annotations',
  'audits',
  'chat_channel',
  'clomonitor_name',
  'lfx_slug',
  'other_links',
  'parent_project',
  'specification',
  'summary_business_use_case',
  'summary_integration',
  'summary_integrations',
  'summary_intro_url',
  'summary_personas',
  'summary_release_rate',
  'summary_tags',
  'summary_use_case',
  'tag',
  'training_certifications',
  'training_type',
]);
const STRING_KEYS = ['description', 'repo_url', 'project', 'crunchbase', 'twitter', 'branch', 'license', 'url_for_bestpractices'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface ValidateOptions {
  /** shown in results; also locates the default logos folder */
  file?: string;
  /** the logos folder; default hosted_logos/ beside the file; null skips logo files */
  logosDir?: string | null;
  /** the findings for a logo file by name, when the logos are not in a local folder (a repository's, through its API) */
  logoFindings?: (name: string) => LogoFinding[];
}

export function validateLandscape(text: string, opts: ValidateOptions = {}): ValidationResult {
  return validateSource(parseLandscapeSource(text, opts.file ?? 'landscape.yml'), opts);
}

export function validateSource(src: SourceLandscape, opts: ValidateOptions = {}): ValidationResult {
  const errors: LandscapeProblem[] = src.problems.map((p) => ({ ...p, line: p.line ?? 1 }));
  const warnings: LandscapeProblem[] = [];
  const lookup = opts.logoFindings;
  const logosDir = lookup ? null : resolveLogosDir(src.file, opts.logosDir);
  if (logosDir && !isDir(logosDir)) {
    warnings.push({
      line: null,
      item: null,
      message: `logos folder ${logosDir} not found: logo files were not checked (pass --logos DIR)`,
    });
  }
  const checkFiles = lookup !== undefined || (logosDir !== null && isDir(logosDir));
  const logoCache = new Map<string, LogoFinding[]>();
  const logoUsers = new Map<string, { id: string; line: number; name: string }>();
  const repoUsers = new Map<string, { id: string; line: number }>();
  const paths = new Set<string>();
  for (const c of src.categories) for (const s of c.subcategories) paths.add(`${c.name} / ${s.name}`);
  let count = 0;

  for (const cat of src.categories) {
    for (const sub of cat.subcategories) {
      const names = new Map<string, number>();
      const ids = new Map<string, { name: string; line: number }>();
      for (const si of sub.items) {
        count++;
        // an entry a syntax error runs through (or cuts short) is not what its author wrote:
        // the syntax error is its report
        if (src.syntaxErrorLines.some((l) => l >= si.entryLine && l <= si.endLine + 1)) continue;
        const id = si.name ? itemId(cat.name, sub.name, si.name) : positionalId(cat.name, sub.name, si.index);
        const err = (field: string | undefined, message: string) => errors.push(problem(si, id, field, message));
        const warn = (field: string | undefined, message: string) => warnings.push(problem(si, id, field, message));
        const v = si.values;

        for (const [k, f] of si.fields)
          if (k.includes('\u0000')) err(f.key, `key ${f.key} is repeated (first at line ${si.fields.get(f.key)?.line})`);

        // landscape2's required fields, in its order
        if (!si.name)
          err(
            'name',
            v['name'] === undefined || v['name'] === '' || v['name'] === null
              ? 'item name is required'
              : `item name must be text, found ${JSON.stringify(v['name'])}`,
          );
        else if (names.has(si.name))
          err('name', `duplicate item name ${JSON.stringify(si.name)} in ${cat.name} / ${sub.name} (first at line ${names.get(si.name)})`);
        else {
          names.set(si.name, si.fields.get('name')!.line);
          // "Kornia" and "kornia!" differ as names but share an id: the site would show one of them.
          const twin = ids.get(id);
          if (twin)
            err(
              'name',
              `item id ${id} is also the id of ${JSON.stringify(twin.name)} (line ${twin.line}): names that differ only in case or punctuation collide`,
            );
          else ids.set(id, { name: si.name, line: si.fields.get('name')!.line });
        }
        requiredText(si, 'homepage_url', 'homepage url is required', err);
        requiredText(si, 'logo', 'logo is required', err);
        for (const k of STRING_KEYS) {
          if (v[k] !== undefined && v[k] !== null && typeof v[k] !== 'string') err(k, `${k} must be text, found ${JSON.stringify(v[k])}`);
        }
        for (const k of ['enduser', 'unnamed_organization']) {
          if (v[k] !== undefined && v[k] !== null && typeof v[k] !== 'boolean')
            err(k, `${k} must be true or false, found ${JSON.stringify(v[k])}`);
        }
        if (v['joined'] !== undefined && v['joined'] !== null && !isDate(v['joined']))
          err('joined', `joined must be a date YYYY-MM-DD, found ${JSON.stringify(v['joined'])}`);

        // URLs, as landscape2 checks them
        const urls: Array<[string, string]> = [
          ['url_for_bestpractices', 'best_practices'],
          ['crunchbase', 'crunchbase'],
          ['homepage_url', 'homepage'],
          ['repo_url', 'repository'],
          ['twitter', 'twitter'],
        ];
        for (const [key, kind] of urls) {
          const u = v[key];
          if (typeof u === 'string' && u !== '') {
            const p = urlProblem(kind, u);
            if (p) err(key, p);
          }
        }
        additionalRepos(v['additional_repos'], err);
        extraChecks(v['extra'], err, warn);
        secondPath(v['second_path'], paths, err, warn);

        // beyond landscape2: the repository, the logo, keys it ignores
        if (typeof v['repo_url'] === 'string') repoChecks(v['repo_url'], id, si, repoUsers, warn);
        if (typeof v['logo'] === 'string' && v['logo'] !== '') {
          const logo = v['logo'];
          if (/[/\\]/.test(logo) || logo === '..' || logo === '.')
            err('logo', `logo must be a file name in the logos folder, found ${JSON.stringify(logo)}`);
          else if (!LOGO_NAME.test(logo))
            err('logo', `logo ${JSON.stringify(logo)} is not an image file name (expected .svg, or gif/jpg/jpeg/tif/tiff/png/webp/bmp)`);
          else {
            if (checkFiles) {
              let found = logoCache.get(logo);
              if (!found) logoCache.set(logo, (found = lookup ? lookup(logo) : inspectLogoFile(logosDir!, logo)));
              for (const f of found) (f.severity === 'error' ? err : warn)('logo', f.message);
            } else if (!/\.svg$/i.test(logo)) {
              warn(
                'logo',
                `logo ${logo} is ${logo.split('.').pop()!.toUpperCase()}, not SVG: landscape2 and the onboarding checklist expect an SVG`,
              );
            }
            const line = si.fields.get('logo')!.line;
            const user = logoUsers.get(logo);
            if (!user) logoUsers.set(logo, { id, line, name: si.name ?? '' });
            else if (carriesName(logo, user.name) && !carriesName(logo, si.name ?? '')) {
              warn(
                'logo',
                `logo ${logo} is also used by ${user.id} (line ${user.line}), whose name it carries; each project needs its own logo`,
              );
            } else if (carriesName(logo, si.name ?? '') && !carriesName(logo, user.name)) {
              warnings.push({
                line: user.line,
                item: user.id,
                field: 'logo',
                message: `logo ${logo} is also used by ${id} (line ${line}), whose name it carries; each project needs its own logo`,
              });
            } else warn('logo', `logo ${logo} is also used by ${user.id} (line ${user.line}); each project needs its own logo`);
          }
        }
        for (const k of si.keys) {
          if (ITEM_KEYS.has(k)) continue;
          const hint = MISPLACED[k] ? `; did you mean ${MISPLACED[k]}?` : '';
          warn(k, `key ${k} is not read by landscape2 (ignored)${hint}`);
        }
      }
    }
  }
  const order = (a: LandscapeProblem, b: LandscapeProblem) => (a.line ?? 0) - (b.line ?? 0);
  return { file: src.file, items: count, errors: errors.sort(order), warnings: warnings.sort(order) };
}

function problem(si: SourceItem, id: string, field: string | undefined, message: string): LandscapeProblem {
  const line = (field && si.fields.get(field)?.line) || si.line;
  const p: LandscapeProblem = { line, item: id, message };
  if (field) p.field = field;
  return p;
}

type Report = (field: string | undefined, message: string) => void;

function requiredText(si: SourceItem, key: string, missing: string, err: Report): void {
  const v = si.values[key];
  if (v === undefined || v === null || v === '') err(si.fields.has(key) ? key : undefined, missing);
  else if (typeof v !== 'string') err(key, `${key} must be text, found ${JSON.stringify(v)}`);
}

/** Whether a logo file name carries the item's name (ignoring case and punctuation). */
function carriesName(logo: string, name: string): boolean {
  const compact = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const n = compact(name);
  return n.length > 0 && compact(logo).includes(n);
}

function isDate(v: unknown): boolean {
  if (typeof v !== 'string' || !DATE.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

function additionalRepos(value: unknown, err: Report): void {
  if (value === undefined || value === null) return;
  if (!Array.isArray(value)) return err('additional_repos', 'additional_repos must be a list of {repo_url, branch}');
  for (const r of value) {
    const url = (r as Record<string, unknown> | null)?.['repo_url'];
    if (typeof url !== 'string' || url === '') err('additional_repos', 'additional_repos: every entry needs a repo_url');
    else {
      const p = urlProblem('additional_repository', url);
      if (p) err('additional_repos', p);
    }
  }
}

function extraChecks(extra: unknown, err: Report, warn: Report): void {
  if (extra === undefined || extra === null) return;
  if (typeof extra !== 'object' || Array.isArray(extra)) return err('extra', `extra must be a mapping, found ${JSON.stringify(extra)}`);
  const x = extra as Record<string, unknown>;
  for (const [key, kind] of EXTRA_URLS) {
    const u = x[key];
    if (u === undefined || u === null) continue;
    if (typeof u !== 'string') err('extra', `extra.${key} must be text`);
    else {
      const p = urlProblem(kind, u);
      if (p) err('extra', `extra.${key}: ${p}`);
    }
  }
  for (const k of EXTRA_DATES) {
    if (x[k] !== undefined && x[k] !== null && !isDate(x[k]))
      err('extra', `extra.${k} must be a date YYYY-MM-DD, found ${JSON.stringify(x[k])}`);
  }
  if (x['tag'] !== undefined && x['tag'] !== null) {
    const tags = Array.isArray(x['tag']) ? x['tag'] : [x['tag']];
    for (const t of tags)
      if (typeof t !== 'string' || !/^[a-z-]+$/.test(t))
        err('extra', `invalid tag ${JSON.stringify(t)} (must use only lowercase letters and hyphens)`);
  }
  if (x['other_links'] !== undefined && x['other_links'] !== null) {
    const links = Array.isArray(x['other_links']) ? x['other_links'] : [];
    for (const l of links as Array<Record<string, unknown> | null>) {
      if (!l || typeof l['name'] !== 'string' || l['name'] === '') err('extra', 'extra.other_links: link name is required');
      if (!l || typeof l['url'] !== 'string' || l['url'] === '') err('extra', 'extra.other_links: link url is required');
      else {
        const p = urlProblem('other_link', l['url']);
        if (p) err('extra', `extra.other_links: ${p}`);
      }
    }
  }
  for (const k of Object.keys(x)) if (!EXTRA_KEYS.has(k)) warn('extra', `extra.${k} is not read by landscape2 (ignored)`);
}

function secondPath(value: unknown, paths: Set<string>, err: Report, warn: Report): void {
  if (value === undefined || value === null) return;
  if (!Array.isArray(value)) return err('second_path', 'second_path must be a list of "Category / Subcategory"');
  for (const p of value) {
    if (typeof p !== 'string' || !/^.+ \/ .+$/.test(p))
      err('second_path', `second_path entry ${JSON.stringify(p)} must be "Category / Subcategory"`);
    else if (
      !paths.has(
        p
          .split(' / ')
          .map((s) => s.trim())
          .join(' / '),
      )
    )
      warn('second_path', `second_path ${p} names no category / subcategory of this landscape`);
  }
}

function repoChecks(url: string, id: string, si: SourceItem, users: Map<string, { id: string; line: number }>, warn: Report): void {
  const c = checkRepoUrl(url);
  if (!c) return;
  const canonical = c.tree ? `${c.normalized}/tree/${c.tree}` : c.normalized;
  if (c.problem === 'org')
    warn(
      'repo_url',
      `repo_url ${url} points at an organisation, not a repository: expected https://github.com/OWNER/REPO (landscape2 collects no repository data for it)`,
    );
  else if (c.problem === 'subpath') warn('repo_url', `repo_url ${url} points at a page inside a repository: expected ${c.suggestion}`);
  else if (c.problem === 'form') warn('repo_url', `repo_url ${url} is not in normal form: expected ${canonical}`);
  if (c.problem === 'org') return;
  // two projects in folders of one monorepo are two projects
  const key = canonical.toLowerCase();
  const user = users.get(key);
  if (user) warn('repo_url', `repository ${canonical} is also listed as ${user.id} (line ${user.line})`);
  else users.set(key, { id, line: si.fields.get('repo_url')!.line });
}

function resolveLogosDir(file: string, given: string | null | undefined): string | null {
  if (given === null) return null;
  if (given !== undefined) return resolve(given);
  return join(dirname(resolve(file)), 'hosted_logos');
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
