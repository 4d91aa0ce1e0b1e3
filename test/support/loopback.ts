// What every stand-in server on loopback shares: listening on a free port of 127.0.0.1, closing
// with its open connections, and answering JSON with an ETag (304 when the client already has it).
import { createHash } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export async function listenOnLoopback(server: Server): Promise<string> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export async function closeServer(server: Server | undefined): Promise<void> {
  server?.closeAllConnections();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
}

/**
 * Sends `data` as JSON with an ETag, or a bare 304 when a 200 answer's ETag matches the request's
 * If-None-Match; returns the status sent.
 */
export function sendJsonWithEtag(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  data: unknown,
  opts: { weak?: boolean; etagOnErrors?: boolean; headers?: Record<string, string> } = {},
): number {
  const text = JSON.stringify(data);
  const hash = createHash('sha1').update(text).digest('hex');
  const etag = opts.weak ? `W/"${hash}"` : `"${hash}"`;
  if (status === 200 && req.headers['if-none-match'] === etag) {
    res.writeHead(304, { etag });
    res.end();
    return 304;
  }
  res.writeHead(status, { 'content-type': 'application/json', ...(status === 200 || opts.etagOnErrors ? { etag } : {}), ...opts.headers });
  res.end(text);
  return status;
}

/** A fault a stand-in answers with instead of its normal answer: a status, or a dropped connection. */
export interface LoopbackFault {
  status: number | 'reset';
  /** only for paths that match (default every path) */
  path?: RegExp;
  /** how many requests it spoils before it goes away (default: all) */
  times?: number;
}

/**
 * The fault that applies to `path`, counted down (and removed when used up); a `reset` fault has
 * already dropped the connection when this returns it.
 */
export function takeFault<F extends LoopbackFault>(faults: F[], path: string, req: IncomingMessage): F | undefined {
  const fault = faults.find((f) => !f.path || f.path.test(path));
  if (!fault) return undefined;
  if (fault.times !== undefined && --fault.times <= 0) faults.splice(faults.indexOf(fault), 1);
  if (fault.status === 'reset') req.socket.destroy();
  return fault;
}
