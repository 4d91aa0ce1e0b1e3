// Validates SARIF against the OASIS SARIF 2.1.0 JSON schema (the rtm.5 schema GitHub code scanning
// documents), as shipped in the @microsoft/jest-sarif package: read from disk, no network.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
// both are CommonJS whose module.exports is the function itself
const AjvDraft04 = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;
export const SARIF_SCHEMA_FILE = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

type Validator = ((data: unknown) => boolean) & { errors?: unknown };
let validator: Validator | undefined;

/** The schema's complaints about `log` (empty when it is valid SARIF 2.1.0). */
export function sarifErrors(log: unknown): string[] {
  if (!validator) {
    const schema = JSON.parse(readFileSync(SARIF_SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
    // the schema's language pattern has a stray `]` that only non-unicode regular expressions accept
    const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    validator = ajv.compile(schema);
  }
  const validate: Validator = validator;
  if (validate(log)) return [];
  return ((validate.errors ?? []) as { instancePath: string; message?: string }[]).map(
    (e) => `${e.instancePath || '/'}: ${e.message ?? ''}`,
  );
}
