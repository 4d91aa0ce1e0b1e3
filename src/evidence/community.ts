// The community and documentation files requirements 3–6, 11 and 15–19 read (README, LICENSE,
// CONTRIBUTING, CODEOWNERS, CODE_OF_CONDUCT, GOVERNANCE, MAINTAINERS, docs configuration).
export function wantsCommunityFile(_path: string): boolean {
  return false;
}
