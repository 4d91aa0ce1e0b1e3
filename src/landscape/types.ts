// The landscape model: what a landscape.yml holds, as plain serialisable data.
// Source positions (offsets, node ranges) stay inside source.ts; this is what other modules use.

/** One entry of the landscape (a project, product or member), in the shape landscape2 reads. */
export interface LandscapeItem {
  /** `category--subcategory--name`, normalised the way landscape2 builds item ids */
  id: string;
  name: string;
  category: string;
  subcategory: string;
  description?: string;
  /** '' when the file lacks it (validation reports it) */
  homepage_url: string;
  repo_url?: string;
  /** a file name in the logos folder; '' when the file lacks it */
  logo: string;
  /** landscape2's maturity: `archived` marks a retired project, `foundation` a hosted one */
  project?: string;
  /** landscape2's `extra` map (accepted date, linkedin_url, annotations, …) as read */
  extra?: Record<string, unknown>;
  /** every other key of the entry (crunchbase, twitter, second_path, …), in file order */
  fields?: Record<string, unknown>;
  /** 1-based line of the entry's first key in the file (0 for items that came from elsewhere) */
  line: number;
}

export interface LandscapeSubcategory {
  name: string;
  line: number;
  items: LandscapeItem[];
}

export interface LandscapeCategory {
  name: string;
  line: number;
  subcategories: LandscapeSubcategory[];
}

/** `landscape:` with `- category:` / `- subcategory:` / `- item:` markers, or landscape2's `categories:`. */
export type LandscapeFormat = 'landscape' | 'categories';

export interface Landscape {
  file: string;
  format: LandscapeFormat;
  categories: LandscapeCategory[];
  /** all items, in file order */
  items: LandscapeItem[];
  /** problems met while reading the structure (YAML syntax, wrong shapes); validation adds more */
  problems: LandscapeProblem[];
}

/** A problem found in a landscape file. `line` is 1-based; null only for file-wide warnings. */
export interface LandscapeProblem {
  line: number | null;
  /** the item's id (or its name / position when it has no usable name); null when not about an item */
  item: string | null;
  field?: string;
  message: string;
}

export interface ValidationResult {
  file: string;
  /** number of items read */
  items: number;
  errors: LandscapeProblem[];
  warnings: LandscapeProblem[];
}
