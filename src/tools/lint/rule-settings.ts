/**
 * Turns `lint.rules` from content/site.yaml into one severity per rule, and reports settings that
 * name an unknown rule or try to change a rule the build also enforces.
 */
import type { Diagnostic } from '../../content/diagnostics.ts';
import { findClosest } from '../../lib/did-you-mean.ts';
import type { Position } from '../../content/yaml-source.ts';
import { RULES, RULE_IDS, isConfigurable, isRuleId, type RuleId, type RuleSetting } from './rules.ts';

export type Severities = ReadonlyMap<RuleId, RuleSetting>;

export interface ResolvedRuleSettings {
  severities: Severities;
  /** Problems in `lint.rules`; the linter stops with exit code 2 when there are any. */
  errors: Diagnostic[];
}

/**
 * @param overrides `lint.rules` as validated by the settings schema
 * @param settingsFile the settings file, for messages (e.g. "content/site.yaml")
 * @param locate where a field of the settings file is written
 */
export function resolveRuleSettings(
  overrides: Readonly<Record<string, RuleSetting>>,
  settingsFile: string,
  locate: (path: ReadonlyArray<string | number>) => Position,
): ResolvedRuleSettings {
  const severities = new Map<RuleId, RuleSetting>(RULE_IDS.map((id) => [id, RULES[id].defaultSeverity]));
  const errors: Diagnostic[] = [];
  for (const [id, setting] of Object.entries(overrides)) {
    const at = {
      file: settingsFile,
      ...locate(['lint', 'rules', id]),
      severity: 'error' as const,
      ruleId: 'lint-settings',
    };
    if (!isRuleId(id)) {
      errors.push({
        ...at,
        message: `lint.rules: there is no rule "${id}"${suggestRule(id)}; see node_modules/helpdesk-kit/docs/writer-tooling.md for the rule ids`,
      });
    } else if (!isConfigurable(id)) {
      errors.push({
        ...at,
        message: `lint.rules: "${id}" cannot be changed because the build fails on it too; fix the content instead`,
      });
    } else severities.set(id, setting);
  }
  return { severities, errors };
}

function suggestRule(id: string): string {
  const near = findClosest(id, RULE_IDS.filter(isConfigurable));
  return near ? ` (did you mean "${near}"?)` : '';
}
