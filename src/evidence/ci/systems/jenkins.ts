// Jenkins (Jenkinsfile, at the root or one folder down): Groovy, read line by line.
import { scanScript } from '../commands.js';
import { stepsFrom, type WorkflowRead } from '../github-actions.js';
import { labelOs, type Os } from '../runners.js';
import { blank, finish, type CiSystemReader } from '../system.js';

/** Jenkinsfiles are Groovy: each line's quoted shell text is scanned; `bat` steps mean Windows. */
export function readJenkinsfile(file: string, text: string): WorkflowRead {
  const out = blank(file, 'jenkins', ['push']);
  const runners: string[] = [];
  const os: (Os | undefined)[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.length > 10_000) return;
    const label = /\blabel\s*\(?\s*['"]([^'"]+)['"]/.exec(line);
    if (label) {
      runners.push(label[1]!);
      os.push(labelOs(label[1]!));
    }
    if (/^\s*bat\b/.test(line)) os.push('windows');
    // lines inside `sh """ … """` blocks have no quotes of their own: scan every line, quotes removed
    const body = line.replace(/['"]/g, ' ');
    if (body.trim()) stepsFrom(scanScript(body), file, i + 1, undefined, out);
  });
  return finish(out, runners, os);
}

export default {
  id: 'jenkins',
  listed: 60,
  name: 'Jenkins',
  shownAs: 'Jenkinsfile',
  matches: (path) => /^(?:[^/]+\/)?Jenkinsfile[^/]*$/.test(path),
  read: (file, text) => readJenkinsfile(file, text),
} satisfies CiSystemReader;
