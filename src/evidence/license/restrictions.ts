// Words whose presence in added text changes what a license allows. Used on normalised text
// (lower-case words separated by single spaces). A phrase here makes a modified license
// "restricted": never permissive, whatever template it resembles.

const RESTRICTION_PATTERNS: { re: RegExp; what: string }[] = [
  { re: /\bnon ?commercial\b/, what: 'non-commercial' },
  { re: /\bcommons clause\b/, what: 'Commons Clause' },
  { re: /\bterminat\w*/, what: 'termination' },
  { re: /\brevok\w*|\brevocable\b/, what: 'revocation' },
  {
    re: /\b(?:solely|only) for\b|\bfor (?:\w+ ){0,2}(?:research|academic|educational|personal|evaluation|internal)(?: \w+){0,2} (?:purposes? )?only\b/,
    what: 'limited purpose',
  },
  {
    re: /\b(?:not|no|never|without|nor|cannot|neither)\b(?: \w+){0,9} (?:commercial\w*|sell\w*|resell\w*|sale|military|weapons?|profit\w*|fees?|charge|compet\w*|harm\w*|surveillance)\b/,
    what: 'use or sale forbidden',
  },
  { re: /\b(?:prohibit\w*|forbid\w*|forbidden)\b/, what: 'prohibition' },
  {
    re: /\b(?:may|must|shall|can) not be (?:re-?licensed|sub-?licensed|sold|resold|used|distributed|redistributed|modified)\b/,
    what: 'use or redistribution forbidden',
  },
  { re: /\bwithout (?:\w+ ){0,3}(?:permission|consent|approval|authori[sz]ation)\b/, what: 'permission required' },
  { re: /\bcompeting (?:use|product|service)\b/, what: 'non-compete' },
  { re: /\b(?:military|weapons?|surveillance)\b/, what: 'field-of-use restriction' },
  { re: /\bpatent (?:litigation|claim|infringement)\b.{0,300}\b(?:lose|ends?|cease\w*)\b/, what: 'patent retaliation' },
  // Conditions that make the grant cost something or depend on who you are.
  {
    re: /\b(?:purchas\w*|buy\w*|pay\w*|obtain\w*|acquir\w*)(?: \w+){0,4} (?:commercial|paid|separate|proprietary|enterprise|business) license\b|\b(?:must|shall|required to|need to|needs to|have to|has to|agrees? to)(?: \w+){0,3} (?:pay|purchase|buy)\b|\b(?:royalt(?:y|ies)|fees?|payment)(?: \w+){0,2} (?:due|payable|required)\b/,
    what: 'payment or a separate license required',
  },
  {
    re: /\b(?:companies|corporations|organi[sz]ations|enterprises|businesses)\b(?: \w+){0,6} (?:more|over|greater|exceed\w*|at least|above)\b(?: \w+){0,4} (?:employees|staff|revenue|users)\b/,
    what: 'conditions on who may use it',
  },
  // Other documents pulled into the grant: its terms are then not this license's alone.
  {
    re: /\b(?:forms?|formed|is|are|constitutes?|becomes?) (?:an? )?(?:integral |binding )?part of (?:this|the) license\b|\bincorporated (?:\w+ ){0,2}(?:by reference|into (?:this|the) license)\b|\bin addition to (?:the terms of )?(?:this|the above) license\b|\b(?:additional|supplementary|further) (?:terms|conditions) (?:in|of|at|apply|set out)\b/,
    what: 'other terms made part of the license',
  },
];

/** The kinds of restriction `text` (normalised words) states that `baseline` does not. */
export function restrictionCues(text: string, baseline = ''): string[] {
  const found: string[] = [];
  for (const { re, what } of RESTRICTION_PATTERNS) {
    if (re.test(text) && !(baseline !== '' && re.test(baseline))) found.push(what);
  }
  return found;
}

// Words that carry meaning in a short substitution: a difference touching one of them is never
// dismissed as a filled-in name.
export const MEANING_WORDS = new Set([
  'not',
  'no',
  'non',
  'never',
  'except',
  'only',
  'solely',
  'without',
  'unless',
  'commercial',
  'noncommercial',
  'military',
  'must',
  'shall',
  'may',
  'cannot',
  'prohibited',
  'forbidden',
  'permitted',
  'sell',
  'fee',
  'free',
  'terminate',
  'terminates',
  'revoke',
  'revoked',
  'irrevocable',
  'perpetual',
  'patent',
  'patents',
  'exclusive',
  'nonexclusive',
  'royalty',
  'sublicense',
  'modify',
  'distribute',
  'copy',
  'use',
  'merge',
  'publish',
  'liable',
  'warranty',
  'warranties',
]);

const DUAL =
  /\b(?:dual[ -]?licen[sc]ed|at your (?:option|choice|discretion)|either of (?:these|the following|the two)|choose (?:either|one|between)|you may (?:choose|elect|select))\b/;

/** Whether `text` (normalised words) says the licenses it sits with are alternatives. */
export function saysDualLicensed(text: string): boolean {
  return DUAL.test(text);
}
