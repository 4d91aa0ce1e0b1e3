// GitHub's OAuth web flow on loopback, speaking its real protocol: GET /login/oauth/authorize
// redirects back with a code and the state (as if the user approved), POST
// /login/oauth/access_token trades the code (with the right client secret and redirect_uri) for a
// token, GET /user names the token's user. Codes are single-use, as on GitHub.
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { closeServer, listenOnLoopback } from './loopback.js';

export interface FakeGithubOAuth {
  url: string;
  clientId: string;
  clientSecret: string;
  /** who approves the next authorisation */
  login: string;
  close(): Promise<void>;
}

export async function startFakeGithubOAuth(opts: { login: string }): Promise<FakeGithubOAuth> {
  const clientId = 'Iv1.demo';
  const clientSecret = randomBytes(8).toString('hex');
  const codes = new Map<string, { login: string; redirectUri: string }>();
  const tokens = new Map<string, string>();
  const state: FakeGithubOAuth = { url: '', clientId, clientSecret, login: opts.login, close: () => closeServer(server) };
  const server: Server = createServer(async (req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    const json = (status: number, data: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(data));
    };
    if (req.method === 'GET' && u.pathname === '/login/oauth/authorize') {
      const redirect = u.searchParams.get('redirect_uri');
      if (u.searchParams.get('client_id') !== clientId || !redirect) return json(400, { error: 'bad client or redirect' });
      const code = randomBytes(8).toString('hex');
      codes.set(code, { login: state.login, redirectUri: redirect });
      const back = new URL(redirect);
      back.searchParams.set('code', code);
      back.searchParams.set('state', u.searchParams.get('state') ?? '');
      res.writeHead(302, { location: back.toString() });
      return res.end();
    }
    if (req.method === 'POST' && u.pathname === '/login/oauth/access_token') {
      let body = '';
      for await (const chunk of req) body += chunk;
      const p = JSON.parse(body || '{}') as Record<string, string>;
      const grant = codes.get(p['code'] ?? '');
      if (p['client_id'] !== clientId || p['client_secret'] !== clientSecret)
        return json(200, {
          error: 'incorrect_client_credentials',
          error_description: 'The client_id and/or client_secret passed are incorrect.',
        });
      if (!grant || grant.redirectUri !== p['redirect_uri'])
        return json(200, { error: 'bad_verification_code', error_description: 'The code passed is incorrect or expired.' });
      codes.delete(p['code']!);
      const token = `gho_${randomBytes(12).toString('hex')}`;
      tokens.set(token, grant.login);
      return json(200, { access_token: token, token_type: 'bearer', scope: 'read:user' });
    }
    if (req.method === 'GET' && u.pathname === '/user') {
      const login = tokens.get((req.headers.authorization ?? '').replace(/^Bearer /, ''));
      return login ? json(200, { login, id: 1 }) : json(401, { message: 'Bad credentials' });
    }
    json(404, { message: 'Not Found' });
  });
  state.url = await listenOnLoopback(server);
  return state;
}
