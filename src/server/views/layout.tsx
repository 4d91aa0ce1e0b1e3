// The page frame every HTML page shares: a skip link, the navigation for the viewer's role, the
// main landmark and one small stylesheet and script. Pages are plain server-rendered HTML.
import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { CSRF_FIELD } from '../auth/middleware.js';
import type { C } from '../types.js';
import { isStaff, isWg } from '../types.js';
import { ASSET_VERSION } from './assets.js';
import { neutralise } from '../../util/clean-text.js';

export function Csrf(props: { c: C }) {
  return <input type="hidden" name={CSRF_FIELD} value={props.c.get('csrf')} />;
}

function Nav(props: { c: C }) {
  const v = props.c.get('viewer');
  const here = props.c.req.path;
  const link = (href: string, label: string) => (
    <li>
      <a href={href} {...(here === href ? { 'aria-current': 'page' } : {})}>
        {label}
      </a>
    </li>
  );
  return (
    <nav aria-label="Main">
      <ul>
        {link('/', 'Projects')}
        {link('/self-check', 'Self-check')}
        {link('/decisions', 'Decisions')}
        {v ? link('/inbox', 'Inbox') : null}
        {isWg(v) ? link('/queue', 'Queue') : null}
        {isWg(v) ? link('/sessions', 'Sessions') : null}
        {isWg(v) ? link('/reviews', 'Reviews') : null}
        {isWg(v) ? link('/audit', 'Audit log') : null}
        {isStaff(v) ? link('/staff', 'Staff') : null}
      </ul>
    </nav>
  );
}

function Account(props: { c: C }) {
  const v = props.c.get('viewer');
  if (!v) return <a href={`/login?next=${encodeURIComponent(props.c.req.path)}`}>Sign in</a>;
  return (
    <form method="post" action="/logout" class="inline">
      <Csrf c={props.c} />
      <a href="/account">{v.id}</a> <span class="muted">({v.role})</span> <button type="submit" class="link">Sign out</button>
    </form>
  );
}

export function page(c: C, title: string, body: Child, status: 200 | 400 | 403 | 404 | 409 | 429 | 500 | 503 = 200) {
  c.header('Cache-Control', 'no-store');
  // names, answers and reasons applicants typed are on these pages: a bidi override would reorder
  // what a reviewer reads. The markup itself has none of these characters, so the whole page is
  // neutralised as it is rendered (each shown as a visible escape), wherever the text came from.
  const doc = (
    <>
      {raw('<!doctype html>')}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${title} · PyTorch Ecosystem · Steward`}</title>
          <link rel="stylesheet" href={`/static/steward.css?v=${ASSET_VERSION}`} />
          <script src={`/static/steward.js?v=${ASSET_VERSION}`} defer></script>
        </head>
        <body>
          <a class="skip" href="#main">
            Skip to content
          </a>
          <header>
            <a class="brand" href="/">
              PyTorch Ecosystem · Steward
            </a>
            <Nav c={c} />
            <div class="account">
              <Account c={c} />
            </div>
          </header>
          <main id="main" tabindex={-1}>
            <h1>{title}</h1>
            {body}
          </main>
          <footer>
            <p>
              The ecosystem's landscape is on <a href="https://landscape.pytorch.org">landscape.pytorch.org</a>. API: <a href="/openapi.json">/openapi.json</a>.
            </p>
          </footer>
        </body>
      </html>
    </>
  );
  return c.html(Promise.resolve(doc.toString()).then(neutralise), status);
}

/** A refusal or missing thing as a page, with the reason in words. */
export function problemPage(c: C, status: 400 | 403 | 404 | 409 | 429 | 503, title: string, message: string) {
  return page(c, title, <p class="problem" role="alert">{message}</p>, status);
}

export function StatusTag(props: { status: string }) {
  const s = props.status.toLowerCase();
  return <span class={`tag tag-${s.replace(/_/g, '-')}`}>{s.replace(/_/g, ' ')}</span>;
}

export const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '—');
