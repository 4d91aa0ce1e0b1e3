// The one table between engine states and the labels of the ecosystem repository
// (data/github-labels.yml): the GitHub App puts the label of an application's state on its issue,
// and the import reads an issue's labels back into a state. Loaded once and validated: every
// state shown by exactly one label, ranks distinct.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { yaml } from '../util/lazy-yaml.js';
import { InputError } from '../util/errors.js';
import type { Application, ApplicationStatus, Role } from './types.js';

/** What a label shows: an application status, or one of the two states read off the record. */
export type LabelState = ApplicationStatus | 'IN_VOTING' | 'RESUBMITTED';

export const LABEL_STATES: readonly LabelState[] = [
  'NEW',
  'INCOMPLETE',
  'WAITING_ON_COMMENT',
  'RETURNING',
  'DEFERRED',
  'IN_REVIEW',
  'IN_VOTING',
  'RESUBMITTED',
  'ACCEPTED',
  'ONBOARDING',
  'ACTIVE',
  'DECLINED',
  'TOO_EARLY',
  'COMMUNITY_HIGHLIGHT',
  'WITHDRAWN',
];

export interface StateLabel {
  name: string;
  states: LabelState[];
  rank: number;
  /** roles that may put it on by hand; empty: only the App */
  setBy: Role[];
  command?: string;
}

export interface LabelTable {
  labels: StateLabel[];
  file: string;
}

export const LABELS_FILE = fileURLToPath(new URL('../../data/github-labels.yml', import.meta.url));

let cached: LabelTable | undefined;

export function loadLabelTable(file = LABELS_FILE): LabelTable {
  if (file === LABELS_FILE && cached) return cached;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError(`cannot read the label table ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  const table = parseLabelTable(text, file);
  if (file === LABELS_FILE) cached = table;
  return table;
}

const ROLES: readonly Role[] = ['applicant', 'member', 'staff', 'public'];

export function parseLabelTable(text: string, file = 'label table'): LabelTable {
  const doc = yaml().parse(text) as { labels?: unknown } | null;
  if (!doc || !Array.isArray(doc.labels))
    throw new InputError(`${file}: expected a top-level "labels:" list, found ${doc === null ? 'an empty file' : typeof doc?.labels}`);
  const labels: StateLabel[] = [];
  const shownBy = new Map<LabelState, string>();
  const ranks = new Map<number, string>();
  const names = new Set<string>();
  doc.labels.forEach((raw: unknown, i: number) => {
    const where = `${file}: labels[${i}]`;
    const e = raw as { name?: unknown; states?: unknown; rank?: unknown; set_by?: unknown; command?: unknown };
    if (typeof e?.name !== 'string' || e.name.trim() === '')
      throw new InputError(`${where}: expected a "name", found ${JSON.stringify(e?.name)}`);
    const name = e.name.trim();
    if (names.has(name.toLowerCase())) throw new InputError(`${where}: label "${name}" is listed twice`);
    names.add(name.toLowerCase());
    if (!Array.isArray(e.states) || e.states.length === 0)
      throw new InputError(`${where} (${name}): expected "states" as a non-empty list, found ${JSON.stringify(e.states)}`);
    for (const s of e.states) {
      if (!LABEL_STATES.includes(s as LabelState))
        throw new InputError(`${where} (${name}): state ${JSON.stringify(s)} is not one of ${LABEL_STATES.join(', ')}`);
      const other = shownBy.get(s as LabelState);
      if (other) throw new InputError(`${where} (${name}): state ${s} is already shown by "${other}"; a state has one label`);
      shownBy.set(s as LabelState, name);
    }
    if (typeof e.rank !== 'number' || !Number.isInteger(e.rank))
      throw new InputError(`${where} (${name}): expected an integer "rank", found ${JSON.stringify(e.rank)}`);
    const sameRank = ranks.get(e.rank);
    if (sameRank)
      throw new InputError(`${where} (${name}): rank ${e.rank} is also "${sameRank}"'s; ranks decide conflicts and must differ`);
    ranks.set(e.rank, name);
    const setBy = e.set_by === undefined ? [] : e.set_by;
    if (!Array.isArray(setBy) || setBy.some((r) => !ROLES.includes(r as Role)))
      throw new InputError(`${where} (${name}): "set_by" must list roles among ${ROLES.join(', ')}, found ${JSON.stringify(e.set_by)}`);
    labels.push({
      name,
      states: e.states as LabelState[],
      rank: e.rank,
      setBy: setBy as Role[],
      ...(typeof e.command === 'string' ? { command: e.command } : {}),
    });
  });
  const unshown = LABEL_STATES.filter((s) => !shownBy.has(s));
  if (unshown.length > 0)
    throw new InputError(`${file}: no label shows the state${unshown.length > 1 ? 's' : ''} ${unshown.join(', ')}; every state needs one`);
  return { labels, file };
}

/** The state a label shows for an application: its status, refined by its vote and its past. */
export function labelStateOf(app: Application): LabelState {
  if (app.status === 'IN_REVIEW' && app.vote && !app.decision) return 'IN_VOTING';
  if ((app.status === 'NEW' || app.status === 'RETURNING') && app.resubmissionOf) return 'RESUBMITTED';
  return app.status;
}

export function labelFor(table: LabelTable, state: LabelState): StateLabel {
  // parseLabelTable guarantees every state has its label
  return table.labels.find((l) => l.states.includes(state))!;
}

/** The table's label of this name (without case), or undefined for a label Steward leaves alone. */
export function findLabel(table: LabelTable, name: string): StateLabel | undefined {
  const n = name.trim().toLowerCase();
  return table.labels.find((l) => l.name.toLowerCase() === n);
}

/** Of an issue's labels, the state label that decides (highest rank), or undefined when none is one. */
export function decidingLabel(table: LabelTable, names: string[]): StateLabel | undefined {
  const found = names.map((n) => findLabel(table, n)).filter((l): l is StateLabel => l !== undefined);
  return found.sort((a, b) => b.rank - a.rank)[0];
}
