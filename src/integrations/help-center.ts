/**
 * The build around the pages: checks all content before anything renders (failing with file,
 * line and fix), runs Pagefind alongside the build (search-index-session.ts), and after the pages
 * are written puts the search index in place and writes the artefacts other parts of the product
 * read (the feedback manifest, the redirects of moved articles).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { loadContent, getContentErrors, type LoadedContent } from '../content/load.ts';
import { formatDiagnostic, sortDiagnostics } from '../content/diagnostics.ts';
import { getContentDir, getProjectRoot } from '../content/paths.ts';
import { loadSynonyms, type LoadedSynonyms } from '../content/synonyms.ts';
import { buildSearchVocabularyFor, getArticleTexts } from '../search/search-inputs.ts';
import { buildArticleSearchRecord } from '../search/article-records.ts';
import { buildFaqSearchRecord } from '../search/faq-records.ts';
import { SearchIndexSession } from '../search/search-index-session.ts';
import { setActiveSearchIndex } from '../search/active-search-index.ts';
import { createSynonymExpander } from '../search/synonyms.ts';
import { getRedirectErrors, getRedirects, type Redirect } from '../content/redirects.ts';
import type { SiteSettings } from '../content/schema.ts';
import type { FeedbackManifest } from '../feedback/manifest.ts';
import type { SearchVocabulary } from '../search/vocabulary.ts';
import { getRevision } from '../content/git-history.ts';
import { getFeedbackManifest, writeFeedbackManifest } from './feedback-manifest.ts';
import { writeRedirectFiles } from './redirect-files.ts';

/**
 * What `astro build` writes besides the pages, worked out from the content check's data before
 * the build proper, so that data can be freed instead of being held through the whole build.
 */
interface BuildOutputs {
  site: SiteSettings;
  searchIndex: SearchIndexSession;
  vocabulary: SearchVocabulary;
  manifest: FeedbackManifest;
  redirects: Redirect[];
}

export function helpCenter(): AstroIntegration {
  let outputs: BuildOutputs | undefined;
  return {
    name: 'help-center',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        const root = getProjectRoot();
        const content = loadContent(root, path.relative(root, getContentDir()));
        const synonyms = loadSynonyms(root, getContentDir());
        const synonymErrors = synonyms.diagnostics.filter((d) => d.severity === 'error');
        const errors = sortDiagnostics([...getContentErrors(content), ...synonymErrors, ...getRedirectErrors(content)]);
        if (errors.length > 0) {
          const noun = errors.length === 1 ? 'problem' : 'problems';
          throw new AstroError(
            `The content has ${errors.length} ${noun}; fix ${errors.length === 1 ? 'it' : 'them'} and build again:\n` +
              errors.map(formatDiagnostic).join('\n'),
            'Each line is file:line:column, what is wrong, and (the rule). `npm run lint:content` shows the same findings.',
          );
        }
        if (command === 'build' && content.site) {
          outputs = planBuildOutputs(content, content.site, synonyms, fileURLToPath(config.cacheDir));
          setActiveSearchIndex(outputs.searchIndex);
        }
        if (!content.site?.feedbackEndpoint && !process.env.HELP_CENTER_FEEDBACK_ENDPOINT) {
          logger.info('No feedbackEndpoint in content/site.yaml: the "Was this helpful?" widget is not rendered.');
        }
      },
      'astro:build:setup': ({ target }) => {
        // After the server bundle, before the pages render: Pagefind's writing then overlaps the
        // rendering, which leaves the second core free, rather than the bundling, which does not.
        if (target === 'client') outputs?.searchIndex.write();
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!outputs) return;
        const outDir = fileURLToPath(dir);
        const result = await outputs.searchIndex.finish(outDir, outputs.vocabulary);
        setActiveSearchIndex(undefined);
        logger.info(
          `Pagefind indexed ${result.articleCount} articles and ${result.faqCount} FAQ questions in ${result.milliseconds} ms, alongside the build; the build waited ${result.waitedMilliseconds} ms for it`,
        );
        writeFileSync(
          path.join(outDir, '.help-center-build.json'),
          JSON.stringify({ pagefindMs: result.milliseconds, pagefindWaitMs: result.waitedMilliseconds }),
        );
        writeFeedbackManifest(outDir, outputs.manifest);
        const redirects = writeRedirectFiles(outDir, outputs.site, outputs.redirects);
        logger.info(`Wrote the feedback manifest (${outputs.manifest.items.length} ids) and ${redirects} redirects for moved articles`);
      },
    },
  };
}

/**
 * Starts Pagefind (the articles and FAQs follow from the content loader) and works out the search
 * vocabulary, the feedback manifest and the redirects.
 */
function planBuildOutputs(content: LoadedContent, site: SiteSettings, synonyms: LoadedSynonyms, cacheDir: string): BuildOutputs {
  const language = site.language;
  const expander = createSynonymExpander(synonyms.groups, language);
  const titles = new Map(content.categories.map((c) => [c.id, c.title]));
  // Each article's words, worked out once: for the vocabulary now, and its search record later.
  const articleTexts = getArticleTexts(content);
  const vocabulary = buildSearchVocabularyFor(content, synonyms.groups, language, articleTexts);
  const categoryTitle = (id: string) => titles.get(id) ?? id;
  const searchIndex = new SearchIndexSession(cacheDir, {
    articles: (article) => {
      const key = `${article.category}/${article.slug}`;
      const text = articleTexts.get(key);
      articleTexts.delete(key); // each article is indexed once; free its text as it goes
      return buildArticleSearchRecord(article, categoryTitle(article.category), language, expander, text);
    },
    faqs: (faq) => buildFaqSearchRecord(faq, categoryTitle(faq.category), language, expander),
  });
  return {
    site,
    searchIndex,
    vocabulary,
    manifest: getFeedbackManifest(content, getRevision(getProjectRoot())),
    redirects: getRedirects(content, site.base),
  };
}
