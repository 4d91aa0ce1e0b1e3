// The parts of an application's page: the vote panel (live tally against the roster, the
// more-than-half line, who has not voted, the ballot form), staff's actions and the onboarding
// checklist.
import { CHOICES } from '../../process/voting.js';
import type { Application } from '../../process/types.js';
import type { TallyView } from '../data/applications.js';
import type { C } from '../types.js';
import { isStaff } from '../types.js';
import { Csrf, day } from './layout.js';

export function VotePanel(props: { c: C; app: Application; t: TallyView }) {
  const { c, app, t } = props;
  const pct = (n: number) => `${t.rosterSize ? (100 * n) / t.rosterSize : 0}%`;
  return (
    <section aria-labelledby="vote-h" data-tally-url={t.open ? `/api/applications/${app.id}/tally` : undefined}>
      <h2 id="vote-h">Vote {t.open ? '(open)' : `(closed ${day(t.closedAt)})`}</h2>
      <p class="tally" aria-live="polite">
        <span>
          <strong data-k="approvals">{t.approvals}</strong> approve
        </span>
        <span>
          <strong data-k="rejections">{t.rejections}</strong> reject
        </span>
        <span>
          <strong data-k="abstentions">{t.abstentions}</strong> abstain
        </span>
        <span>
          <strong data-k="notVoted">{t.notVoted}</strong> not voted
        </span>
      </p>
      <p>
        Passes with more than half of the <span data-k="rosterSize">{t.rosterSize}</span> members on the roster when it opened: <strong data-k="needed">{t.needed}</strong> approvals
        needed{t.closedAt ? ` — ${t.approved ? 'approved' : 'not approved'}` : ''}.
      </p>
      <div class="bar" aria-hidden="true">
        <span style={`width:${pct(t.approvals)}`}></span>
        <i style={`left:${pct(t.needed)}`}></i>
        <b style={`left:${pct(t.needed)}`}>{t.needed} needed</b>
      </div>
      <p>
        Not voted yet: <span data-k="pending">{t.pending.length ? t.pending.join(', ') : 'everyone has voted'}</span>
      </p>
      {t.nonBinding > 0 ? <p class="muted">{t.nonBinding} non-binding ballot(s) from outside the roster (recorded, not counted).</p> : null}
      {t.ballots ? (
        <ul>
          {t.ballots.map((b) => (
            <li>
              {b.voter}: {b.choice} <span class="muted">{b.at.slice(0, 16).replace('T', ' ')}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">Who voted what is shown when the vote closes.</p>
      )}
      {t.open ? (
        <form method="post" action={`/applications/${app.id}/ballot`} class="stack">
          <Csrf c={c} />
          <fieldset>
            <legend>Your ballot{t.mine ? ` (now: ${t.mine})` : ''}</legend>
            {CHOICES.map((ch) => (
              <label style="font-weight:400">
                <input type="radio" name="choice" value={ch} checked={t.mine === ch} required /> {ch}
              </label>
            ))}
          </fieldset>
          <button type="submit" class="primary">
            Cast ballot
          </button>
        </form>
      ) : null}
    </section>
  );
}

export function StaffActions(props: { c: C; app: Application }) {
  const { c, app } = props;
  const post = (action: string, label: string, extra?: unknown) => (
    <form method="post" action={`/applications/${app.id}/${action}`} class="stack">
      <Csrf c={c} />
      {extra}
      <button type="submit">{label}</button>
    </form>
  );
  // nothing for staff to do in this state: no empty heading
  const due = (app.status === 'IN_REVIEW' && (!app.vote || app.vote.closedAt !== undefined)) || (app.vote !== undefined && !app.vote.closedAt) || app.status === 'ACCEPTED';
  if (!due) return null;
  return (
    <section aria-labelledby="staff-h">
      <h2 id="staff-h">Staff</h2>
      {app.status === 'IN_REVIEW' && !app.vote ? post('vote/open', 'Open the vote') : null}
      {app.vote && !app.vote.closedAt ? post('vote/close', 'Close the vote') : null}
      {app.status === 'IN_REVIEW' && app.vote?.closedAt
        ? post(
            'decision',
            'Record the decision',
            <>
              <label for="outcome">Outcome</label>
              <select id="outcome" name="outcome">
                {(app.vote.result?.approved ? ['ACCEPTED'] : ['DECLINED', 'TOO_EARLY', 'COMMUNITY_HIGHLIGHT']).map((o) => (
                  <option value={o}>{o.replace(/_/g, ' ').toLowerCase()}</option>
                ))}
              </select>
              <label for="reason">Reason</label>
              <textarea id="reason" name="reason" required rows={2}></textarea>
            </>,
          )
        : null}
      {app.status === 'ACCEPTED' ? post('onboarding/start', 'Start onboarding') : null}
    </section>
  );
}

export function Onboarding(props: { c: C; app: Application }) {
  const { c, app } = props;
  const v = c.get('viewer')!;
  if (!app.onboarding) return null;
  return (
    <section aria-labelledby="onb-h">
      <h2 id="onb-h">Onboarding</h2>
      <ul>
        {app.onboarding.map((i) => (
          <li>
            {i.done ? '✓' : '○'} {i.title} <span class="muted">({i.doneBy}; {i.verify})</span>
            {i.done ? (
              <span class="muted">
                {' '}
                — done {day(i.done.at)} by {i.done.by}
                {i.done.note ? `: ${i.done.note}` : ''}
              </span>
            ) : app.status === 'ONBOARDING' && (isStaff(v) || (i.doneBy === 'applicant' && app.applicant === v.id)) ? (
              <form method="post" action={`/applications/${app.id}/onboarding/item`} class="inline">
                <Csrf c={c} />
                <input type="hidden" name="item" value={i.key} />
                <label class="visually-hidden" for={`note-${i.key}`}>
                  Note for {i.title}
                </label>
                <input id={`note-${i.key}`} name="note" placeholder="note or link" />
                <button type="submit">Mark done</button>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

