/**
 * The build around the pages: checks all content before anything is bundled or rendered (failing
 * with file, line and fix; on a worker thread alongside Astro's content sync), runs Pagefind
 * alongside the build (search-index-session.ts, on another worker thread: search-index-thread.ts),
 * and after the pages are written puts the search index in place and writes the artefacts other
 * parts of the product read (the feedback manifest, the redirects of moved articles).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { setActiveContentCheck } from './build/active-content-check.ts';
import { countMarkdownFiles } from './content/load.ts';
import { chooseMarkdownThreads, startMarkdownThreads, type MarkdownThreads } from './build/markdown-threads/markdown-threads.ts';
import { getContentDir } from './content/paths.ts';
import { setActiveMarkdownThreads } from './build/markdown-threads/markdown-threads-loader.ts';
import type { SearchIndexBuilder } from './build/search-index/search-index-session.ts';
import { startSearchIndex } from './build/search-index/search-index-thread.ts';
import { setActiveSearchIndex } from './build/search-index/active-search-index.ts';
import { loadSiteSettings } from './site/settings.ts';
import { checkContent, type BuildArtefacts, type ContentCheckResult } from './build/content-check.ts';
import { startContentCheck } from './build/content-check-thread.ts';
import { writeFeedbackManifest } from './build/feedback-manifest.ts';
import { writeRedirectFiles } from './build/redirect-files.ts';

/** One `astro build`: the content check running alongside it, and the search index it feeds. */
interface Build {
  /** Resolves to what the build writes besides the pages; rejects with the content errors. */
  checked: Promise<BuildArtefacts>;
  searchIndex: SearchIndexBuilder;
  /** Render the Markdown while Astro loads the content; stopped once it is loaded. */
  markdownThreads: MarkdownThreads | undefined;
}

export function helpCenter(): AstroIntegration {
  let build: Build | undefined;
  return {
    name: 'help-center',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        const settings = loadSiteSettings();
        if (!settings.feedbackEndpoint) {
          logger.info('No feedbackEndpoint in content/site.yaml: the "Was this helpful?" widget is not rendered.');
        }
        if (command !== 'build') {
          throwContentErrors(checkContent({ artefacts: false }));
          return;
        }
        // The check reads every file (about a second per 5,000 articles): on a worker thread it
        // overlaps Astro's start and content sync. Its errors stop the build in astro:build:start,
        // before anything is bundled, or earlier in the loaders if Astro itself fails on a file.
        const checked = startContentCheck({ artefacts: true }).then((result) => {
          throwContentErrors(result);
          if (!result.artefacts) throw new Error('The content check returned no build artefacts.');
          return result.artefacts;
        });
        checked.catch(() => {});
        const threads = startMarkdownThreads(config, chooseMarkdownThreads(countMarkdownFiles(getContentDir())), (error) =>
          logger.warn(`A Markdown thread stopped${error ? ` (${error.message})` : ''}; its entries are rendered on Astro's thread.`),
        );
        logger.info('reason' in threads ? `Rendering Markdown on Astro's thread: ${threads.reason}.` : `Rendering Markdown on ${threads.size} worker threads.`);
        const markdownThreads = 'reason' in threads ? undefined : threads;
        build = { checked, searchIndex: startSearchIndex(fileURLToPath(config.cacheDir)), markdownThreads };
        setActiveContentCheck(checked);
        setActiveSearchIndex(build.searchIndex);
        setActiveMarkdownThreads(markdownThreads);
      },
      'astro:build:start': async () => {
        // The content is loaded: nothing renders Markdown any more.
        setActiveMarkdownThreads(undefined);
        await build?.markdownThreads?.close();
        try {
          await build?.checked;
        } catch (err) {
          await build?.searchIndex.close();
          throw err;
        }
      },
      'astro:build:setup': ({ target }) => {
        // After the server bundle, before the pages render: Pagefind's writing then overlaps the
        // rendering, which leaves the second core free, rather than the bundling, which does not.
        if (target === 'client') build?.searchIndex.write();
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!build) return;
        const { checked, searchIndex } = build;
        build = undefined;
        setActiveContentCheck(undefined);
        setActiveSearchIndex(undefined);
        const artefacts = await checked;
        const outDir = fileURLToPath(dir);
        const result = await searchIndex.finish(outDir, artefacts.vocabulary);
        logger.info(
          `Pagefind indexed ${result.articleCount} articles and ${result.faqCount} FAQ questions in ${result.milliseconds} ms, alongside the build (all records in after ${result.indexedMilliseconds} ms, writing ${result.writeMilliseconds} ms); the build waited ${result.waitedMilliseconds} ms for it`,
        );
        writeFileSync(
          path.join(outDir, '.help-center-build.json'),
          JSON.stringify({
            pagefindMs: result.milliseconds,
            pagefindWaitMs: result.waitedMilliseconds,
            pagefindIndexedMs: result.indexedMilliseconds,
            pagefindWriteMs: result.writeMilliseconds,
          }),
        );
        writeFeedbackManifest(outDir, artefacts.manifest);
        const redirects = writeRedirectFiles(outDir, artefacts.site, artefacts.redirects);
        logger.info(`Wrote the feedback manifest (${artefacts.manifest.items.length} ids) and ${redirects} redirects for moved articles`);
      },
    },
  };
}

function throwContentErrors(result: ContentCheckResult): void {
  const { errors } = result;
  if (errors.length === 0) return;
  const noun = errors.length === 1 ? 'problem' : 'problems';
  throw new AstroError(
    `The content has ${errors.length} ${noun}; fix ${errors.length === 1 ? 'it' : 'them'} and build again:\n` + errors.join('\n'),
    'Each line is file:line:column, what is wrong, and (the rule). `npm run lint:content` shows the same findings.',
  );
}
