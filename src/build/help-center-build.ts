/**
 * The build steps around the pages, for one `astro build`: all content is checked before Astro's
 * content sync starts (failing with file, line and fix); Pagefind is fed from the content loaders
 * as Astro renders each entry (search-index/); after the pages are written the search index is put in place and the
 * artefacts other parts of the product read are written (the feedback manifest, the redirects).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegrationLogger } from 'astro';
import { AstroError } from 'astro/errors';
import type { SiteSettings } from '../content/schema.ts';
import { createSearchRecordBuilders } from './search-index/record-builders.ts';
import type { FrontmatterSchemas } from '../content/load.ts';
import { checkContent, type BuildArtefacts, type ContentCheckResult } from './content-check.ts';
import { writeFeedbackManifest } from './feedback-manifest.ts';
import { writeRedirectFiles } from './redirect-files.ts';
import { writeHelpFiles } from './help-files.ts';
import { PAGE_CACHE_DIR } from './page-cache.ts';
import {
  DEFAULT_SEARCH_COLLECTIONS,
  SearchIndexSession,
  TRANSLATION_SEARCH_COLLECTIONS,
} from './search-index/session.ts';
import type { BuildSession } from './build-session.ts';
import { plural } from '../lib/plural.ts';

/** Pagefind's timings of the last build, in Astro's cacheDir (read by the benchmark). */
export const BUILD_TIMINGS_FILE = 'helpdesk-kit-build.json';

export interface HelpCenterBuildInput {
  astroConfig: AstroConfig;
  /** The content folder (absolute). */
  contentDir: string;
  settings: SiteSettings;
  /** The project's frontmatter schemas. */
  schemas: FrontmatterSchemas;
  /** The package's bundled in-product widget, copied to /widget.js with the site's settings. */
  widgetBundle: string;
  logger: AstroIntegrationLogger;
}

/** Parsed Markdown of the content check, kept between builds in Astro's cacheDir. */
export const CONTENT_CHECK_CACHE_FILE = 'helpdesk-kit-content-check.json';

/** One `astro build`, called from the integration's hooks in this order. */
export interface HelpCenterBuild {
  /** What the loaders and pages reach through the build session's door; its close() stops Pagefind. */
  session: BuildSession;
  /** Whether the content sync loaded every searchable collection (it failed if not, once it is over). */
  isContentLoaded(): boolean;
  /** The pages' (prerender) bundle is written: Pagefind writes while the client bundles and the pages render. */
  serverBundled(): void;
  /** `astro:build:done`: the search index, manifest and redirects into the output folder. */
  finish(outDir: string, logger: AstroIntegrationLogger): Promise<void>;
}

/**
 * Where the build's details go (the content check, Pagefind's timings, the files
 * written): a writer's build log is Astro's pages and time and our warnings and errors, so they
 * are debug messages (`astro build --verbose`), or info with HELPDESK_KIT_VERBOSE set.
 */
function getDetailLog(logger: AstroIntegrationLogger): (message: string) => void {
  return process.env.HELPDESK_KIT_VERBOSE ? (m) => logger.info(m) : (m) => logger.debug(m);
}

