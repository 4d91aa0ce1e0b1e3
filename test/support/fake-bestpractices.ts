// A stand-in for the OpenSSF Best Practices site's public project JSON (bestpractices.dev,
// `GET /projects/<id>.json`: `id`, `name`, `repo_url`, `badge_level` in_progress|passing|silver|gold,
// `tiered_percentage` 0–300; an unknown id is a 404), on loopback, with ETags and faults.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { closeServer, listenOnLoopback, sendJsonWithEtag, takeFault, type LoopbackFault } from './loopback.js';

export interface FakeBadgeProject {
  id: number;
  name: string;
  repoUrl?: string;
  level: 'in_progress' | 'passing' | 'silver' | 'gold';
  tieredPercentage: number;
}

export class FakeBestPractices {
  readonly projects = new Map<number, FakeBadgeProject>();
  faults: LoopbackFault[] = [];
  log: { path: string; status: number }[] = [];
  url = '';
  private server?: Server;

  add(p: FakeBadgeProject): void {
    this.projects.set(p.id, p);
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => this.handle(req, res));
    this.url = await listenOnLoopback(this.server);
    return this.url;
  }

  async stop(): Promise<void> {
    await closeServer(this.server);
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const entry = { path, status: 0 };
    this.log.push(entry);
    const fault = takeFault(this.faults, path, req);
    if (fault) {
      if (fault.status === 'reset') {
        entry.status = -1;
        return;
      }
      entry.status = fault.status;
      res.writeHead(fault.status, { 'content-type': 'text/html' });
      res.end('<html>upstream error</html>');
      return;
    }
    const m = /^\/(?:[a-z]{2}\/)?projects\/(\d+)\.json$/.exec(path);
    const p = m ? this.projects.get(Number(m[1])) : undefined;
    if (!p) {
      entry.status = sendJsonWithEtag(req, res, 404, { error: 'Not Found' });
      return;
    }
    entry.status = sendJsonWithEtag(req, res, 200, {
      id: p.id,
      name: p.name,
      description: `${p.name}, as its maintainers describe it`,
      homepage_url: p.repoUrl ?? null,
      repo_url: p.repoUrl ?? null,
      badge_level: p.level,
      tiered_percentage: p.tieredPercentage,
      created_at: '2025-01-01T00:00:00.000Z',
      updated_at: '2026-06-01T00:00:00.000Z',
    });
  }
}
