/**
 * The build around the pages: checks all content before anything renders (failing with file,
 * line and fix), and after the pages are written builds the search index and the artefacts that
 * other parts of the product read (the feedback manifest).
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
import { buildSearchInputs } from '../search/search-inputs.ts';
import { buildSearchIndex } from '../search/build-index.ts';
import { getRedirectErrors } from '../content/redirects.ts';
import { getRevision } from '../content/git-history.ts';
import { getFeedbackManifest, writeFeedbackManifest } from './feedback-manifest.ts';
import { writeRedirectFiles } from './redirect-files.ts';

export function helpCenter(): AstroIntegration {
  let content: LoadedContent | undefined;
  let synonyms: LoadedSynonyms | undefined;
  return {
    name: 'help-center',
    hooks: {
      'astro:config:setup': ({ logger }) => {
        const root = getProjectRoot();
        content = loadContent(root, path.relative(root, getContentDir()));
        synonyms = loadSynonyms(root, getContentDir());
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
        if (!content.site?.feedbackEndpoint && !process.env.HELP_CENTER_FEEDBACK_ENDPOINT) {
          logger.info('No feedbackEndpoint in content/site.yaml: the "Was this helpful?" widget is not rendered.');
        }
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!content?.site) return;
        const outDir = fileURLToPath(dir);
        const search = buildSearchInputs(content, synonyms?.groups ?? [], content.site.language);
        const result = await buildSearchIndex(outDir, search.records, search.vocabulary);
        logger.info(
          `Pagefind indexed ${result.pageCount} pages and ${result.recordCount} FAQ questions in ${result.milliseconds} ms`,
        );
        writeFileSync(path.join(outDir, '.help-center-build.json'), JSON.stringify({ pagefindMs: result.milliseconds }));
        const manifest = getFeedbackManifest(content, getRevision(getProjectRoot()));
        writeFeedbackManifest(outDir, manifest);
        const redirects = writeRedirectFiles(outDir, content);
        logger.info(`Wrote the feedback manifest (${manifest.items.length} ids) and ${redirects} redirects for moved articles`);
      },
    },
  };
}
