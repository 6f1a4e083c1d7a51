/**
 * Reads content/synonyms.yaml (optional) into validated synonym groups plus diagnostics with file,
 * line and column, in the same style as every other content file. The build fails on its errors.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describeIssue, formatIssuePath } from '../lib/errors.ts';
import type { Diagnostic } from './diagnostics.ts';
import { parseYamlWithPositions, YamlSyntaxError, type ParsedYaml } from './yaml-source.ts';
import { SynonymsFileSchema, type SynonymGroup } from './synonyms-schema.ts';

export const SYNONYMS_FILE = 'synonyms.yaml';
const RULE = 'synonyms';

export interface LoadedSynonyms {
  groups: SynonymGroup[];
  diagnostics: Diagnostic[];
}

/** Validate the text of a synonyms file; `file` is the path used in diagnostics. */
export function parseSynonyms(text: string, file: string): LoadedSynonyms {
  const diagnostics: Diagnostic[] = [];
  let parsed: ParsedYaml;
  try {
    parsed = parseYamlWithPositions(text);
  } catch (err) {
    if (!(err instanceof YamlSyntaxError)) throw err;
    diagnostics.push({
      file,
      ...err.position,
      severity: 'error',
      ruleId: 'yaml-syntax',
      message: `the YAML does not parse: ${err.message}; write one group per line, like "refund: money back, reimbursement"`,
    });
    return { groups: [], diagnostics };
  }
  const result = SynonymsFileSchema.safeParse(parsed.value);
  if (!result.success) {
    for (const issue of result.error.issues) {
      // A bad key is reported by zod under the key's own path; point at the key.
      const field = formatIssuePath(issue.path);
      diagnostics.push({
        file,
        ...parsed.locate(issue.path),
        severity: 'error',
        ruleId: RULE,
        message: field ? `${field}: ${describeIssue(issue)}` : describeIssue(issue),
      });
    }
    return { groups: [], diagnostics };
  }
  const groups = Object.entries(result.data).map(([key, others]) => ({
    phrases: [key.trim(), ...others],
    line: parsed.locate([key]).line,
  }));
  return { groups, diagnostics };
}

/** Load `<contentDir>/synonyms.yaml`; no file means no synonyms. Paths in diagnostics are relative to `root`. */
export function loadSynonyms(root: string, contentDir: string): LoadedSynonyms {
  const abs = path.join(contentDir, SYNONYMS_FILE);
  if (!existsSync(abs)) return { groups: [], diagnostics: [] };
  const file = path.relative(root, abs).split(path.sep).join('/');
  return parseSynonyms(readFileSync(abs, 'utf8'), file);
}
