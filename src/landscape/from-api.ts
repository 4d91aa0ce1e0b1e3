// landscape2's api/projects/all.json item → a landscape.yml item: the inverse of export.ts's
// apiItem, so `landscape export` output fed back to `landscape export --format yaml` gives the
// entries back (logo from logo_url, repo_url from the primary repository, …) instead of dropping
// every key whose name differs between the two formats.
import { InputError } from '../util/errors.js';
import type { LandscapeItem } from './types.js';

/** Keys only the published JSON has; one of them marks an item as being in that shape. */
const API_ONLY = ['logo_url', 'repositories', 'maturity', 'crunchbase_url', 'twitter_url', 'additional_categories'];

/** Published key → landscape.yml `extra` key, where the names differ. */
const EXTRA_RENAMED: Record<string, string> = {
  accepted_at: 'accepted',
  archived_at: 'archived',
  graduated_at: 'graduated',
  incubating_at: 'incubating',
  devstats_url: 'dev_stats_url',
  latest_annual_review_at: 'annual_review_date',
  latest_annual_review_url: 'annual_review_url',
};

/** Published keys kept under the same name in `extra`. */
const EXTRA_SAME = [
  'annotations',
  'artwork_url',
  'blog_url',
  'bluesky_url',
  'chat_channel',
  'discord_url',
  'docker_url',
  'facebook_url',
  'github_discussions_url',
  'gitter_url',
  'lfx_slug',
  'linkedin_url',
  'mailing_list_url',
  'other_links',
  'package_manager_url',
  'pinterest_url',
  'reddit_url',
  'slack_url',
  'specification',
  'stack_overflow_url',
  'tag',
  'youtube_url',
];

/** Published key → landscape.yml item key. */
const FIELD_RENAMED: Record<string, string> = {
  crunchbase_url: 'crunchbase',
  twitter_url: 'twitter',
  joined_at: 'joined',
  openssf_best_practices_url: 'url_for_bestpractices',
  enduser: 'enduser',
};

export function isApiItem(item: Record<string, unknown>): boolean {
  return item['logo'] === undefined && API_ONLY.some((k) => item[k] !== undefined);
}

/** A published item as a landscape.yml item; keys this does not know are kept as they are. */
export function fromApiItem(item: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const fields: Record<string, unknown> = {};
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) {
    if (v === undefined || v === null || k === 'id') continue;
    if (k === 'logo_url' && typeof v === 'string') out['logo'] = v.slice(v.lastIndexOf('/') + 1);
    else if (k === 'maturity') out['project'] = v;
    else if (k === 'repositories' && Array.isArray(v)) {
      const repos = v.filter(
        (r): r is Record<string, unknown> => !!r && typeof r === 'object' && typeof (r as Record<string, unknown>)['url'] === 'string',
      );
      const primary = repos.find((r) => r['primary'] === true) ?? repos[0];
      if (primary) {
        out['repo_url'] = primary['url'];
        if (typeof primary['branch'] === 'string') fields['branch'] = primary['branch'];
      }
      const more = repos
        .filter((r) => r !== primary)
        .map((r) => ({ repo_url: r['url'], ...(typeof r['branch'] === 'string' ? { branch: r['branch'] } : {}) }));
      if (more.length) fields['additional_repos'] = more;
    } else if (k === 'additional_categories' && Array.isArray(v)) {
      const paths = v
        .filter((c): c is Record<string, unknown> => !!c && typeof c === 'object')
        .filter((c) => typeof c['category'] === 'string' && typeof c['subcategory'] === 'string')
        .map((c) => `${c['category'] as string} / ${c['subcategory'] as string}`);
      if (paths.length) fields['second_path'] = paths;
    } else if (k in FIELD_RENAMED) fields[FIELD_RENAMED[k]!] = v;
    else if (k in EXTRA_RENAMED) extra[EXTRA_RENAMED[k]!] = v;
    else if (EXTRA_SAME.includes(k)) extra[k] = v;
    else out[k] = v;
  }
  if (Object.keys(fields).length) out['fields'] = { ...(out['fields'] as Record<string, unknown> | undefined), ...fields };
  if (Object.keys(extra).length) out['extra'] = { ...(out['extra'] as Record<string, unknown> | undefined), ...extra };
  return out;
}

/**
 * The items of a JSON array read from `where` for `landscape export --format yaml`: landscape.yml
 * keys, or landscape2's published shape read back; each needs a text name, category and subcategory.
 */
export function itemsFromJson(json: unknown, where: string): LandscapeItem[] {
  if (!Array.isArray(json))
    throw new InputError(`${where}: expected a JSON array of items ({name, category, subcategory, homepage_url, logo, …})`);
  const items = json.map((it: unknown) =>
    it && typeof it === 'object' && !Array.isArray(it) && isApiItem(it as Record<string, unknown>)
      ? fromApiItem(it as Record<string, unknown>)
      : it,
  ) as Record<string, unknown>[];
  items.forEach((it: Record<string, unknown>, i) => {
    for (const k of ['name', 'category', 'subcategory'])
      if (typeof it?.[k] !== 'string' || !it[k]) throw new InputError(`${where}: item [${i}] needs a text ${k}`);
  });
  return items as unknown as LandscapeItem[];
}
