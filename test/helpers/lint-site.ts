/**
 * For tests: a copy of test/fixtures/lint-clean (a small site with no findings) in a temp folder,
 * with files added, replaced or removed, and a lint run over it.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { getShippedDictionary } from '../../src/i18n/ui-strings.ts';
import { formatDiagnostic } from '../../src/content/diagnostics.ts';
import { lintContent, type LintOptions, type LintResult } from '../../src/tools/lint/lint-content.ts';

export const CLEAN_FIXTURE = fileURLToPath(new URL('../fixtures/lint-clean', import.meta.url));

/** Today in tests, so reviewBy findings do not change with the calendar. */
export const TEST_TODAY = '2026-11-23';

/** Files relative to the site root; `null` removes the fixture's file. */
export type SiteFiles = Record<string, string | null>;

export function createTestSite(files: SiteFiles = {}): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'lint-site-'));
  cpSync(CLEAN_FIXTURE, root, { recursive: true });
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(root, rel);
    if (text === null) rmSync(abs, { force: true });
    else {
      mkdirSync(path.dirname(abs), { recursive: true });
      writeFileSync(abs, text);
    }
  }
  return root;
}

export function removeTestSite(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

/** Lint a test site and return the findings as CLI lines. */
export async function lintTestSite(
  files: SiteFiles = {},
  options: Partial<LintOptions> = {},
): Promise<{ lines: string[]; result: LintResult }> {
  const root = createTestSite(files);
  try {
    const result = await lintContent({ root, today: TEST_TODAY, history: false, ...options });
    return { lines: result.findings.map(formatDiagnostic), result };
  } finally {
    removeTestSite(root);
  }
}

/** An article file with valid frontmatter around `body`. */
export function article(body: string, frontmatter = ''): string {
  const fm =
    frontmatter ||
    'title: Test article\ndescription: A test article that says what it helps with in a sentence or two.\nowner: Test team\n';
  return `---\n${fm.endsWith('\n') ? fm : `${fm}\n`}---\n\n${body}`;
}

export function faq(question: string, body = 'The answer.\n'): string {
  return `---\nquestion: ${JSON.stringify(question)}\n---\n\n${body}`;
}

/**
 * A site in a language we ship no UI dictionary for must bring its own ui.yaml (or the build
 * stops, `ui-strings`): for such a language, one with every key (English text as a stand-in).
 */
export function uiStringsFor(language: string): Record<string, string> {
  if (getShippedDictionary(language)) return {};
  return { 'content/ui.yaml': stringify(getShippedDictionary('en')) };
}
