// Puts the app on a socket with @hono/node-server and takes it off again: `close` stops taking
// connections and waits for the requests in hand, so a SIGTERM never cuts a response short.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';

export interface Listening {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Anything with a fetch-API handler: a Hono app. */
export interface Fetcher {
  fetch: (req: Request) => Response | Promise<Response>;
}

export function listen(app: Fetcher, opts: { port: number; host: string }): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: (req) => app.fetch(req), port: opts.port, hostname: opts.host }) as Server;
    server.once('error', (err: NodeJS.ErrnoException) => {
      reject(
        new Error(`serve: cannot listen on ${opts.host}:${opts.port}: ${err.code === 'EADDRINUSE' ? 'the port is in use' : err.message}`),
      );
    });
    server.once('listening', () => {
      const addr = server.address() as AddressInfo;
      const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
      resolve({
        url: `http://${host}:${addr.port}`,
        port: addr.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // idle keep-alive sockets would hold close() open until they time out
            server.closeIdleConnections();
          }),
      });
    });
  });
}
