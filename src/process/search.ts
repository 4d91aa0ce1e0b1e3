// Finding applications and projects by what people remember of them: any word of the query in
// the name, the repository, the id or a contact (case-insensitive; every word must match).
import type { Application, Project } from './types.js';

function matches(haystack: (string | undefined)[], query: string): boolean {
  const text = haystack.filter(Boolean).join(' ').toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => text.includes(w));
}

export function searchApplications(list: Application[], query: string | undefined): Application[] {
  if (!query?.trim()) return list;
  return list.filter((a) => matches([a.id, a.projectName, a.repoUrl, a.applicant, ...a.contacts], query));
}

export function searchProjects(list: Project[], query: string | undefined): Project[] {
  if (!query?.trim()) return list;
  return list.filter((p) => matches([p.id, p.name, p.repoUrl, p.landscapeId, ...p.contacts], query));
}
