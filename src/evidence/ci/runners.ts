// Runner labels → operating systems. Hosted labels name their OS (ubuntu-24.04, macos-14,
// windows-2022); self-hosted runners say it only when given an OS label (`[self-hosted, linux]`).

export type Os = 'linux' | 'macos' | 'windows';

export function labelOs(label: string): Os | undefined {
  const l = label.toLowerCase();
  if (/ubuntu|linux|debian|centos|fedora|rhel|rocky|alpine/.test(l)) return 'linux';
  if (/macos|mac-os|osx|darwin|^mac\b/.test(l)) return 'macos';
  if (/windows|^win(\d|-|$)/.test(l)) return 'windows';
  return undefined;
}

/** The OS of a runner given by one or more labels; undefined when none of them says. */
export function runnerOs(labels: string[]): Os | undefined {
  for (const l of labels) {
    const os = labelOs(l);
    if (os) return os;
  }
  return undefined;
}

/** Declared OSes from Trove classifiers: `Operating System :: POSIX :: Linux` → linux; `OS Independent` → none. */
export function classifierOs(classifiers: string[]): Os[] {
  const out = new Set<Os>();
  for (const c of classifiers) {
    const parts = c.split('::').map((p) => p.trim().toLowerCase());
    if (parts[0] !== 'operating system') continue;
    const rest = parts.slice(1).join(' ');
    if (/linux/.test(rest)) out.add('linux');
    else if (/macos|mac os|darwin/.test(rest)) out.add('macos');
    else if (/windows/.test(rest)) out.add('windows');
  }
  return [...out].sort();
}
