// PyPI through its JSON API (https://docs.pypi.org/api/json/): does the distribution exist, which
// release is the latest (yanked and empty releases skipped), does it ship a wheel and for which
// platforms, what torch specifier its metadata requires, and do its project URLs link back here.
import { compare, valid } from '@renovatebot/pep440';
import type { OnlineEvidence } from '../types.js';
import { getJson, indexRequestOptions, type IndexRequestOptions } from './http-cache.js';

export interface PypiFile {
  filename: string;
  packagetype: string;
  yanked?: boolean;
  upload_time_iso_8601?: string;
  upload_time?: string;
}

export interface PypiProject {
  info: {
    name: string;
    version: string;
    requires_dist?: string[] | null;
    project_urls?: Record<string, string> | null;
    home_page?: string | null;
    yanked?: boolean;
  };
  releases?: Record<string, PypiFile[]>;
  urls?: PypiFile[];
}

export interface PypiOptions extends IndexRequestOptions {
  baseUrl?: string;
  /** the repository's page, to tell whether project_urls link back to it */
  repoUrl?: string;
}

/** PEP 503 normalisation: `Foo_Bar.baz` and `foo-bar-baz` are one project. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

function isPre(v: string): boolean {
  return /(a|b|rc|c|alpha|beta|pre|preview|dev)\d*/i.test(
    v
      .replace(/^\d+!/, '')
      .replace(/\+.*$/, '')
      .replace(/^[\d.]+/, ''),
  );
}

function byVersionDesc(a: string, b: string): number {
  const va = valid(a) !== null;
  const vb = valid(b) !== null;
  if (va && vb) return compare(b, a);
  // legacy versions PEP 440 can't read sort after every valid one
  return va ? -1 : vb ? 1 : b.localeCompare(a);
}

/** The latest release: the highest final version with a file that is not yanked (a pre-release only if there is no final one). */
export function latestRelease(releases: Record<string, PypiFile[]>): { version: string; files: PypiFile[] } | undefined {
  const live = Object.entries(releases)
    .map(([version, files]) => ({ version, files: files.filter((f) => !f.yanked) }))
    .filter((r) => r.files.length > 0)
    .sort((a, b) => byVersionDesc(a.version, b.version));
  return live.find((r) => !isPre(r.version)) ?? live[0];
}

export function wheelPlatform(filename: string): string | undefined {
  const m = /-([^-]+)\.whl$/i.exec(filename);
  if (!m) return undefined;
  const tags = m[1]!.toLowerCase().split('.');
  const out = new Set<string>();
  for (const t of tags) {
    if (t === 'any') out.add('any');
    else if (/linux/.test(t)) out.add('linux');
    else if (t.startsWith('macosx')) out.add('macos');
    else if (t.startsWith('win')) out.add('windows');
  }
  return [...out].sort().join(',') || undefined;
}

/** The torch specifier of a `requires_dist` list: `torch>=2.0` → `>=2.0`; old `torch (>=1.3)` too. Unconditional entries win. */
export function torchRequirement(requiresDist: string[] | null | undefined): string | undefined {
  let optional: string | undefined;
  for (const line of requiresDist ?? []) {
    const m = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(\(([^)]*)\)|[^;@]*)?\s*(;.*)?$/.exec(line);
    if (!m || normalizeName(m[1]!) !== 'torch') continue;
    const spec = (m[3] ?? m[2] ?? '').trim();
    if (m[4] && /\bextra\s*==/.test(m[4])) optional ??= spec;
    else return spec;
  }
  return optional;
}

