// Evidence read back from the store may predate a change of its shape; it is brought to the
// current shape before it is judged, so a re-judged report reads the same facts a fresh check
// would have gathered. Each step says which stored shape it upgrades.
import type { Evidence } from './types.js';
import { errorsBySource } from './online/errors.js';
import { extractCommunity } from './community.js';
import { COMMUNITY_FILE_KINDS } from './community/kinds/index.js';
import { extractDocs } from './docs.js';

/**
 * Evidence as it is stored: without what is read again from its own files when it is loaded
 * (`docs`, the README and docs pages in blocks, repeats their text: about a third of the whole),
 * so the store keeps each fact once and currentEvidence restores the rest.
 */
export function storableEvidence<E>(e: E): E {
  if (typeof e !== 'object' || e === null || !('docs' in e)) return e;
  const { docs: _derived, ...stored } = e;
  return stored as E;
}

export function currentEvidence(stored: Evidence): Evidence {
  let e = stored;
  // no community section (before community files were gathered into typed facts): read from the stored files
  // or one gathered before the community files and governance were (`community.files`): the same
  // facts are read again from the stored files
  const community = (e as Partial<Evidence>).community as Partial<Evidence['community']> | undefined;
  // (or before a community file registered since was gathered)
  if (!community?.files || !community.governance || COMMUNITY_FILE_KINDS.some((k) => !(k.id in community.files!)))
    e = { ...e, community: extractCommunity(e) };
  // no docs section: the store leaves it out (storableEvidence), and evidence stored before the
  // README and docs pages were read into blocks at gathering never had one; either way they are
  // read from the stored files, as a fresh check reads them, so the answer is a fresh check's
  if (!(e as Partial<Evidence>).docs) e = { ...e, docs: extractDocs(e) };
  // online errors keyed by requirement (before they were filed by source)
  if (e.online?.errors) {
    const host = e.online.gitlab || e.repo.host === 'gitlab' ? 'gitlab' : 'github';
    const errors = errorsBySource(e.online.errors, host);
    if (errors !== e.online.errors) e = { ...e, online: { ...e.online, errors } };
  }
  return e;
}
