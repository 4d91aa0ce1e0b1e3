// The part of GitHub's REST API the Steward App uses, for the FakeGitHub stand-in: issues, their
// comments, labels and reactions, a repository's installation (asked with the App's JWT), file
// contents (files and folders), blobs, branches, pull requests and check runs, with GitHub's shapes
// (docs.github.com REST "Issues", "Reactions", "Repository contents", "Git blobs", "Git
// references", "Pulls", "Check runs"), Link pagination, and 404/422 where GitHub answers them.
// Every call is in FakeGitHub's log.
import { createHash } from 'node:crypto';

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  state_reason: string | null;
  labels: string[];
  user: string;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  pull_request?: boolean;
}

export interface FakeComment {
  id: number;
  issue: number;
  body: string;
  user: string;
  bot: boolean;
  created_at: string;
  updated_at: string;
  reactions: { content: string; user: string; created_at: string }[];
}

interface RepoState {
  issues: Map<number, FakeIssue>;
  comments: Map<number, FakeComment>;
  /** branch → path → text */
  branches: Map<string, Map<string, string>>;
  pulls: { number: number; title: string; head: string; base: string; body: string }[];
  checkRuns: Record<string, unknown>[];
}

type Answer = { status: number; data: unknown; headers?: Record<string, string> };

export class FakeIssuesApi {
  private repos = new Map<string, RepoState>();
  private nextComment = 9_000_001;
  /** folders listed by the contents API, by the tree sha it gave them: what git/trees/:sha lists */
  private trees = new Map<string, { files: Map<string, string>; path: string }>();
  /** the App's installation per repository (`owner/name` lower case) */
  readonly installations = new Map<string, number>();
  /** the login the App's writes appear under */
  botLogin = 'steward-app[bot]';
  baseUrl = '';
  now = () => new Date().toISOString();

  repo(full: string): RepoState {
    const k = full.toLowerCase();
    let r = this.repos.get(k);
    if (!r) {
      r = { issues: new Map(), comments: new Map(), branches: new Map([['main', new Map()]]), pulls: [], checkRuns: [] };
      this.repos.set(k, r);
    }
    return r;
  }

  addIssue(full: string, i: Partial<FakeIssue> & { number: number; title: string; user: string }): FakeIssue {
    const at = i.created_at ?? this.now();
    const issue: FakeIssue = {
      body: '',
      state: 'open',
      state_reason: null,
      labels: [],
      updated_at: at,
      closed_at: null,
      ...i,
      created_at: at,
    };
    this.repo(full).issues.set(i.number, issue);
    return issue;
  }

  addComment(full: string, issue: number, user: string, body: string, bot = false): FakeComment {
    const at = this.now();
    const c: FakeComment = { id: this.nextComment++, issue, body, user, bot, created_at: at, updated_at: at, reactions: [] };
    this.repo(full).comments.set(c.id, c);
    return c;
  }

  react(full: string, commentId: number, user: string, content: '+1' | '-1' | 'eyes' | 'heart' | 'laugh', at = this.now()): void {
    this.repo(full).comments.get(commentId)!.reactions.push({ content, user, created_at: at });
  }

  comments(full: string, issue: number): FakeComment[] {
    return [...this.repo(full).comments.values()].filter((c) => c.issue === issue);
  }

  restIssue(full: string, i: FakeIssue) {
    const api = `${this.baseUrl}/repos/${full}`;
    return {
      url: `${api}/issues/${i.number}`,
      repository_url: api,
      html_url: `https://github.com/${full}/issues/${i.number}`,
      id: 70_000 + i.number,
      number: i.number,
      title: i.title,
      body: i.body,
      state: i.state,
      state_reason: i.state_reason,
      labels: i.labels.map((name, n) => ({ id: 800 + n, name, color: 'ededed', default: false })),
      user: { login: i.user, type: 'User' },
      comments: this.comments(full, i.number).length,
      created_at: i.created_at,
      updated_at: i.updated_at,
      closed_at: i.closed_at,
      author_association: 'NONE',
      ...(i.pull_request ? { pull_request: { url: `${api}/pulls/${i.number}` } } : {}),
    };
  }

