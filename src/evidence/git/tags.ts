// Tags dated at or before asOf: how many, and the newest. A tag's date is its tagger date when
// annotated, else its commit's committer date. Tags on any branch count, not only those reachable
// from the evaluated commit: projects such as pytorch/ignite tag releases on release branches that
// are never merged back (27 tags, 5 reachable from master, the newest of those from 2020), and a
// release is a release wherever it was cut. asOf keeps a past evaluation from seeing later tags.
import type { TagEvidence } from '../types.js';
import { gitLines } from './run.js';

const FORMAT = [
  '%(refname:strip=2)',
  '%(objecttype)',
  '%(taggerdate:unix)',
  '%(objectname)',
  '%(committerdate:unix)',
  '%(*objecttype)',
  '%(*objectname)',
  '%(*committerdate:unix)',
  '%(creatordate:unix)',
].join('%00');

/** One line of `git for-each-ref refs/tags`, as git printed it. */
export interface TagRef {
  name: string;
  type: string;
  taggerDate: string;
  oid: string;
  commitDate: string;
  peeledType: string;
  peeledOid: string;
  peeledDate: string;
  /** the tagger date of an annotated tag, else the committer date of the object (the early warning's tag date) */
  creatorDate: string;
}

/**
 * Every tag ref in one `git for-each-ref`: the release evidence and the early warning's tag dates
 * both read from it (one process for both, sharing git's parse of each tagged object).
 */
export async function readTagRefs(cwd: string): Promise<TagRef[]> {
  const refs: TagRef[] = [];
  await gitLines(['for-each-ref', `--format=${FORMAT}`, 'refs/tags'], { cwd }, (line) => {
    const [
      name = '',
      type = '',
      taggerDate = '',
      oid = '',
      commitDate = '',
      peeledType = '',
      peeledOid = '',
      peeledDate = '',
      creatorDate = '',
    ] = line.split('\0');
    refs.push({ name, type, taggerDate, oid, commitDate, peeledType, peeledOid, peeledDate, creatorDate });
  });
  return refs;
}

interface Tag {
  name: string;
  time: number;
  commit: string;
}

export async function readTags(cwd: string, asOf: Date, refs?: Promise<TagRef[]>): Promise<TagEvidence> {
  const limit = Math.floor(asOf.getTime() / 1000);
  const tags: Tag[] = [];
  for (const { name, type, taggerDate, oid, commitDate, peeledType, peeledOid, peeledDate } of await (refs ?? readTagRefs(cwd))) {
    if (!name) continue;
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
      continue; // a tag of a tree or blob is not a release
    }
    if (!target || !Number.isFinite(time) || time > limit) continue;
    tags.push({ name, time, commit: target });
  }
  tags.sort((a, b) => b.time - a.time || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const latest = tags[0];
  return {
    count: tags.length,
    ...(latest ? { latest: { name: latest.name, date: new Date(latest.time * 1000).toISOString(), commit: latest.commit } } : {}),
  };
}
