// Tags reachable from the evaluated commit and dated at or before asOf: how many, and the newest.
// A tag's date is its tagger date when annotated, else its commit's committer date.
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
].join('%00');

export async function readTags(cwd: string, commit: string, asOf: Date): Promise<TagEvidence> {
  const limit = Math.floor(asOf.getTime() / 1000);
  let count = 0;
  let latest: { name: string; time: number; commit: string } | undefined;
  await gitLines(['for-each-ref', `--merged=${commit}`, `--format=${FORMAT}`, 'refs/tags'], { cwd }, (line) => {
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
    count++;
    if (!latest || time > latest.time || (time === latest.time && name < latest.name)) latest = { name, time, commit: target };
  });
  return {
    count,
    ...(latest ? { latest: { name: latest.name, date: new Date(latest.time * 1000).toISOString(), commit: latest.commit } } : {}),
  };
}
