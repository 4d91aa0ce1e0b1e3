// What a migration knows of the database: tables and columns by name, of no particular type. A
// migration runs against the schema as it was when it was written, which the types of today (DB
// in ../schema.ts) do not describe.
export type Schemaless = Record<string, Record<string, unknown>>;
