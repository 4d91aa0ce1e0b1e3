// The latest event on a record, read from the record itself: a change dated before it (`--on`)
// would put the record's history out of order. Imported projects count the dates the landscape
// reports (acceptance), not the day of the import.
import type { CalendarDate } from './calendar.js';
import type { Amendment, Application, Project, VoteState } from './types.js';

export interface LatestEvent {
  on: CalendarDate;
  event: string;
}

function latest(events: [string | null | undefined, string][]): LatestEvent | undefined {
  let best: LatestEvent | undefined;
  for (const [at, event] of events) {
    if (!at) continue;
    const on = at.slice(0, 10);
    if (!best || on > best.on) best = { on, event };
  }
  return best;
}

function voteEvents(v: VoteState | undefined): [string | undefined, string][] {
  if (!v) return [];
  return [
    [v.openedAt, 'vote opened'],
    ...Object.entries({ ...v.ballots, ...v.nonBinding }).map(([who, b]): [string, string] => [b.at, `ballot of ${who}`]),
    [v.closedAt, 'vote closed'],
  ];
}

export function latestApplicationEvent(a: Application): LatestEvent | undefined {
  return latest([
    [a.submittedAt, 'submitted'],
    ...a.questions.flatMap((q): [string | undefined, string][] => [
      [q.askedAt, 'question asked'],
      [q.answeredAt, 'question answered'],
    ]),
    ...voteEvents(a.vote),
    [a.decision?.at, `decision ${a.decision?.outcome}`],
    ...(a.onboarding ?? []).map((i): [string | undefined, string] => [i.done?.at, `onboarding item ${i.key} done`]),
    ...(a.onboarding ?? []).flatMap((i) => (i.undone ?? []).map((u): [string, string] => [u.at, `onboarding item ${i.key} undone`])),
    [a.withdrawnAt, 'withdrawn'],
  ]);
}

export function latestProjectEvent(p: Project): LatestEvent | undefined {
  return latest([
    [p.acceptedOn, 'accepted'],
    [p.lastReviewOn, 'periodic review passed'],
    [p.pending?.noticeOn, 'periodic review failed'],
    [p.pending?.checkedOn, 'periodic review re-checked'],
    [p.retiredOn, 'retired'],
    [p.reactivatedOn, 'returned to the ecosystem'],
    [p.offboarding?.lastCheckedOn, 'offboarding check'],
  ]);
}

export function latestAmendmentEvent(a: Amendment): LatestEvent | undefined {
  return latest([[a.proposedAt, 'proposed'], ...voteEvents(a.vote)]);
}
