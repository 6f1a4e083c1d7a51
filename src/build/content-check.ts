/**
 * The content check of a build, and what the build writes from the same data: all content is
 * read and validated (failing with file, line and fix); the search vocabulary, the feedback
 * manifest and the redirects are worked out; and the content's git dates are read for the pages.
 * It runs in `astro:config:setup`, before Astro's content sync, so a content error stops the
 * build within seconds; the result is plain data.
 */
import path from 'node:path';
import { loadContent, getContentErrors } from '../content/load.ts';
import { formatDiagnostic, sortDiagnostics } from '../content/diagnostics.ts';
import { getProjectRoot } from '../content/paths.ts';
import { loadSynonyms } from '../content/synonyms.ts';
import { getRedirectErrors, getRedirects, type Redirect } from '../content/redirects.ts';
import { loadRedirectsFile } from '../content/redirects-file.ts';
import { getBuildRevision, loadGitHistory, type GitHistory } from '../content/git-history.ts';
import type { SiteSettings } from '../content/schema.ts';
import type { FeedbackManifest } from '../feedback/manifest.ts';
import { buildSearchVocabularyFor } from '../search/search-inputs.ts';
import type { SearchVocabulary } from '../search/vocabulary.ts';
import { getFeedbackManifest } from './feedback-manifest.ts';
import { getHelpRecords, type HelpRecord } from '../content/help-records.ts';

/** What `astro build` writes besides the pages and the search index. */
export interface BuildArtefacts {
  site: SiteSettings;
  vocabulary: SearchVocabulary;
  manifest: FeedbackManifest;
  redirects: Redirect[];
  /** The content's git history without renames, for the pages' dates (src/site/data.ts). */
  history: GitHistory;
  /** The published articles and FAQs, for llms.txt, the Markdown copies and the widget's files. */
  records: HelpRecord[];
}

export interface ContentCheckResult {
  /** One line per error (file:line:column, what is wrong, rule); empty when the content is fine. */
  errors: string[];
  /** Worked out when asked for and the content has no errors. */
  artefacts?: BuildArtefacts;
}

/** Checks the content folder `contentDir` (absolute); messages name files relative to its parent. */
export function checkContent(contentDir: string, options: { artefacts: boolean }): ContentCheckResult {
  const root = getProjectRoot(contentDir);
  const content = loadContent(root, path.relative(root, contentDir));
  const synonyms = loadSynonyms(root, contentDir);
  const synonymErrors = synonyms.diagnostics.filter((d) => d.severity === 'error');
  const listed = loadRedirectsFile(contentDir, root);
  const errors = sortDiagnostics([
    ...getContentErrors(content),
    ...synonymErrors,
    ...listed.diagnostics,
    ...getRedirectErrors(content, listed.redirects),
  ]).map(formatDiagnostic);
  if (errors.length > 0 || !options.artefacts || !content.site) return { errors };
  const site = content.site;
  const history = loadGitHistory(root, path.relative(root, contentDir) || '.', { renames: false });
  return {
    errors,
    artefacts: {
      site,
      vocabulary: buildSearchVocabularyFor(content, synonyms.groups, site.language),
      manifest: getFeedbackManifest(content, getBuildRevision(history)),
      redirects: getRedirects(content, site.base, {}, listed.redirects),
      history,
      records: getHelpRecords(content),
    },
  };
}
