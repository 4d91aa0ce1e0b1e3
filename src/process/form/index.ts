// The ecosystem application issue form: its questions, and reading (and writing) the issue body
// GitHub renders from it. Pure: no I/O, no clock.
export {
  FIELDS,
  fieldForHeading,
  normaliseLabel,
  type ApplicationFields,
  type BodyFieldName,
  type FieldName,
  type FormField,
} from './fields.js';
export { parseApplicationBody, emptyFields, MAX_BODY_CHARS, type FormProblem, type ParsedApplication, type ParseOptions } from './parse.js';
export { renderApplicationBody, renderApplicationTitle } from './render.js';
export { extractEmails, extractHandles, extractUrls, isEmail, isGitHubHandle, placeholderOf } from './values.js';
