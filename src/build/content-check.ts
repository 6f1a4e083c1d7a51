/**
 * The content check of a build, and what the build writes from the same data: all content is
 * read and validated with the project's frontmatter schemas, and the linter's rules that guard
 * what a reader sees (broken links and anchors, missing images, invisible characters; see
 * BUILD_RULE_IDS) run on every file, so every finding of every file is reported at once, with
 * file, line and fix, at the severities of `lint.rules` in site.yaml; the search vocabulary, the feedback
 * manifest and the redirects are worked out; and the content's git dates are read for the pages.
 * It runs in `astro:config:setup`, before Astro's content sync, so a content error stops the
 * build within seconds; the result is plain data.
 */
import path from 'node:path';
import { formatDiagnostic, sortDiagnostics } from '../content/diagnostics.ts';
import type { FrontmatterSchemas } from '../content/load.ts';
import { getProjectRoot } from '../content/paths.ts';
import { loadSynonyms } from '../content/synonyms.ts';
import { getRedirectErrors, getRedirects, type Redirect } from '../content/redirects.ts';
import { loadRedirectsFile } from '../content/redirects-file.ts';
import { getBuildRevision, loadGitHistory, type GitHistory } from '../content/git-history.ts';
import type { SiteSettings } from '../content/schema.ts';
import type { FeedbackManifest } from '../feedback/manifest.ts';
import { buildSearchVocabularyFor, getLocaleVocabularySource } from '../search/search-inputs.ts';
import { getTranslationLocales } from '../content/locales.ts';
import { CATEGORIES_FILE } from '../content/paths.ts';
import { CategoryTranslationsFileSchema } from '../content/schema.ts';
import { readYamlData } from '../site/read-yaml-data.ts';
import { pickResultStrings } from '../i18n/ui-strings.ts';
import { createSiteTranslator } from '../content/ui-strings-file.ts';
import type { SearchVocabulary } from '../search/vocabulary.ts';
import { lintContent } from '../tools/lint/lint-content.ts';
import { BUILD_RULE_IDS } from '../tools/lint/rules.ts';
import { getFeedbackManifest } from './feedback-manifest.ts';
import { getHelpRecords, getTranslationRecords, type HelpRecord } from '../content/help-records.ts';

/** What `astro build` writes besides the pages and the search index. */
export interface BuildArtefacts {
  site: SiteSettings;
  /** One per language, the default language first. */
  vocabularies: SearchVocabulary[];
  manifest: FeedbackManifest;
  redirects: Redirect[];
  /** The content's git history without renames, for the pages' dates (src/site/data.ts). */
  history: GitHistory;
  /** The published articles and FAQs, for llms.txt, the Markdown copies and the widget's files. */
  records: HelpRecord[];
  /** The same per translation language (code -> records), for the widget in that language. */
  translationRecords: Record<string, HelpRecord[]>;
}

export interface ContentCheckResult {
  /** One line per error (file:line:column, what is wrong, rule); empty when the content is fine. */
  errors: string[];
  /** The same, for findings of rules set to "warning" in `lint.rules`: printed, the build goes on. */
  warnings: string[];
  /** Worked out when asked for and the content has no errors. */
  artefacts?: BuildArtefacts;
}

export interface ContentCheckOptions {
  /** Work out the build artefacts too (`astro build`). */
  artefacts: boolean;
  /** The project's frontmatter schemas (project-schemas.ts); default: the built-in ones. */
  schemas?: FrontmatterSchemas;
  /** The folder served at the site's root (Astro's publicDir); default: public/ beside the content folder. */
  publicDir?: string;
  /** Where parsed Markdown is kept between builds (absolute); default: parse every file. */
  cacheFile?: string;
}

/** Checks the content folder `contentDir` (absolute); messages name files relative to its parent. */
export async function checkContent(contentDir: string, options: ContentCheckOptions): Promise<ContentCheckResult> {
  const root = getProjectRoot(contentDir);
  const contentDirName = path.relative(root, contentDir);
  const lint = await lintContent({
    root,
    contentDir: contentDirName,
    schemas: options.schemas,
    publicDir: options.publicDir,
    cacheFile: options.cacheFile,
    rules: BUILD_RULE_IDS,
    history: false,
  });
  const content = lint.content;
  const synonyms = loadSynonyms(root, contentDir);
  const translationLocales = content.site ? getTranslationLocales(content.site) : [];
  const localeSynonyms = new Map(
    translationLocales.map((l) => [l.code, loadSynonyms(root, path.join(contentDir, l.code))]),
  );
  const synonymErrors = [synonyms, ...localeSynonyms.values()].flatMap((s) =>
    s.diagnostics.filter((d) => d.severity === 'error'),
  );
  // The linter checks the articles' own redirects; the build also the redirects file's.
  const listed = loadRedirectsFile(contentDir, root);
  const findings = [
    ...new Map(
      [
        ...lint.settingsErrors,
        ...lint.findings,
        ...synonymErrors,
        ...listed.diagnostics,
        ...getRedirectErrors(content, listed.redirects),
      ].map((d) => [formatDiagnostic(d), d]),
    ).values(),
  ];
  const sorted = sortDiagnostics(findings);
  const errors = sorted.filter((d) => d.severity === 'error').map(formatDiagnostic);
  const warnings = sorted.filter((d) => d.severity === 'warning').map(formatDiagnostic);
  if (errors.length > 0 || !options.artefacts || !content.site) return { errors, warnings };
  const site = content.site;
  const records = getHelpRecords(content);
  const history = loadGitHistory(root, contentDirName || '.', { renames: false });
  return {
    errors,
    warnings,
    artefacts: {
      site,
      vocabularies: [
        withUi(buildSearchVocabularyFor(content, synonyms.groups, site.language), root, contentDir, site.language),
        ...translationLocales.map((l) => {
          const dir = path.join(contentDir, l.code);
          const titles = readYamlData(path.join(dir, CATEGORIES_FILE), CategoryTranslationsFileSchema) ?? [];
          const source = getLocaleVocabularySource(content, l.code, [
            ...content.categories.map((c) => c.title),
            ...titles.map((t) => t.title),
          ]);
          const vocabulary = buildSearchVocabularyFor(source, localeSynonyms.get(l.code)!.groups, l.code);
          return withUi(vocabulary, root, dir, l.code);
        }),
      ],
      manifest: getFeedbackManifest(content, getBuildRevision(history)),
      redirects: getRedirects(content, site.base, {}, listed.redirects),
      history,
      records,
      translationRecords: Object.fromEntries(
        translationLocales.map((l) => [
          l.code,
          getTranslationRecords(content, records, l.code, site.missingTranslation === 'fallback'),
        ]),
      ),
    },
  };
}

/** The result list's strings go with the vocabulary the browser loads when a reader starts to search: no page carries them. */
function withUi(vocabulary: SearchVocabulary, root: string, dir: string, language: string): SearchVocabulary {
  return { ...vocabulary, ui: pickResultStrings(createSiteTranslator(root, dir, language).strings) };
}
