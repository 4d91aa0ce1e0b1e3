// The yaml package, loaded on first use: a check of a repository without YAML files (and with
// the prepared default policy) never pays for loading it, a noticeable part of a cold start.
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

let lib: typeof Yaml | undefined;

export function yaml(): typeof Yaml {
  lib ??= createRequire(import.meta.url)('yaml') as typeof Yaml;
  return lib;
}
