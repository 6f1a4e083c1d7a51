/**
 * The two findings every settings and frontmatter file can produce, worded once: YAML that does
 * not parse, and values that fail their zod schema, each placed on the line that holds them.
 */
import { describeIssue, formatIssuePath, type ZodIssue } from '../lib/errors.ts';
import type { Diagnostic } from './diagnostics.ts';
import type { ParsedYaml, YamlSyntaxError } from './yaml-source.ts';

const YAML_HINT = 'check indentation, colons and quotes on this line';

/** "the YAML does not parse: …; <hint>" at the position of the first problem. */
export function yamlSyntaxDiagnostic(err: YamlSyntaxError, file: string, hint = YAML_HINT): Diagnostic {
  return {
    file,
    ...err.position,
    severity: 'error',
    ruleId: 'yaml-syntax',
    message: `the YAML does not parse: ${err.message}; ${hint}`,
  };
}

/** One finding per schema issue, "field: what is wrong", on the line of the field (or of an unknown key). */
export function schemaIssueDiagnostics(
  issues: readonly ZodIssue[],
  parsed: ParsedYaml,
  file: string,
  ruleId: string,
): Diagnostic[] {
  return issues.map((issue) => {
    const field = formatIssuePath(issue.path);
    const at = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
    return {
      file,
      ...parsed.locate(at),
      severity: 'error',
      ruleId,
      message: field ? `${field}: ${describeIssue(issue)}` : describeIssue(issue),
    };
  });
}
