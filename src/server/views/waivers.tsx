// A subject's waivers (requirement, reason, who decided and where, until when, in force or not)
// and, for staff, the forms that record a waiver and revoke one through the engine.
import type { ListedWaiver } from '../data/waivers.js';
import type { C } from '../types.js';
import { isStaff } from '../types.js';
import { Csrf, day, StatusTag } from './layout.js';
import { DataTable } from './table.js';

/** `subject` is application:ID or project:ID; `action` is where the record form posts. */
export function Waivers(props: { c: C; waivers: ListedWaiver[]; subject: string; action: string | null }) {
  const { c, waivers } = props;
  const staff = isStaff(c.get('viewer'));
  // the policy's numbers and titles: a waiver names a requirement as the policy in force does
  const rules = c.get('ctx').engine.policy.rules;
  const titles = new Map(rules.map((r) => [r.number, r.title]));
  return (
    <section aria-labelledby="waivers-h">
      <h2 id="waivers-h">Waivers</h2>
      {waivers.length === 0 ? (
        <p class="muted">No requirement is waived.</p>
      ) : (
        <DataTable
          label="Waivers"
          stack
          head={['Requirement', 'Reason', 'Decided', 'Until', 'State']}
          rows={waivers.map((l) => [
            `${l.waiver.requirement}. ${titles.get(l.waiver.requirement) ?? l.waiver.key}`,
            l.waiver.reason,
            `by ${l.waiver.decidedBy} in ${l.waiver.decidedIn} (${l.waiver.id}, recorded by ${l.waiver.recordedBy} on ${day(l.waiver.recordedAt)})`,
            l.until.replace(/^until /, ''),
            <>
              <StatusTag status={l.state.replace(/ /g, '_')} />
              {l.waiver.revoked ? ` by ${l.waiver.revoked.by} on ${day(l.waiver.revoked.at)}: ${l.waiver.revoked.reason}` : ''}
              {staff && l.state === 'in force' ? (
                <form method="post" action={`/waivers/${encodeURIComponent(l.waiver.id)}/revoke`} class="revoke">
                  <Csrf c={c} />
                  <input type="hidden" name="subject" value={props.subject} />
                  <label for={`revoke-${l.waiver.id}`}>Why revoke {l.waiver.id}</label>
                  <input id={`revoke-${l.waiver.id}`} name="reason" required />
                  <button type="submit">Revoke</button>
                </form>
              ) : null}
            </>,
          ])}
        />
      )}
      {staff && props.action ? (
        <>
          <h3>Record a waiver</h3>
          <form method="post" action={props.action} class="filters">
            <Csrf c={c} />
            <div>
              <label for="w-req">Requirement</label>
              <select id="w-req" name="requirement" required>
                {rules.map((r) => (
                  <option value={String(r.number)}>
                    {r.number}. {r.title}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label for="w-reason">Why it is waived</label>
              <input id="w-reason" name="reason" required />
            </div>
            <div>
              <label for="w-by">Decided by</label>
              <input id="w-by" name="decidedBy" required value="the working group" />
            </div>
            <div>
              <label for="w-in">Decided in (session or vote)</label>
              <input id="w-in" name="decidedIn" required placeholder="S2" />
            </div>
            <div>
              <label for="w-until">Until (empty: the next periodic review)</label>
              <input id="w-until" name="until" type="date" />
            </div>
            <button type="submit" class="primary">
              Record
            </button>
          </form>
        </>
      ) : null}
    </section>
  );
}
