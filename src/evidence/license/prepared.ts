// The candidate templates normalised ahead of time. Normalising the ~50 SPDX texts costs about
// 70 ms, most of a cold `steward check`'s license work; the build writes the normalised tokens
// beside the bundled CLI (dist/bundle/license-templates.json) and the matcher reads them instead.
// Run from the TypeScript sources (tests, tsx) there is no such file and templates are normalised
// at first use, as before: the two paths give identical templates (tested).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { endianness } from 'node:os';
import { WILDCARD } from './normalize.js';

export interface PreparedTemplate {
  spdx: string;
  kind: 'license' | 'appendix';
  tokens: string[];
  raw: string[];
  /** leading title tokens (see Template.optional) */
  optional: number;
}

/**
 * The file: the templates' tokens as ids into one vocabulary (in the order the matcher interns
 * them, so the ids are the ones it would assign), each template's ids as little-endian int32 in
 * base64 and its raw words joined by newlines (a word holds no whitespace). Parsing it is a few
 * long strings instead of ~140 000 short ones, and nothing is interned: most of a cold check's
 * license work was reading the token lists.
 */
interface PreparedFile {
  /** the candidate list and the SPDX list version the file was made from */
  key: string;
  /** token id → token; id 0 is the wildcard */
  vocabulary: string[];
  templates: { spdx: string; kind: PreparedTemplate['kind']; ids: string; raw: string; optional: number; bigrams: number }[];
  /**
   * The screening index: every bigram key (a × 32768 + b, ascending; int32 LE), where each key's
   * templates start in `holders` (int32 LE, one more than keys) and the template indexes (uint16 LE).
   */
  index?: { keys: string; starts: string; holders: string };
}

/** bigram key → indexes of the templates holding it, as sorted arrays (binary search, nothing to build). */
export interface PreparedIndex {
  keys: Int32Array;
  starts: Int32Array;
  holders: Uint16Array;
}

/** A prepared template as read back: ids into the file's vocabulary, raw words split on first use. */
export interface LoadedTemplate {
  spdx: string;
  kind: PreparedTemplate['kind'];
  ids: Int32Array;
  raw: () => string[];
  optional: number;
  /** how many distinct bigrams of two non-wildcard tokens the ids hold */
  bigrams: number;
}

export const PREPARED_FILE_NAME = 'license-templates.json';

export function preparedKey(candidateIds: readonly string[]): string {
  const require = createRequire(import.meta.url);
  const { version } = require('spdx-license-list/package.json') as { version: string };
  return `spdx-license-list@${version}:titles:ids:${candidateIds.join(',')}`;
}

let candidateIdsForKey: readonly string[] | undefined;

/** Called by templates.ts with its candidate list, so the key check needs no import cycle. */
export function setPreparedCandidates(ids: readonly string[]): void {
  candidateIdsForKey = ids;
}

/** The prepared templates next to this module (or at `path`), or undefined when absent or made from other inputs. */
export function readPreparedTemplates(
  path: string | URL = new URL(`./${PREPARED_FILE_NAME}`, import.meta.url),
): { vocabulary: string[]; templates: LoadedTemplate[]; index?: PreparedIndex } | undefined {
  let file: PreparedFile;
  try {
    file = JSON.parse(readFileSync(path, 'utf8')) as PreparedFile;
  } catch {
    return undefined;
  }
  if (!candidateIdsForKey || file.key !== preparedKey(candidateIdsForKey) || file.vocabulary?.[0] !== WILDCARD) return undefined;
  const templates = file.templates.map((t): LoadedTemplate => {
    const ids = int32s(t.ids);
    let raw: string[] | undefined;
    return {
      spdx: t.spdx,
      kind: t.kind,
      ids,
      raw: () => (raw ??= t.raw === '' ? [] : t.raw.split('\n')),
      optional: t.optional,
      bigrams: t.bigrams,
    };
  });
  if (!file.index) return { vocabulary: file.vocabulary, templates };
  const holderBytes = Buffer.from(file.index.holders, 'base64');
  const holders = new Uint16Array(holderBytes.length >> 1);
  if (LITTLE_ENDIAN) copyInto(holders, holderBytes);
  else for (let i = 0; i < holders.length; i++) holders[i] = holderBytes.readUInt16LE(i * 2);
  return { vocabulary: file.vocabulary, templates, index: { keys: int32s(file.index.keys), starts: int32s(file.index.starts), holders } };
}