function normUrl(u: string): string {
  return u
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[#?].*$/, '')
    .replace(/\.git$/, '')
    .replace(/\/+$/, '');
}

export function linksBack(urls: Record<string, string>, repoUrl: string): boolean {
  const target = normUrl(repoUrl);
  return Object.values(urls).some((u) => {
    const n = normUrl(u);
    return n === target || n.startsWith(`${target}/`);
  });
}

/** Reads one distribution from PyPI. `exists: false` for a 404; throws only when PyPI can't be asked. */
export async function pypiEvidence(distribution: string, opts: PypiOptions): Promise<NonNullable<OnlineEvidence['pypi']>> {
  const base = (opts.baseUrl ?? 'https://pypi.org').replace(/\/+$/, '');
  const name = normalizeName(distribution);
  const common = indexRequestOptions(opts);
  const answer = await getJson<PypiProject>(`${base}/pypi/${encodeURIComponent(name)}/json`, common);
  if (answer.status === 404 || answer.status === 410 || !answer.data?.info) return { distribution, exists: false };
  const project = answer.data;
  const releases = project.releases ?? { [project.info.version]: project.urls ?? [] };
  const latest = latestRelease(releases);
  const url = `${base === 'https://pypi.org' ? 'https://pypi.org' : base}/project/${name}/`;
  if (!latest) return { distribution, exists: true, url, allYanked: Object.keys(releases).length > 0 };
  const out: NonNullable<OnlineEvidence['pypi']> = { distribution, exists: true, url, latest: latest.version };
  const wheels = latest.files.filter((f) => f.packagetype === 'bdist_wheel' || f.filename.endsWith('.whl'));
  out.wheel = wheels.length > 0;
  const date = latest.files
    .map((f) => f.upload_time_iso_8601 ?? f.upload_time ?? '')
    .sort()
    .pop();
  if (date) out.latestDate = date;
  if (out.wheel) {
    out.wheelPlatforms = [...new Set(wheels.flatMap((w) => wheelPlatform(w.filename)?.split(',') ?? []))].sort();
  } else {
    const withWheel = Object.entries(releases)
      .filter(([, files]) => files.some((f) => !f.yanked && (f.packagetype === 'bdist_wheel' || f.filename.endsWith('.whl'))))
      .map(([v]) => v)
      .sort(byVersionDesc)[0];
    if (withWheel) out.latestWithWheel = withWheel;
  }
  // `info` describes PyPI's idea of the latest; when ours differs (it was yanked), ask for ours
  let info = project.info;
  if (info.version !== latest.version) {
    const exact = await getJson<PypiProject>(`${base}/pypi/${encodeURIComponent(name)}/${encodeURIComponent(latest.version)}/json`, common);
    if (exact.data?.info) info = exact.data.info;
  }
  const torch = torchRequirement(info.requires_dist);
  if (torch !== undefined) out.requiresTorch = torch;
  const urls: Record<string, string> = { ...(info.project_urls ?? {}) };
  if (info.home_page && !Object.values(urls).includes(info.home_page)) urls.Homepage ??= info.home_page;
  if (Object.keys(urls).length > 0) out.projectUrls = urls;
  if (opts.repoUrl) out.linksBack = linksBack(urls, opts.repoUrl);
  return out;
}

/** The torch feature releases (X.Y.0) with their dates, from PyPI's release list. */
export async function torchReleasesFromPypi(opts: PypiOptions): Promise<{ version: string; date: string }[]> {
  const base = (opts.baseUrl ?? 'https://pypi.org').replace(/\/+$/, '');
  const answer = await getJson<PypiProject>(`${base}/pypi/torch/json`, {
    cache: opts.cache,
    counter: opts.counter,
    ...(opts.retryBaseMs !== undefined ? { retryBaseMs: opts.retryBaseMs } : {}),
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
  });
  if (!answer.data?.releases) throw new Error(`${base}/pypi/torch/json: expected a project with releases, found HTTP ${answer.status}`);
  const out: { version: string; date: string }[] = [];
  for (const [version, files] of Object.entries(answer.data.releases)) {
    const m = /^(\d+)\.(\d+)(?:\.0)?$/.exec(version);
    const live = files.filter((f) => !f.yanked);
    if (!m || live.length === 0) continue;
    const date = live
      .map((f) => f.upload_time_iso_8601 ?? f.upload_time ?? '')
      .filter(Boolean)
      .sort()[0];
    if (date) out.push({ version: `${m[1]}.${m[2]}.0`, date: date.slice(0, 10) });
  }
  return out.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}