  restComment(full: string, c: FakeComment) {
    return {
      id: c.id,
      url: `${this.baseUrl}/repos/${full}/issues/comments/${c.id}`,
      html_url: `https://github.com/${full}/issues/${c.issue}#issuecomment-${c.id}`,
      issue_url: `${this.baseUrl}/repos/${full}/issues/${c.issue}`,
      body: c.body,
      user: { login: c.user, type: c.bot ? 'Bot' : 'User' },
      created_at: c.created_at,
      updated_at: c.updated_at,
    };
  }

  pulls(full: string) {
    return this.repo(full).pulls;
  }
  checkRuns(full: string) {
    return this.repo(full).checkRuns;
  }
  file(full: string, branch: string, path: string): string | undefined {
    return this.repo(full).branches.get(branch)?.get(path);
  }
  setFile(full: string, branch: string, path: string, text: string): void {
    const r = this.repo(full);
    if (!r.branches.has(branch)) r.branches.set(branch, new Map(r.branches.get('main')));
    r.branches.get(branch)!.set(path, text);
  }

  /** A folder's entries, files and folders once each, by name; a folder's sha is registered for git/trees. */
  private folder(files: Map<string, string>, path: string): { name: string; type: 'blob' | 'tree'; sha: string; size: number }[] {
    const prefix = path ? `${path}/` : '';
    const seen = new Set<string>();
    const out: { name: string; type: 'blob' | 'tree'; sha: string; size: number }[] = [];
    for (const [f, t] of [...files.entries()].filter(([f]) => f.startsWith(prefix)).sort(([a], [b]) => a.localeCompare(b))) {
      const name = f.slice(prefix.length).split('/')[0]!;
      if (seen.has(name)) continue;
      seen.add(name);
      if (f.slice(prefix.length).includes('/')) {
        const sha = blobSha(`tree ${[...files.keys()].filter((k) => k.startsWith(`${prefix}${name}/`)).join('\n')}`);
        this.trees.set(sha, { files, path: `${prefix}${name}` });
        out.push({ name, type: 'tree', sha, size: 0 });
      } else out.push({ name, type: 'blob', sha: blobSha(t), size: Buffer.byteLength(t) });
    }
    return out;
  }

  private page<T>(url: URL, all: T[]): Answer {
    const perPage = Number(url.searchParams.get('per_page') ?? 30);
    const page = Number(url.searchParams.get('page') ?? 1);
    const last = Math.max(1, Math.ceil(all.length / perPage));
    const headers: Record<string, string> = {};
    if (page < last) {
      const next = new URL(url.toString());
      next.searchParams.set('page', String(page + 1));
      headers.link = `<${this.baseUrl}${next.pathname}${next.search}>; rel="next"`;
    }
    return { status: 200, data: all.slice((page - 1) * perPage, page * perPage), headers };
  }

