// A small YAML node tree with source ranges: what the landscape walker needs, whichever parser
// produced it — the `yaml` package's Document (any YAML) or the fast scanner (the block-style
// subset landscape files are written in). Ranges are [start, valueEnd, nodeEnd] like `yaml`'s.
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';

export type Range = [number, number, number];

export interface TScalar {
  kind: 'scalar';
  value: unknown;
  range: Range;
}

export interface TPair {
  /** the key's scalar value as text (numbers and booleans stringified); undefined for others */
  key: string | undefined;
  keyRange: [number, number];
  value: TNode | null;
}

export interface TMap {
  kind: 'map';
  pairs: TPair[];
  range: Range;
  flow: boolean;
  js(): unknown;
}

export interface TSeq {
  kind: 'seq';
  items: Array<TNode | null>;
  range: Range;
  flow: boolean;
  js(): unknown;
}

/** aliases and anything else: only its plain value matters */
export interface TOther {
  kind: 'other';
  range: Range;
  js(): unknown;
}

export type TNode = TScalar | TMap | TSeq | TOther;

export function jsOf(node: TNode | null): unknown {
  if (node === null) return null;
  return node.kind === 'scalar' ? node.value : node.js();
}

function keyText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

export type OnError = (offset: number, message: string) => void;

/** `yaml`'s value of a node; an unresolvable alias (or too many) is reported, and the value is null. */
function safeJs(n: Node, doc: Document, onError: OnError): unknown {
  try {
    return n.toJS(doc);
  } catch (e) {
    onError(n.range?.[0] ?? 0, (e as Error).message);
    return null;
  }
}

/** The `yaml` Document's nodes as a tree (values computed lazily by `yaml` itself). */
export function fromYaml(node: unknown, doc: Document, onError: OnError = () => {}): TNode | null {
  if (node === null || node === undefined) return null;
  const n = node as Node;
  const range: Range = n.range ? [n.range[0], n.range[1], n.range[2]] : [0, 0, 0];
  if (isScalar(n)) return { kind: 'scalar', value: n.value, range };
  if (isMap(n)) {
    const pairs: TPair[] = [];
    for (const p of n.items) {
      if (!isPair(p)) continue;
      const pair = p as Pair;
      const k = pair.key as Node | null;
      const kr = k?.range;
      pairs.push({
        key: isScalar(k) ? keyText(k.value) : undefined,
        keyRange: kr ? [kr[0], kr[1]] : [range[0], range[0]],
        value: fromYaml(pair.value, doc, onError),
      });
    }
    return { kind: 'map', pairs, range, flow: !!n.flow, js: () => safeJs(n, doc, onError) };
  }
  if (isSeq(n)) {
    return { kind: 'seq', items: n.items.map((i) => fromYaml(i, doc, onError)), range, flow: !!n.flow, js: () => safeJs(n, doc, onError) };
  }
  if (isAlias(n)) return { kind: 'other', range, js: () => safeJs(n, doc, onError) };
  return { kind: 'other', range, js: () => null };
}

export function scalarText(node: TNode | null | undefined): string | undefined {
  return node && node.kind === 'scalar' ? keyText(node.value) : undefined;
}

export function getPair(map: TMap, key: string): TPair | undefined {
  return map.pairs.find((p) => p.key === key);
}
