// The files `steward fix` writes, rendered from a repository's own facts: its maintainers from the
// history, its CI's real commands, its tags. Nothing here is a placeholder for someone to fill in:
// a section whose facts are missing is left out, and the command's output says what is missing.
import type { Maintainer } from './people.js';

/** `@login` for people whose login is known; the others are reported, never written as an e-mail. */
const at = (m: Maintainer) => `@${m.login!}`;

export function codeownersFile(current: Maintainer[], emeritus: Maintainer[], since: string, until: string): string {
  const owners = current.filter((m) => m.login);
  const lines = [
    `# The people who maintain this repository: those with the most commits from ${since.slice(0, 10)} to ${until.slice(0, 10)}.`,
    '# GitHub asks them to review every change; see GOVERNANCE.md for how maintainers are added and retire.',
    `* ${owners.map(at).join(' ')}`,
  ];
  const past = emeritus.filter((m) => m.login);
  if (past.length) lines.push('', emeritusSection(past).trimEnd());
  return lines.join('\n') + '\n';
}

/** A commented section CODEOWNERS readers (and requirement 18) recognise as the retired owners. */
export function emeritusSection(past: Maintainer[]): string {
  return ['# Emeritus: maintainers who have stepped back, with our thanks', ...past.map((m) => `# ${at(m)}`)].join('\n') + '\n';
}

function person(m: Maintainer): string {
  return m.login ? `${m.name} (@${m.login})` : m.name;
}

/** GOVERNANCE.md in the shape of the LF's Minimum Viable Governance: roles, decisions, changes. */
export function governanceFile(project: string, current: Maintainer[], emeritus: Maintainer[]): string {
  const out = [
    `# ${project} governance`,
    '',
    `This document describes how ${project} is run: who decides, how decisions are made, and how`,
    'people join and leave the group that makes them. It follows the shape of the Linux Foundation\'s',
    'Minimum Viable Governance (https://github.com/github/MVG).',
    '',
    '## Roles',
    '',
    '**Contributors** are everyone who takes part: opening issues, reviewing, writing code and',
    'documentation. Anyone can contribute; see CONTRIBUTING.md.',
    '',
    '**Maintainers** review and merge changes, cut releases and decide the project\'s direction.',
    'The maintainers today are:',
    '',
    ...current.map((m) => `- ${person(m)}`),
    '',
    'They are listed in `.github/CODEOWNERS`, which asks them to review every change.',
  ];
  if (emeritus.length) {
    out.push('', '**Emeritus maintainers** have stepped back; we thank them for their work:', '', ...emeritus.map((m) => `- ${person(m)}`));
  }
  out.push(
    '',
    '## Decisions',
    '',
    'Most decisions are made in pull requests and issues by lazy consensus: a proposal that no',
    'maintainer objects to within a reasonable time (at least three working days for significant',
    'changes) is accepted. When maintainers disagree and discussion does not resolve it, any',
    'maintainer may call a vote; a decision needs a majority of all maintainers.',
    '',
    '## Becoming a maintainer, and stepping back',
    '',
    'A contributor who has made sustained, high-quality contributions may be nominated by a',
    'maintainer and becomes one when the maintainers agree by lazy consensus. A maintainer may step',
    'back at any time and becomes emeritus; a maintainer who has been inactive for a year may be',
    'moved to emeritus by a vote of the other maintainers. CODEOWNERS and this file are updated in',
    'the same pull request.',
    '',
    '## Code of conduct',
    '',
    'Everyone taking part follows the code of conduct in CODE_OF_CONDUCT.md. Maintainers enforce it.',
    '',
    '## Changing this document',
    '',
    'Changes to this governance are made by pull request and need the approval of a majority of the',
    'maintainers.',
  );
  return out.join('\n') + '\n';
}

export const LF_COC_URL = 'https://lfprojects.org/policies/code-of-conduct/';

/** Steward's own rendering of the LF Projects Code of Conduct, adopted by reference to the policy. */
export function codeOfConductFile(project: string, contacts: Maintainer[]): string {
  const who = contacts.filter((m) => m.login).map((m) => `@${m.login!}`);
  return [
    '# Code of Conduct',
    '',
    `${project} follows the LF Projects Code of Conduct, the Linux Foundation's code for the`,
    'projects it hosts:',
    '',
    `${LF_COC_URL}`,
    '',
    'The policy at that address is the one that applies; this page summarises it.',
    '',
    '## What we expect',
    '',
    'We want taking part in this project to be free of harassment for everyone, whatever their age,',
    'body, disability, ethnicity, gender identity and expression, experience, nationality,',
    'appearance, race, religion or sexual orientation. Be welcoming and patient; respect differing',
    'views; accept constructive criticism gracefully; act in the interest of the community.',
    '',
    '## What is not acceptable',
    '',
    'Sexualised language or imagery and unwelcome attention; trolling, insults and personal or',
    'political attacks; public or private harassment; publishing other people\'s private information',
    'without their permission; and any other conduct that would be unprofessional in this setting.',
    '',
    '## Where it applies, and how it is enforced',
    '',
    'It applies in every project space (the repository, issues, pull requests, chat, events) and',
    'when someone represents the project elsewhere. Maintainers may remove, edit or reject',
    'contributions that break it and may ban, temporarily or for good, people who do.',
    '',
    '## Reporting',
    '',
    `Report behaviour that breaks this code privately to the maintainers${who.length ? ` (${who.join(', ')})` : ''},`,
    'or as the LF Projects policy describes. Reports are handled promptly and confidentially, and',
    'no one is penalised for reporting in good faith.',
  ].join('\n') + '\n';
}

export interface CiCommand {
  text: string;
  file: string;
  line?: number;
}

export function contributingFile(project: string, cmds: { install: CiCommand[]; test: CiCommand[]; lint: CiCommand[] }, has: { governance: boolean; codeowners: boolean }): string {
  const block = (cs: CiCommand[]) => ['```sh', ...cs.map((c) => c.text), '```'];
  const where = (cs: CiCommand[]) => [...new Set(cs.map((c) => `\`${c.file}\``))].join(', ');
  const out = [
    `# Contributing to ${project}`,
    '',
    'Thank you for helping. Bug reports, fixes, documentation, examples and new features are all',
    'welcome: open an issue to discuss a larger change before you start, so no work is wasted.',
    '',
  ];
  if (cmds.install.length) out.push('## Setting up', '', `CI installs the project like this (${where(cmds.install)}):`, '', ...block(cmds.install), '');
  if (cmds.test.length) out.push('## Running the tests', '', `These are the commands CI runs on every change (${where(cmds.test)}); run them before you open a pull request:`, '', ...block(cmds.test), '');
  if (cmds.lint.length) out.push('## Style and linting', '', `CI checks the code with (${where(cmds.lint)}):`, '', ...block(cmds.lint), '');
  out.push(
    '## Pull requests',
    '',
    'Fork the repository, make your change on a branch with tests that cover it, and open a pull',
    `request describing what it changes and why. CI must pass, and a maintainer${has.codeowners ? ' listed in' : ''}`,
    `${has.codeowners ? '`CODEOWNERS` ' : ''}reviews it before it is merged.`,
    ...(has.governance ? ['', 'How decisions are made and how contributors become maintainers is described in GOVERNANCE.md.'] : []),
  );
  return out.join('\n') + '\n';
}
