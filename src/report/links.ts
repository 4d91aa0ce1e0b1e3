// Links to evidence at the evaluated commit, so a reviewer lands on the exact line.
import type { EvidenceRef } from '../evidence/types.js';

/** `project`: the folder a project lives in and the repository files it inherited (report.target). */
export function evidenceUrl(
  ref: EvidenceRef,
  webUrl: string | undefined,
  commit: string,
  project: { path?: string; inherited?: string[] } = {},
): string | undefined {
  if (ref.kind === 'api' || ref.kind === 'registry') return /^https?:\/\//.test(ref.ref) ? ref.ref : undefined;
  if (!webUrl) return undefined;
  const base = webUrl.replace(/\/+$/, '');
  const gitlab = /gitlab/.test(base);
  if (ref.kind === 'commit') return `${base}${gitlab ? '/-' : ''}/commit/${ref.ref}`;
  if (ref.kind === 'file') {
    const repoPath = project.path && !project.inherited?.includes(ref.ref) ? `${project.path}/${ref.ref}` : ref.ref;
    const path = repoPath.split('/').map(encodeURIComponent).join('/');
    return `${base}${gitlab ? '/-' : ''}/blob/${commit}/${path}${ref.line ? `#L${ref.line}` : ''}`;
  }
  return undefined;
}

export function evidenceLabel(ref: EvidenceRef): string {
  if (ref.kind === 'commit') return ref.ref.slice(0, 12);
  return ref.line ? `${ref.ref}:${ref.line}` : ref.ref;
}
