// The questions of the ecosystem application issue form (../shared/data/ecosystem-application-form.yml)
// as the fields Steward keeps, and how a `### ` heading GitHub rendered, or a person later edited,
// is recognised as one of them.

export interface ApplicationFields {
  /** From the issue title `[Ecosystem] <Project Name>`; the body does not carry it. */
  projectName: string | null;
  contactEmails: string[];
  summary: string | null;
  description: string | null;
  similarProjects: string | null;
  repoUrl: string | null;
  additionalRepos: string[];
  license: string | null;
  maintainers: string[];
  backingEntity: string | null;
  websiteUrl: string | null;
  documentation: string | null;
  ci: string | null;
  pytorchVersions: string | null;
  pytorchComponents: string | null;
  maintenanceCommitment: string | null;
  additionalInfo: string | null;
}

export type FieldName = keyof ApplicationFields;
/** The fields that come from a `### ` section of the body (all but the title's project name). */
export type BodyFieldName = Exclude<FieldName, 'projectName'>;

export type FieldKind = 'text' | 'emails' | 'handles' | 'url' | 'urls';

export interface FormField {
  name: BodyFieldName;
  /** The label exactly as the form defines it (GitHub renders it as the section heading). */
  label: string;
  kind: FieldKind;
  required: boolean;
  /**
   * The form itself invites "not applicable" as an answer here, so N/A or None is a complete
   * answer (the value is still null) rather than a missing one.
   */
  noneIsAnAnswer: boolean;
  /** Recognises a hand-edited heading once exact matching failed; tried in LOOSE_ORDER. */
  loose: RegExp;
}

/** The form's questions in the form's order. */
export const FIELDS: readonly FormField[] = [
  { name: 'contactEmails', label: 'Contact emails', kind: 'emails', required: true, noneIsAnAnswer: false, loose: /\be-?mails?\b/ },
  { name: 'summary', label: 'Project summary', kind: 'text', required: true, noneIsAnAnswer: false, loose: /\bsummary\b/ },
  {
    name: 'description',
    label: 'Project description',
    kind: 'text',
    required: true,
    noneIsAnAnswer: false,
    loose: /^(project )?description\b/,
  },
  {
    name: 'similarProjects',
    label: 'Are there any other projects in the PyTorch Ecosystem similar to yours?  If, yes, what are they?',
    kind: 'text',
    required: true,
    noneIsAnAnswer: true,
    loose: /\bsimilar\b/,
  },
  {
    name: 'repoUrl',
    label: 'Project repo URL',
    kind: 'url',
    required: true,
    noneIsAnAnswer: false,
    loose: /\b(repo|repository|source code)( url)?$/,
  },
  {
    name: 'additionalRepos',
    label: 'Additional repos in scope of the application',
    kind: 'urls',
    required: false,
    noneIsAnAnswer: true,
    loose: /\b(additional|other|more) (repos|repositories|repo urls)\b/,
  },
  { name: 'license', label: 'Project license', kind: 'text', required: true, noneIsAnAnswer: false, loose: /\blicen[cs]e\b/ },
  {
    name: 'maintainers',
    label: 'GitHub handles of the project maintainer(s)',
    kind: 'handles',
    required: true,
    noneIsAnAnswer: false,
    loose: /\bhandles?\b|\bmaintainers?\b|\bmaintainer\(s\)/,
  },
  {
    name: 'backingEntity',
    label: 'Is there a corporate or academic entity backing this project?  If so, please provide the name and URL of the entity.',
    kind: 'text',
    required: false,
    noneIsAnAnswer: true,
    loose: /\b(corporate|academic|backing|backed|sponsor)/,
  },
  { name: 'websiteUrl', label: 'Website URL', kind: 'url', required: true, noneIsAnAnswer: false, loose: /\b(website|homepage)\b/ },
  {
    name: 'documentation',
    label: 'Documentation',
    kind: 'text',
    required: true,
    noneIsAnAnswer: false,
    loose: /^(project )?(documentation|docs)\b/,
  },
  {
    name: 'ci',
    label: 'How do you build and test the project today (continuous integration)?  Please describe.',
    kind: 'text',
    required: true,
    noneIsAnAnswer: false,
    loose: /\bcontinuous integration\b|\bbuild and test\b|^ci\b/,
  },
  {
    name: 'pytorchVersions',
    label: 'Version of PyTorch',
    kind: 'text',
    required: true,
    noneIsAnAnswer: false,
    loose: /\bversions? of pytorch\b|\bpytorch versions?\b/,
  },
  {
    name: 'pytorchComponents',
    label: 'Components of PyTorch',
    kind: 'text',
    required: true,
    noneIsAnAnswer: true,
    loose: /\bcomponents?\b/,
  },
  {
    name: 'maintenanceCommitment',
    label: 'How long do you expect to maintain the project?',
    kind: 'text',
    required: true,
    noneIsAnAnswer: false,
    loose: /\bhow long\b|\bmaintenance\b/,
  },
  {
    name: 'additionalInfo',
    label: 'Additional information',
    kind: 'text',
    required: false,
    noneIsAnAnswer: true,
    loose: /^(additional|other|any other) (info|information|comments|notes)\b/,
  },
];

// The more specific question is tried first: additional repos before the repo URL, how long to
// maintain before the maintainers' handles, additional information before anything else.
const LOOSE_ORDER: readonly BodyFieldName[] = [
  'additionalInfo',
  'additionalRepos',
  'similarProjects',
  'maintenanceCommitment',
  'backingEntity',
  'ci',
  'pytorchVersions',
  'pytorchComponents',
  'contactEmails',
  'summary',
  'description',
  'repoUrl',
  'license',
  'maintainers',
  'websiteUrl',
  'documentation',
];

export const FIELD_BY_NAME: ReadonlyMap<BodyFieldName, FormField> = new Map(FIELDS.map((f) => [f.name, f]));

/**
 * A heading reduced to what a person means by it: case, emphasis, runs of spaces, a trailing
 * `?`/`:`/`.` and the odd hand-typed comma ("If, yes") do not change which question it is.
 */
export function normaliseLabel(text: string): string {
  return text
    .toLowerCase()
    .replace(/[*_`]/g, '')
    .replace(/[?:.,!]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const EXACT: ReadonlyMap<string, FormField> = new Map(FIELDS.map((f) => [normaliseLabel(f.label), f]));

/** The form field a heading names, or undefined when it is some other heading. */
export function fieldForHeading(heading: string): FormField | undefined {
  const norm = normaliseLabel(heading);
  if (norm.length === 0 || norm.length > 300) return undefined;
  const exact = EXACT.get(norm);
  if (exact) return exact;
  // a heading that keeps the start of a long question but rewords the rest
  for (const f of FIELDS) {
    const label = normaliseLabel(f.label);
    if (label.length > 40 && norm.length >= 30 && (label.startsWith(norm) || norm.startsWith(label.slice(0, 30)))) return f;
  }
  for (const name of LOOSE_ORDER) {
    const f = FIELD_BY_NAME.get(name)!;
    if (f.loose.test(norm)) return f;
  }
  return undefined;
}
