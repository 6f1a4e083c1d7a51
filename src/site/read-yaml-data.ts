/**
 * The value of a YAML file for the pages, validated by its schema: js-yaml only, no positions.
 * The build's content check has already reported any problem in these files with file and line
 * (content/load.ts), so here a missing or invalid file gives `undefined`, and the pages' bundle
 * stays free of the check's heavier parsers.
 */
import { readFileSync } from 'node:fs';
import { CORE_SCHEMA, load } from 'js-yaml';
import type { ZodType } from 'zod';

export function readYamlData<T>(file: string, schema: ZodType<T>): T | undefined {
  let raw: unknown;
  try {
    raw = load(readFileSync(file, 'utf8'), { schema: CORE_SCHEMA, filename: file });
  } catch {
    return undefined;
  }
  const result = schema.safeParse(raw ?? {});
  return result.success ? result.data : undefined;
}
