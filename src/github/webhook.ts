// The door of the App: `POST /github/webhooks`. The signature (X-Hub-Signature-256) is verified
// before the body is parsed; an event the App does not act on is acknowledged and dropped; a
// delivery id already taken (GitHub redelivers) is acknowledged and not queued again; the work
// goes to the durable job queue, so the answer comes at once and a slow check never times a
// delivery out, and a delivery whose work fails is retried until done.
import type { App } from 'octokit';
import type { JobQueue } from '../jobs/index.js';
import type { Store } from '../store/index.js';
import { DELIVERY_JOB, HANDLED_EVENTS, type Delivery } from './dispatch.js';
import { deliveryTaken, takeDelivery } from './threads.js';

export interface WebhookDeps {
  /** the octokit App: its webhooks verify signatures with the configured secret */
  app: App;
  store: Store;
  queue: JobQueue;
  log?: (line: string) => void;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export function createGithubWebhookHandler(deps: WebhookDeps): (req: Request) => Promise<Response> {
  const log = deps.log ?? (() => undefined);
  return async (req) => {
    const signature = req.headers.get('x-hub-signature-256');
    const event = req.headers.get('x-github-event');
    const id = req.headers.get('x-github-delivery');
    const body = await req.text();
    if (!signature)
      return json(401, { error: 'expected an X-Hub-Signature-256 header (sha256=…): deliveries are signed with the webhook secret' });
    let valid = false;
    try {
      valid = await deps.app.webhooks.verify(body, signature);
    } catch {
      valid = false;
    }
    if (!valid) {
      log(`github: delivery ${id ?? '?'} refused: the signature does not match the webhook secret`);
      return json(401, { error: 'the signature does not match the webhook secret' });
    }
    if (!event || !id)
      return json(400, {
        error: `expected X-GitHub-Event and X-GitHub-Delivery headers; found ${event ? '' : 'no event'}${!event && !id ? ' and ' : ''}${id ? '' : 'no delivery id'}`,
      });
    if (!(HANDLED_EVENTS as readonly string[]).includes(event)) return json(200, { ignored: event });
    let payload: Delivery['payload'];
    try {
      payload = JSON.parse(body) as Delivery['payload'];
    } catch (err) {
      return json(400, { error: `the body is not JSON: ${(err as Error).message}` });
    }
    // a delivery taken before is dropped; a new one is queued and only then marked taken, so a
    // crash in between leaves GitHub's redelivery to be queued (never a lost delivery), and two
    // copies arriving together meet the queue's singleton key
    if (await deliveryTaken(deps.store.db, id)) return json(200, { duplicate: id });
    const job = await deps.queue.enqueue<Delivery>(DELIVERY_JOB, { id, event, payload }, { singletonKey: id });
    const fresh = await takeDelivery(deps.store.db, id, event, new Date());
    if (!fresh || job === null) return json(200, { duplicate: id });
    return json(202, { queued: id, job });
  };
}
