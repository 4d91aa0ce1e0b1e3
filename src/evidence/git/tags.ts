// Tags dated at or before asOf: how many, and the newest one whose commit is reachable from the
// evaluated commit. A tag's date is its tagger date when annotated, else its commit's committer
// date. Reachability is asked of the newest candidates one at a time (`git merge-base
// --is-ancestor`): `for-each-ref --merged` would test every tag, a second or more on a large
// history with hundreds of releases, to answer a question about the newest one.
import type { TagEvidence } from '../types.js';
import { gitBuffer, gitLines, GitError } from './run.js';

const FORMAT = [
  '%(refname:strip=2)',
  '%(objecttype)',
  '%(taggerdate:unix)',
  '%(objectname)',
  '%(committerdate:unix)',
  '%(*objecttype)',
  '%(*objectname)',
  '%(*committerdate:unix)',
].join('%00');

/** Candidates tried one by one before asking git about all the rest at once. */
const ONE_BY_ONE = 8;

interface Tag {
  name: string;
  time: number;
  commit: string;
}

export async function readTags(cwd: string, commit: string, asOf: Date): Promise<TagEvidence> {
  const limit = Math.floor(asOf.getTime() / 1000);
  const tags: Tag[] = [];
  await gitLines(['for-each-ref', `--format=${FORMAT}`, 'refs/tags'], { cwd }, (line) => {
    const [name, type, taggerDate, oid, commitDate, peeledType, peeledOid, peeledDate] = line.split('\0');
    if (!name) return;
    let target: string | undefined;
    let time: number;
    if (type === 'commit') {
      target = oid;
      time = Number(commitDate);
    } else if (type === 'tag' && peeledType === 'commit') {
      target = peeledOid;
      // an annotated tag written without a tagger line is dated by its commit
      time = Number(taggerDate || peeledDate);
    } else {
      return; // a tag of a tree or blob is not a release
    }
    if (!target || !Number.isFinite(time) || time > limit) return;
    tags.push({ name, time, commit: target });
  });
  tags.sort((a, b) => b.time - a.time || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const latest = await newestReachable(cwd, commit, tags);
  return {
    count: tags.length,
    ...(latest ? { latest: { name: latest.name, date: new Date(latest.time * 1000).toISOString(), commit: latest.commit } } : {}),
  };
}

async function newestReachable(cwd: string, head: string, tags: Tag[]): Promise<Tag | undefined> {
  for (const tag of tags.slice(0, ONE_BY_ONE)) {
    if (await isAncestor(cwd, tag.commit, head)) return tag;
  }
  if (tags.length <= ONE_BY_ONE) return undefined;
  const merged = new Set<string>();
  await gitLines(['for-each-ref', `--merged=${head}`, '--format=%(refname:strip=2)', 'refs/tags'], { cwd }, (name) => {
    merged.add(name);
  });
  return tags.slice(ONE_BY_ONE).find((t) => merged.has(t.name));
}

async function isAncestor(cwd: string, commit: string, head: string): Promise<boolean> {
  try {
    await gitBuffer(['merge-base', '--is-ancestor', commit, head], { cwd });
    return true;
  } catch (err) {
    if (err instanceof GitError && err.code === 1) return false;
    throw err;
  }
}