/**
 * The file's arrays are little-endian: on such a machine (every one Node runs on in practice) they
 * are copied as they are, once, instead of read an integer at a time (some 100 000 of them each
 * time the CLI starts).
 */
const LITTLE_ENDIAN = endianness() === 'LE';

function copyInto(out: Int32Array | Uint16Array, bytes: Buffer): void {
  new Uint8Array(out.buffer, out.byteOffset, out.byteLength).set(bytes.subarray(0, out.byteLength));
}

function int32s(b64: string): Int32Array {
  const bytes = Buffer.from(b64, 'base64');
  const out = new Int32Array(bytes.length >> 2);
  if (LITTLE_ENDIAN) copyInto(out, bytes);
  else for (let i = 0; i < out.length; i++) out[i] = bytes.readInt32LE(i * 4);
  return out;
}

export function writePreparedTemplates(path: string, key: string, templates: PreparedTemplate[]): void {
  const vocabulary = new Map<string, number>([[WILDCARD, 0]]);
  const out: PreparedFile = { key, vocabulary: [], templates: [] };
  for (const t of templates) {
    const bytes = Buffer.alloc(t.tokens.length * 4);
    const ids: number[] = [];
    t.tokens.forEach((token, i) => {
      let id = vocabulary.get(token);
      if (id === undefined) {
        id = vocabulary.size;
        vocabulary.set(token, id);
      }
      ids.push(id);
      bytes.writeInt32LE(id, i * 4);
    });
    const pairs = new Set<string>();
    for (let i = 0; i + 1 < ids.length; i++) if (ids[i]! > 0 && ids[i + 1]! > 0) pairs.add(`${ids[i]} ${ids[i + 1]}`);
    out.templates.push({
      spdx: t.spdx,
      kind: t.kind,
      ids: bytes.toString('base64'),
      raw: t.raw.join('\n'),
      optional: t.optional,
      bigrams: pairs.size,
    });
  }
  out.vocabulary = [...vocabulary.keys()];
  // the index the matcher would build from these ids (keys as bigramKey makes them below 32768 words)
  if (vocabulary.size < 32768) {
    const holders = new Map<number, number[]>();
    out.templates.forEach((t, i) => {
      const bytes = Buffer.from(t.ids, 'base64');
      for (let j = 0; j + 8 <= bytes.length; j += 4) {
        const a = bytes.readInt32LE(j);
        const b = bytes.readInt32LE(j + 4);
        if (a <= 0 || b <= 0) continue;
        const list = holders.get(a * 32768 + b);
        if (!list) holders.set(a * 32768 + b, [i]);
        else if (list[list.length - 1] !== i) list.push(i);
      }
    });
    const keys = [...holders.keys()].sort((x, y) => x - y);
    const keyBytes = Buffer.alloc(keys.length * 4);
    const startBytes = Buffer.alloc((keys.length + 1) * 4);
    const flat: number[] = [];
    keys.forEach((k, i) => {
      keyBytes.writeInt32LE(k, i * 4);
      startBytes.writeInt32LE(flat.length, i * 4);
      flat.push(...holders.get(k)!);
    });
    startBytes.writeInt32LE(flat.length, keys.length * 4);
    const holderBytes = Buffer.alloc(flat.length * 2);
    flat.forEach((h, i) => holderBytes.writeUInt16LE(h, i * 2));
    out.index = { keys: keyBytes.toString('base64'), starts: startBytes.toString('base64'), holders: holderBytes.toString('base64') };
  }
  writeFileSync(path, JSON.stringify(out));
}