/** Checks the content (throwing its errors) and starts the search index. */
export async function startHelpCenterBuild({
  astroConfig,
  contentDir,
  settings,
  schemas,
  widgetBundle,
  logger,
}: HelpCenterBuildInput): Promise<HelpCenterBuild> {
  const cacheDir = fileURLToPath(astroConfig.cacheDir);
  const checkStarted = performance.now();
  const result = await checkContent(contentDir, {
    artefacts: true,
    schemas,
    publicDir: fileURLToPath(astroConfig.publicDir),
    cacheFile: path.join(cacheDir, CONTENT_CHECK_CACHE_FILE),
  });
  const artefacts = getArtefacts(result, logger);
  const detail = getDetailLog(logger);
  detail(`Checked the content in ${Math.round(performance.now() - checkStarted)} ms`);
  const searchIndex = new SearchIndexSession(
    cacheDir,
    createSearchRecordBuilders(contentDir, settings),
    settings.locales.length > 0
      ? [...DEFAULT_SEARCH_COLLECTIONS, ...TRANSLATION_SEARCH_COLLECTIONS]
      : DEFAULT_SEARCH_COLLECTIONS,
  );
  const session: BuildSession = {
    command: 'build',
    checkedContent: artefacts,
    searchIndex,
    close: () => searchIndex.close(),
  };

  return {
    session,
    isContentLoaded: () => searchIndex.loaded,
    serverBundled() {
      // After the server bundle, before the pages render: Pagefind's writing then overlaps the
      // rendering, which leaves the second core free, rather than the bundling, which does not.
      searchIndex.write();
    },
    async finish(outDir, doneLogger) {
      const detailDone = getDetailLog(doneLogger);
      const result = await searchIndex.finish(outDir, artefacts.vocabularies);
      detailDone(
        `Pagefind indexed ${plural(result.articleCount, 'article')} and ${plural(result.faqCount, 'FAQ question')} in ${result.milliseconds} ms, alongside the build (all records in after ${result.indexedMilliseconds} ms, writing ${result.writeMilliseconds} ms); the build waited ${result.waitedMilliseconds} ms for it`,
      );
      // Timings for the benchmark, in the cache folder: nothing of the build's own goes to the host.
      writeFileSync(
        path.join(cacheDir, BUILD_TIMINGS_FILE),
        JSON.stringify({
          pagefindMs: result.milliseconds,
          pagefindWaitMs: result.waitedMilliseconds,
          pagefindIndexedMs: result.indexedMilliseconds,
          pagefindWriteMs: result.writeMilliseconds,
        }),
      );
      writeFeedbackManifest(outDir, artefacts.manifest);
      const redirects = writeRedirectFiles(outDir, artefacts.site, artefacts.redirects);
      detailDone(
        `Wrote the feedback manifest (${plural(artefacts.manifest.items.length, 'id')}) and ${plural(redirects, 'redirect')} for moved articles`,
      );
      const helpStarted = performance.now();
      const help = await writeHelpFiles({
        outDir,
        contentDir,
        settings,
        records: artefacts.records,
        translatedRecords: artefacts.translatedRecords,
        vocabularies: artefacts.vocabularies,
        synonyms: artefacts.synonyms,
        revision: artefacts.manifest.revision,
        widgetBundle,
        getRenderedBody: (id) => searchIndex.getRenderedBody(id),
        cacheFolder: path.join(cacheDir, PAGE_CACHE_DIR),
      });
      for (const warning of help.warnings) doneLogger.warn(warning);
      detailDone(
        `Wrote llms.txt, llms-full.txt, ${plural(help.markdownFiles, 'Markdown copy', 'Markdown copies')} and assistant-data.json (${plural(help.assistantRecords, 'page')})${help.widget ? `, /widget.js with ${plural(help.routes, 'product route')} and its fragments` : ''} in ${Math.round(performance.now() - helpStarted)} ms (${help.cached.hits} of ${help.cached.hits + help.cached.made} copies and fragments from the cache of the build before)`,
      );
    },
  };
}

/** `astro dev` and `astro sync`: the same check, without the artefacts. */
export async function checkContentForDev(
  contentDir: string,
  astroConfig: AstroConfig,
  schemas: FrontmatterSchemas,
  logger: AstroIntegrationLogger,
): Promise<void> {
  const result = await checkContent(contentDir, {
    artefacts: false,
    schemas,
    publicDir: fileURLToPath(astroConfig.publicDir),
    cacheFile: path.join(fileURLToPath(astroConfig.cacheDir), CONTENT_CHECK_CACHE_FILE),
  });
  reportContentCheck(result, logger);
}

function getArtefacts(result: ContentCheckResult, logger: AstroIntegrationLogger): BuildArtefacts {
  reportContentCheck(result, logger);
  if (!result.artefacts) throw new Error('The content check returned no build artefacts.');
  return result.artefacts;
}

/** Prints the warnings, and throws the errors as one ContentError. */
function reportContentCheck({ errors, warnings }: ContentCheckResult, logger: AstroIntegrationLogger): void {
  if (warnings.length > 0) {
    logger.warn(
      `The content has ${warnings.length} ${warnings.length === 1 ? 'warning' : 'warnings'} (lint.rules in site.yaml):\n${warnings.join('\n')}`,
    );
  }
  if (errors.length > 0) throw new ContentError(errors);
}

/**
 * Content that must not ship, as Astro prints it: our lines and hint, and nothing that looks like
 * a crash. Without a stack Astro prints no trace and no "Location" in our code; and Astro
 * replaces the hint of any error whose text mentions "window" or "document" (which a file name
 * may), so the text it looks at is the first line only.
 */
export class ContentError extends AstroError {
  readonly findings: string[];
  constructor(findings: string[]) {
    const noun = findings.length === 1 ? 'problem' : 'problems';
    super(
      `The content has ${findings.length} ${noun}; fix ${findings.length === 1 ? 'it' : 'them'} and build again:\n` +
        findings.join('\n'),
      'Each line is file:line:column, what is wrong, and (the rule). `npx helpdesk-kit lint` shows the same findings; lint.rules in site.yaml sets how strict the build is about links, images and invisible characters.',
    );
    this.name = 'ContentError';
    this.findings = findings;
    this.stack = '';
  }
  override toString(): string {
    return `${this.name}: the content has ${this.findings.length} ${this.findings.length === 1 ? 'problem' : 'problems'}`;
  }
}
