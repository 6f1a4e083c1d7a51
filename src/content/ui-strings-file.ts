/**
 * ui.yaml of each language's content folder: the site's own UI strings over ours
 * (src/i18n/ui-strings.ts), and the check that fails the build on a key a language lacks.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Diagnostic } from './diagnostics.ts';
import { parseYamlWithPositions, YamlSyntaxError } from './yaml-source.ts';
import { schemaIssueDiagnostics, yamlSyntaxDiagnostic } from './yaml-diagnostics.ts';
import { getLocales } from './locales.ts';
import type { SiteSettings } from './schema.ts';
import { createTranslator, getMissingUiStrings, UI_KEYS, UI_STRINGS_FILE, type Translator } from '../i18n/ui-strings.ts';

const RULE = 'ui-strings';
const UiStringsFileSchema = z.record(z.string(), z.string().min(1, 'must not be empty')).default({});

/** The content folder of a language: content/ for the default one, content/<code>/ for the others. */
export const getLocaleContentDir = (contentDir: string, locale: { code: string; isDefault: boolean }) =>
  locale.isDefault ? contentDir : path.join(contentDir, locale.code);

/** A language's strings as its pages show them: the ui.yaml in `dir` (that language's content folder) over our dictionary. */
export function createSiteTranslator(root: string, dir: string, language: string): Translator {
  return createTranslator(language, loadUiStringsFile(root, dir).strings);
}

/** A language's ui.yaml (none: no strings of the site's own), with problems as diagnostics. */
export function loadUiStringsFile(
  root: string,
  dir: string,
): { strings: Record<string, string>; file: string; diagnostics: Diagnostic[] } {
  const abs = path.join(dir, UI_STRINGS_FILE);
  const file = path.relative(root, abs).split(path.sep).join('/');
  if (!existsSync(abs)) return { strings: {}, file, diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  try {
    const parsed = parseYamlWithPositions(readFileSync(abs, 'utf8'));
    const result = UiStringsFileSchema.safeParse(parsed.value ?? undefined, { reportInput: true });
    if (!result.success) {
      diagnostics.push(...schemaIssueDiagnostics(result.error.issues, parsed, file, RULE));
      return { strings: {}, file, diagnostics };
    }
    const known = new Set<string>(UI_KEYS);
    for (const key of Object.keys(result.data)) {
      if (known.has(key) || /\.(zero|one|two|few|many)$/.test(key)) continue;
      diagnostics.push({
        file,
        ...parsed.locate([key]),
        severity: 'error',
        ruleId: RULE,
        message: `"${key}" is not a UI string key; the keys are listed in docs/languages.md`,
      });
    }
    return { strings: result.data, file, diagnostics };
  } catch (err) {
    if (!(err instanceof YamlSyntaxError)) throw err;
    diagnostics.push(yamlSyntaxDiagnostic(err, file, 'write one "key: text" line per string'));
    return { strings: {}, file, diagnostics };
  }
}

/** Every UI string a language of the site lacks, one error each (key and language), plus ui.yaml's own problems. */
export function checkUiStrings(root: string, contentDir: string, site: SiteSettings): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const locale of getLocales(site)) {
    const loaded = loadUiStringsFile(root, getLocaleContentDir(contentDir, locale));
    out.push(...loaded.diagnostics);
    for (const key of getMissingUiStrings(locale.code, loaded.strings)) {
      out.push({
        file: loaded.file,
        line: 1,
        column: 1,
        severity: 'error',
        ruleId: RULE,
        message: `the UI string "${key}" is missing for language "${locale.code}"; add "${key}: …" to ${loaded.file} (we ship en, de, fr, es, ja and ar)`,
      });
    }
  }
  return out;
}
