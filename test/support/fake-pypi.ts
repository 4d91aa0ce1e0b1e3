// Stand-ins for PyPI's JSON API (docs.pypi.org/api/json: `info`, `releases`, `urls`, per-file
// `yanked`, `packagetype`, `upload_time_iso_8601`; 404 `{"message": "Not Found"}`) and the
// anaconda.org package API (`GET /package/{owner}/{name}`: `latest_version`, `versions`,
// `conda_platforms`, `html_url`; 404 `{"error": "..."}`), on loopback, with ETags, latency and faults.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { closeServer, listenOnLoopback, sendJsonWithEtag, takeFault, type LoopbackFault } from './loopback.js';

export interface FakeFile {
  filename: string;
  yanked?: boolean;
  uploaded?: string;
}

export interface FakeProject {
  name: string;
  /** version → files; a `.whl` file is a wheel, anything else an sdist */
  releases: Record<string, FakeFile[]>;
  /** requires_dist by version (default: none) */
  requiresDist?: Record<string, string[]>;
  projectUrls?: Record<string, string>;
  homePage?: string;
}

export interface FakeCondaPackage {
  channel: string;
  name: string;
  versions: string[];
  platforms: string[];
}

const norm = (n: string) => n.toLowerCase().replace(/[-_.]+/g, '-');

export class FakePyPI {
  readonly projects = new Map<string, FakeProject>();
  readonly conda = new Map<string, FakeCondaPackage>();
  faults: LoopbackFault[] = [];
  log: { path: string; status: number }[] = [];
  latencyMs = 0;
  url = '';
  private server?: Server;

  addProject(p: FakeProject): void {
    this.projects.set(norm(p.name), p);
  }
  addConda(p: FakeCondaPackage): void {
    this.conda.set(`${p.channel}/${p.name}`, p);
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.url = await listenOnLoopback(this.server);
    return this.url;
  }

  async stop(): Promise<void> {
    await closeServer(this.server);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (this.latencyMs) await new Promise((r) => setTimeout(r, this.latencyMs));
    const url = new URL(req.url ?? '/', 'http://x');
    const entry = { path: url.pathname, status: 0 };
    this.log.push(entry);
    const fault = takeFault(this.faults, url.pathname, req);
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
    const { status, data } = this.route(url.pathname);
    entry.status = sendJsonWithEtag(req, res, status, data);
  }

  private route(path: string): { status: number; data: unknown } {
    const p = path.split('/').filter(Boolean).map(decodeURIComponent);
    if (p[0] === 'pypi' && p[p.length - 1] === 'json' && (p.length === 3 || p.length === 4)) {
      const proj = this.projects.get(norm(p[1]!));
      if (!proj) return { status: 404, data: { message: 'Not Found' } };
      const version = p.length === 4 ? p[2]! : this.pypiLatest(proj);
      if (p.length === 4 && !proj.releases[version]) return { status: 404, data: { message: 'Not Found' } };
      const files = (v: string) =>
        (proj.releases[v] ?? []).map((f) => ({
          filename: f.filename,
          packagetype: f.filename.endsWith('.whl') ? 'bdist_wheel' : 'sdist',
          python_version: f.filename.endsWith('.whl') ? 'py3' : 'source',
          upload_time_iso_8601: f.uploaded ?? '2026-06-01T12:00:00.000000Z',
          url: `https://files.pythonhosted.org/packages/${f.filename}`,
          yanked: f.yanked ?? false,
          yanked_reason: f.yanked ? 'broken' : null,
        }));
      const info = {
        name: proj.name,
        version,
        requires_dist: proj.requiresDist?.[version] ?? null,
        project_urls: proj.projectUrls ?? null,
        home_page: proj.homePage ?? null,
        yanked: (proj.releases[version] ?? []).every((f) => f.yanked),
        package_url: `https://pypi.org/project/${proj.name}/`,
      };
      const data: Record<string, unknown> = { info, last_serial: 1, urls: files(version), vulnerabilities: [] };
      // the per-version endpoint has no `releases`, like PyPI's
      if (p.length === 3) data.releases = Object.fromEntries(Object.keys(proj.releases).map((v) => [v, files(v)]));
      return { status: 200, data };
    }
    if (p[0] === 'package' && p.length === 3) {
      const pkg = this.conda.get(`${p[1]}/${p[2]}`);
      if (!pkg) return { status: 404, data: { error: `"${p[1]}/${p[2]}" could not be found` } };
      return {
        status: 200,
        data: {
          name: pkg.name,
          owner: { login: pkg.channel },
          latest_version: pkg.versions[pkg.versions.length - 1],
          versions: pkg.versions,
          conda_platforms: pkg.platforms,
          html_url: `https://anaconda.org/${pkg.channel}/${pkg.name}`,
          files: [],
        },
      };
    }
    return { status: 404, data: { message: 'Not Found' } };
  }

  /** PyPI's own `info.version`: the last version listed whose files are not all yanked (declaration order stands for upload order). */
  private pypiLatest(proj: FakeProject): string {
    const versions = Object.keys(proj.releases);
    const live = versions.filter((v) => (proj.releases[v] ?? []).some((f) => !f.yanked));
    return live[live.length - 1] ?? versions[versions.length - 1] ?? '0';
  }
}
