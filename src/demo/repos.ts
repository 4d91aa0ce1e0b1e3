// Generated git repositories for the demo: each a project of a given kind (well kept, fading,
// young, copyleft …) with its files and a commit history by several people over two years,
// written with one `git fast-import` so a demo builds in seconds. Real repositories: the real
// checker reads them like any clone.
import { gitBuffer } from '../evidence/git/run.js';
import { mkdirSync } from 'node:fs';
import { CI_WORKFLOW, wellKeptPyproject, mitLicense } from './project-files.js';

export type RepoKind = 'well-kept' | 'fading' | 'young' | 'copyleft';

export interface DemoRepo {
  name: string;
  kind: RepoKind;
  /** where activity stops, for fading projects (ISO date) */
  quietFrom?: string;
}

const PEOPLE = ['Ada Moreau', 'Bilal Okafor', 'Chen Wei', 'Dana Kowalski', 'Emeka Obi', 'Farah Haddad', 'Goran Ilic', 'Hana Sato'];
const email = (n: string) => `${n.toLowerCase().replace(/[^a-z]+/g, '.')}@demo.example`;

const GPL_HEAD = `                    GNU GENERAL PUBLIC LICENSE
                       Version 3, 29 June 2007

 Copyright (C) 2007 Free Software Foundation, Inc. <https://fsf.org/>
 Everyone is permitted to copy and distribute verbatim copies
 of this license document, but changing it is not allowed.
`;

function files(r: DemoRepo): Record<string, string> {
  const slug = r.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const py = slug.replace(/-/g, '_');
  const maintainers = PEOPLE.slice(0, 3);
  const out: Record<string, string> = {
    'README.md': `# ${r.name}\n\n${r.name} is a PyTorch library generated for the Steward demo. It gives researchers and engineers a small, well-tested set of modules that plug into any torch model, with clear defaults, documented trade-offs and examples that run on a laptop in seconds, so a new user sees value before reading the full guide.\n\n## Releases\n\nReleases follow semantic versioning; see CHANGELOG.md.\n\n## Installation\n\n\`\`\`sh\npip install ${slug}\n\`\`\`\n\n## Quick start\n\n\`\`\`python\nimport torch\nimport ${py}\n\nmodel = ${py}.Model()\nprint(model(torch.zeros(1, 3)))\n\`\`\`\n\n## Documentation\n\nSee https://${slug}.readthedocs.io.\n`,
    'pyproject.toml': wellKeptPyproject(slug),
    [`src/${py}/__init__.py`]: `"""${r.name}."""\nimport torch\n\n\nclass Model(torch.nn.Module):\n    def forward(self, x):\n        return x\n`,
    'tests/test_model.py': `import torch\nfrom ${py} import Model\n\n\ndef test_identity():\n    assert torch.equal(Model()(torch.ones(2)), torch.ones(2))\n`,
  };
  if (r.kind === 'copyleft') out['LICENSE'] = GPL_HEAD;
  else out['LICENSE'] = mitLicense(`The ${r.name} authors`);
  if (r.kind !== 'young') {
    out['.github/workflows/ci.yml'] = CI_WORKFLOW;
    out['CONTRIBUTING.md'] =
      `# Contributing to ${r.name}\n\nOpen an issue, then a pull request with tests. Run \`pytest\` before pushing.\n`;
    out['CODE_OF_CONDUCT.md'] =
      `# Code of Conduct\n\nWe follow the Contributor Covenant, version 2.1: https://www.contributor-covenant.org/version/2/1/code_of_conduct/\n\nReport problems to conduct@${slug}.demo.example.\n`;
    out['GOVERNANCE.md'] =
      `# Governance\n\n${r.name} is run by its maintainers (see MAINTAINERS.md), who decide by lazy consensus; a disagreement is settled by a majority vote of the maintainers.\n`;
    out['MAINTAINERS.md'] = `# Maintainers\n\n${maintainers.map((m) => `- ${m} <${email(m)}>`).join('\n')}\n`;
    out['.github/CODEOWNERS'] = `* @${maintainers.map((m) => m.split(' ')[0]!.toLowerCase()).join(' @')}\n`;
  }
  return out;
}

/** Commit instants (seconds) and authors: two years up to `until`, dense or thinning by kind. */
function history(r: DemoRepo, until: Date): { at: number; who: string }[] {
  const end = Math.floor(until.getTime() / 1000);
  const start = end - 2 * 365 * 86400;
  const quiet = r.quietFrom ? Math.floor(Date.parse(r.quietFrom) / 1000) : Infinity;
  const people = r.kind === 'young' ? PEOPLE.slice(0, 2) : PEOPLE;
  const perWeek = r.kind === 'young' ? 1 : 5;
  const out: { at: number; who: string }[] = [];
  let i = 0;
  for (let t = start; t < end; t += Math.floor((7 * 86400) / perWeek)) {
    if (t >= quiet) break;
    out.push({ at: t, who: people[(i * 7 + Math.floor(i / 3)) % people.length]! });
    i++;
  }
  return out;
}

/** Writes the repository as a work tree at `dir` (git init, fast-import, checkout). */
export async function buildDemoRepo(dir: string, r: DemoRepo, until: Date): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await git(dir, ['init', '-q', '-b', 'main']);
  const fs = files(r);
  const commits = history(r, until);
  const chunks: string[] = [];
  const blob = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  commits.forEach((c, n) => {
    const who = `${c.who} <${email(c.who)}> ${c.at} +0000`;
    const msg = n === 0 ? `Start ${r.name}\n` : `Improve ${r.name} (${n})\n`;
    chunks.push(`commit refs/heads/main\nmark :${n + 1}\nauthor ${who}\ncommitter ${who}\n${blob(msg).replace(/\n$/, '')}\n`);
    if (n > 0) chunks.push(`from :${n}\n`);
    if (n === 0) for (const [path, text] of Object.entries(fs)) chunks.push(`M 100644 inline ${path}\n${blob(text)}`);
    chunks.push(`M 100644 inline CHANGELOG.md\n${blob(`# Changes\n\nRevision ${n}\n`)}`);
    chunks.push('\n');
  });
  await git(dir, ['fast-import', '--quiet'], chunks.join(''));
  await git(dir, ['checkout', '-q', '-f', 'main']);
  await git(dir, ['tag', 'v1.0.0', 'main']);
}

/** Through the one git runner (src/evidence/git/run.ts), like every git process Steward starts. */
async function git(cwd: string, args: string[], input?: string): Promise<void> {
  await gitBuffer(args, { cwd, ...(input !== undefined ? { input } : {}) });
}
