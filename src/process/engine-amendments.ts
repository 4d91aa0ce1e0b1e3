// Policy amendments against the store; an adopted amendment becomes a stored policy version, and
// `policyOn` answers which version judges a given day.
import { parsePolicy } from '../policy/load.js';
import type { Policy } from '../policy/types.js';
import { getDoc, insertDoc, insertPolicyVersion, listDocs, listPolicyVersions, nextId, roster, updateDoc } from '../store/index.js';
import * as M from './amendments.js';
import { dateOf } from './calendar.js';
import { assertInOrder, type Engine, mutate, notFound, record } from './engine.js';
import { latestAmendmentEvent } from './events.js';
import type { Actor, Amendment, Choice, Outcome, VoteRule } from './types.js';

const cols = (a: Amendment) => ({ id: a.id, status: a.status, sort: a.proposedAt });

export async function proposeAmendment(
  eng: Engine,
  actor: Actor,
  input: { summary: string; policyText: string; effectiveOn: string },
): Promise<Amendment> {
  return mutate(eng, async (trx, now) => {
    const known = (await listPolicyVersions(trx)).map((v) => ({ id: v.policyId, version: v.version }));
    known.push({ id: eng.policy.id, version: eng.policy.version });
    for (const a of await listDocs<Amendment>(trx, 'amendments', { status: ['PROPOSED', 'VOTING'] }))
      known.push({ id: a.policyId, version: a.policyVersion });
    const id = `M${await nextId(trx, 'amendment')}`;
    const out = M.propose(id, input, { actor, now }, known);
    await insertDoc(trx, 'amendments', cols(out.state), out.state, now.toISOString());
    await record(trx, actor, now, `amendment:${id}`, out.notices, out.audit);
    return out.state;
  });
}

async function act(
  eng: Engine,
  actor: Actor,
  id: string,
  step: (a: Amendment, now: Date, tac: string[]) => Outcome<Amendment>,
): Promise<Amendment> {
  return mutate(eng, async (trx, now) => {
    const found = await getDoc<Amendment>(trx, 'amendments', id);
    if (!found) throw notFound('amendment', id);
    assertInOrder(eng, `amendment ${id}`, latestAmendmentEvent(found.doc), dateOf(now));
    const out = step(found.doc, now, await roster(trx, 'tac'));
    await updateDoc(trx, 'amendments', cols(out.state), out.state, found.version, now.toISOString());
    if (out.state.status === 'ADOPTED' && found.doc.status !== 'ADOPTED') {
      await insertPolicyVersion(trx, {
        policyId: out.state.policyId,
        version: out.state.policyVersion,
        effectiveOn: out.state.effectiveOn,
        text: out.state.policyText,
        adoptedAt: now.toISOString(),
        amendmentId: id,
      });
    }
    await record(trx, actor, now, `amendment:${id}`, out.notices, out.audit);
    return out.state;
  });
}

export const openAmendmentVote = (eng: Engine, actor: Actor, id: string, deadline?: Date) =>
  act(eng, actor, id, (a, now, tac) => M.openVote(a, tac, eng.tacRule, { actor, now }, deadline));
export const castAmendmentVote = (eng: Engine, actor: Actor, id: string, choice: Choice) =>
  act(eng, actor, id, (a, now) => M.castVote(a, choice, { actor, now }));
/** `rule`, when given, must be the one the vote opened under: a rule is not changed at the count. */
export const closeAmendmentVote = (eng: Engine, actor: Actor, id: string, rule?: VoteRule) =>
  act(eng, actor, id, (a, now) => M.closeVote(a, { actor, now }, rule));

export async function getAmendment(eng: Engine, id: string): Promise<Amendment> {
  const found = await getDoc<Amendment>(eng.store.db, 'amendments', id);
  if (!found) throw notFound('amendment', id);
  return found.doc;
}

export function listAmendments(eng: Engine): Promise<Amendment[]> {
  return listDocs<Amendment>(eng.store.db, 'amendments');
}

/** The policy that judges `day`: the adopted version with the latest effective date on or before it, else the engine's base policy. */
export async function policyOn(eng: Engine, day = dateOf(eng.clock.now())): Promise<Policy> {
  const versions = (await listPolicyVersions(eng.store.db)).filter(
    (v) => v.policyId === eng.policy.id && v.effectiveOn <= day && v.effectiveOn >= eng.policy.effective,
  );
  const latest = versions
    .sort((a, b) => (a.effectiveOn === b.effectiveOn ? a.adoptedAt.localeCompare(b.adoptedAt) : a.effectiveOn.localeCompare(b.effectiveOn)))
    .pop();
  return latest ? parsePolicy(latest.text, `policy ${latest.policyId}@${latest.version} (amendment ${latest.amendmentId})`) : eng.policy;
}
