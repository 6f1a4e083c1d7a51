/**
 * Reads content/synonyms.yaml (optional) into validated synonym groups plus diagnostics with file,
 * line and column, in the same style as every other content file. The build fails on its errors.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from './diagnostics.ts';
import { parseYamlWithPositions, YamlSyntaxError, type ParsedYaml } from './yaml-source.ts';
import { SynonymsFileSchema, type SynonymGroup } from './synonyms-schema.ts';
import { schemaIssueDiagnostics, yamlSyntaxDiagnostic } from './yaml-diagnostics.ts';

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
    diagnostics.push(yamlSyntaxDiagnostic(err, file, 'write one group per line, like "refund: money back, reimbursement"'));
    return { groups: [], diagnostics };
  }
  const result = SynonymsFileSchema.safeParse(parsed.value, { reportInput: true });
  if (!result.success) {
    diagnostics.push(...schemaIssueDiagnostics(result.error.issues, parsed, file, RULE));
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
