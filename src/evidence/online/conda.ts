// conda packages through the anaconda.org API (`GET /package/{channel}/{name}`): exists, latest
// version, platforms. conda-forge names are the PyPI name lower-cased with dashes, which is
// what we ask for; a package named otherwise on conda-forge is not found here (reported, not guessed).
import type { OnlineEvidence } from '../types.js';
import { getJson, indexRequestOptions, type IndexRequestOptions } from './http-cache.js';
import { normalizeName } from './pypi.js';

interface AnacondaPackage {
  name: string;
  latest_version?: string;
  versions?: string[];
  conda_platforms?: string[];
  html_url?: string;
}

export interface CondaOptions extends IndexRequestOptions {
  baseUrl?: string;
  /** channels to look in, in order (default conda-forge) */
  channels?: string[];
}

function platformOs(p: string): string | undefined {
  if (p === 'noarch') return 'any';
  if (p.startsWith('linux')) return 'linux';
  if (p.startsWith('osx')) return 'macos';
  if (p.startsWith('win')) return 'windows';
  return undefined;
}

/** The first channel that has the package; `exists: false` (first channel named) when none has. */
export async function condaEvidence(distribution: string, opts: CondaOptions): Promise<NonNullable<OnlineEvidence['conda']>> {
  const base = (opts.baseUrl ?? 'https://api.anaconda.org').replace(/\/+$/, '');
  const channels = opts.channels?.length ? opts.channels : ['conda-forge'];
  const name = normalizeName(distribution);
  for (const channel of channels) {
    const answer = await getJson<AnacondaPackage>(
      `${base}/package/${encodeURIComponent(channel)}/${encodeURIComponent(name)}`,
      indexRequestOptions(opts),
    );
    if (answer.status === 404 || !answer.data?.name) continue;
    const p = answer.data;
    const latest = p.latest_version ?? p.versions?.[p.versions.length - 1];
    const platforms = [...new Set((p.conda_platforms ?? []).map(platformOs).filter((x): x is string => x !== undefined))].sort();
    return {
      channel,
      exists: true,
      ...(latest ? { latest } : {}),
      url: p.html_url ?? `https://anaconda.org/${channel}/${name}`,
      ...(platforms.length ? { platforms } : {}),
    };
  }
  return { channel: channels[0]!, exists: false };
}