  /** The answer to a request this API serves, or undefined to leave it to the rest of the stand-in. */
  handle(method: string, url: URL, body: Buffer, jwtApp: boolean): Answer | undefined {
    const p = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    if (p[0] !== 'repos' || p.length < 4) return undefined;
    const full = `${p[1]}/${p[2]}`;
    const rest = p.slice(3);
    const input = body.length ? (JSON.parse(body.toString('utf8')) as Record<string, unknown>) : {};
    const notFound: Answer = { status: 404, data: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };
    const r = this.repo(full);
    const route = `${method} ${rest.map((s, i) => (i > 0 && /^\d+$/.test(s) ? ':n' : s)).join('/')}`;
    if (route === 'GET installation') {
      if (!jwtApp) return { status: 401, data: { message: 'A JSON web token could not be decoded' } };
      const id = this.installations.get(full.toLowerCase());
      return id === undefined ? notFound : { status: 200, data: { id, account: { login: p[1] }, app_id: 1, target_type: 'Organization' } };
    }
    if (jwtApp) return { status: 401, data: { message: 'an App JWT cannot act on a repository; use an installation token' } };
    const n = Number(rest.find((x) => /^\d+$/.test(x)));
    const issue = r.issues.get(n);
    switch (route) {
      case 'GET issues': {
        const state = url.searchParams.get('state') ?? 'open';
        const all = [...r.issues.values()].filter((i) => state === 'all' || i.state === state).sort((a, b) => b.number - a.number);
        return this.page(
          url,
          all.map((i) => this.restIssue(full, i)),
        );
      }
      case 'POST issues': {
        const number = Math.max(0, ...r.issues.keys()) + 1;
        const i = this.addIssue(full, {
          number,
          title: String(input.title),
          body: String(input.body ?? ''),
          user: this.botLogin,
          labels: (input.labels as string[]) ?? [],
        });
        return { status: 201, data: this.restIssue(full, i) };
      }
      case 'GET issues/comments':
        return this.page(
          url,
          [...r.comments.values()].sort((a, b) => a.id - b.id).map((c) => this.restComment(full, c)),
        );
      case 'GET issues/:n':
        return issue ? { status: 200, data: this.restIssue(full, issue) } : notFound;
      case 'PATCH issues/:n': {
        if (!issue) return notFound;
        if (input.state === 'closed' && issue.state === 'open')
          Object.assign(issue, { state: 'closed', closed_at: this.now(), state_reason: input.state_reason ?? 'completed' });
        if (input.state === 'open') Object.assign(issue, { state: 'open', closed_at: null, state_reason: 'reopened' });
        if (typeof input.body === 'string') issue.body = input.body;
        if (typeof input.title === 'string') issue.title = input.title;
        issue.updated_at = this.now();
        return { status: 200, data: this.restIssue(full, issue) };
      }
      case 'POST issues/:n/comments': {
        if (!issue) return notFound;
        const c = this.addComment(full, n, this.botLogin, String(input.body), true);
        return { status: 201, data: this.restComment(full, c) };
      }
      case 'PATCH issues/comments/:n': {
        const c = r.comments.get(n);
        if (!c) return notFound;
        c.body = String(input.body);
        c.updated_at = this.now();
        return { status: 200, data: this.restComment(full, c) };
      }
      case 'GET issues/comments/:n/reactions': {
        const c = r.comments.get(n);
        if (!c) return notFound;
        return this.page(
          url,
          c.reactions.map((x, k) => ({
            id: c.id * 100 + k,
            content: x.content,
            created_at: x.created_at,
            user: { login: x.user, type: 'User' },
          })),
        );
      }
      case 'POST issues/:n/labels': {
        if (!issue) return notFound;
        for (const l of (input.labels as string[]) ?? [])
          if (!issue.labels.some((x) => x.toLowerCase() === l.toLowerCase())) issue.labels.push(l);
        return { status: 200, data: issue.labels.map((name) => ({ name })) };
      }
    }
    if (method === 'DELETE' && rest[0] === 'issues' && rest[2] === 'labels' && rest.length === 4) {
      if (!issue) return notFound;
      const i = issue.labels.findIndex((x) => x.toLowerCase() === rest[3]!.toLowerCase());
      if (i < 0) return { status: 404, data: { message: 'Label does not exist' } };
      issue.labels.splice(i, 1);
      return { status: 200, data: issue.labels.map((name) => ({ name })) };
    }
    if (rest[0] === 'contents') {
      const path = rest.slice(1).join('/');
      if (method === 'GET') {
        const ref = url.searchParams.get('ref') ?? 'main';
        const branch = r.branches.has(ref) ? ref : [...r.branches.keys()].find((b) => this.headSha(full, b) === ref);
        const files = branch ? r.branches.get(branch)! : undefined;
        const text = files?.get(path);
        if (text === undefined) {
          // a folder (the root when the path is empty): its entries, as GitHub lists them, at most
          // 1 000 (GitHub's limit for this API; the trees API lists more)
          const entries = files ? this.folder(files, path) : [];
          if (entries.length === 0) return notFound;
          return {
            status: 200,
            data: entries
              .slice(0, 1000)
              .map((e) => ({ ...e, type: e.type === 'tree' ? 'dir' : 'file', path: path ? `${path}/${e.name}` : e.name })),
          };
        }
        return {
          status: 200,
          data: {
            type: 'file',
            encoding: 'base64',
            name: path.split('/').at(-1),
            path,
            sha: blobSha(text),
            size: Buffer.byteLength(text),
            content: Buffer.from(text).toString('base64'),
          },
        };
      }
      if (method === 'PUT') {
        const branch = String(input.branch ?? 'main');
        if (!r.branches.has(branch)) return { status: 404, data: { message: `Branch ${branch} not found` } };
        const old = r.branches.get(branch)!.get(path);
        if (old !== undefined && input.sha !== blobSha(old))
          return { status: 409, data: { message: `${path} does not match ${String(input.sha)}` } };
        if (old === undefined && input.sha !== undefined)
          return { status: 422, data: { message: 'sha given for a file that does not exist' } };
        const text = Buffer.from(String(input.content), 'base64').toString('utf8');
        r.branches.get(branch)!.set(path, text);
        return {
          status: old === undefined ? 201 : 200,
          data: { content: { path, sha: blobSha(text) }, commit: { sha: this.headSha(full, branch), message: input.message } },
        };
      }
    }
    if (method === 'GET' && rest[0] === 'git' && rest[1] === 'trees' && rest.length === 3) {
      const t = this.trees.get(rest[2]!);
      if (!t) return notFound;
      const tree = this.folder(t.files, t.path).map((e) => ({
        path: e.name,
        mode: e.type === 'tree' ? '040000' : '100644',
        type: e.type,
        sha: e.sha,
        ...(e.type === 'blob' ? { size: e.size } : {}),
      }));
      return { status: 200, data: { sha: rest[2], tree, truncated: false } };
    }
    if (method === 'GET' && rest[0] === 'git' && rest[1] === 'blobs' && rest.length === 3) {
      for (const files of r.branches.values()) {
        for (const text of files.values()) {
          if (blobSha(text) === rest[2])
            return {
              status: 200,
              data: { sha: rest[2], size: Buffer.byteLength(text), encoding: 'base64', content: Buffer.from(text).toString('base64') },
            };
        }
      }
      return notFound;
    }
    // octokit sends the ref as one encoded segment (heads%2Fmain), as GitHub accepts
    const ref = rest.slice(2).join('/');
    if (method === 'GET' && rest[0] === 'git' && rest[1] === 'ref' && ref.startsWith('heads/')) {
      const b = ref.slice('heads/'.length);
      return r.branches.has(b)
        ? { status: 200, data: { ref: `refs/heads/${b}`, object: { type: 'commit', sha: this.headSha(full, b) } } }
        : notFound;
    }
    if (method === 'POST' && rest.join('/') === 'git/refs') {
      const b = String(input.ref).replace(/^refs\/heads\//, '');
      if (r.branches.has(b)) return { status: 422, data: { message: 'Reference already exists' } };
      const from = [...r.branches.keys()].find((x) => this.headSha(full, x) === input.sha) ?? 'main';
      r.branches.set(b, new Map(r.branches.get(from)));
      return { status: 201, data: { ref: `refs/heads/${b}`, object: { sha: this.headSha(full, b) } } };
    }
    if (method === 'POST' && rest.join('/') === 'pulls') {
      const number = 500 + r.pulls.length + 1;
      r.pulls.push({
        number,
        title: String(input.title),
        head: String(input.head),
        base: String(input.base),
        body: String(input.body ?? ''),
      });
      return {
        status: 201,
        data: { number, html_url: `https://github.com/${full}/pull/${number}`, head: { ref: input.head }, base: { ref: input.base } },
      };
    }
    if (method === 'POST' && rest.join('/') === 'check-runs') {
      r.checkRuns.push(input);
      return { status: 201, data: { id: r.checkRuns.length, ...input } };
    }
    return undefined;
  }

  /** A branch's head: a hash of its files, so it changes with every write. */
  headSha(full: string, branch: string): string {
    const files = this.repo(full).branches.get(branch);
    return createHash('sha1')
      .update(JSON.stringify([...(files ?? new Map()).entries()].sort()))
      .digest('hex');
  }
}

function blobSha(text: string): string {
  const b = Buffer.from(text);
  return createHash('sha1').update(`blob ${b.length}\0`).update(b).digest('hex');
}
