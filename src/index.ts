/**
 * The help center as an Astro integration: `integrations: [helpCenter({ ... })]` in a project's
 * astro.config.mjs. It validates its options, sets the Astro options the pages need (site and base
 * from site.yaml, the Markdown plugins, MDX if the project has not added it), injects the routes,
 * hands its configuration and the replaceable components to Astro's module graph, and runs the
 * build steps around the pages (src/build/).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { PluginOption } from 'vite';
import mdx from '@astrojs/mdx';
import { AstroError } from 'astro/errors';
import { HelpCenterOptionsSchema, type HelpCenterUserOptions } from './integration/options.ts';
import { createHelpCenterVitePlugin } from './integration/vite-plugin.ts';
import {
  ContentError,
  startHelpCenterBuild,
  checkContentForDev,
  type HelpCenterBuild,
} from './build/help-center-build.ts';
import { hasFaqFiles } from './content/load.ts';
import { getLinkOptions, helpCenterMarkdown } from './content/markdown-config.ts';
import { resolveContentDir } from './content/paths.ts';
import { ProjectSchemaError, findContentConfig, loadProjectSchemas } from './content/project-schemas.ts';
import { loadSiteSettings } from './site/settings.ts';
import { ErrorCodes, formatZodIssues } from './lib/errors.ts';
import { COMPONENT_NAMES, type ComponentName } from './integration/components.ts';
import { DevSearchIndex } from './build/search-index/dev-index.ts';
import { createDevSearchPlugin } from './integration/dev-search-plugin.ts';
import { closeBuildSession, closeOpenBuildSession, openBuildSession } from './integration/build-session-door.ts';
import type { BuildSession } from './build/build-session.ts';
import { createDevVocabularies } from './build/search-index/dev-vocabulary.ts';
import { DEFAULT_SEARCH_COLLECTIONS, TRANSLATION_SEARCH_COLLECTIONS } from './build/search-index/session.ts';
import { createSearchRecordBuilders } from './build/search-index/record-builders.ts';

export type { HelpCenterUserOptions as HelpCenterOptions } from './integration/options.ts';

/** A file of this package beside this module: `.ts` in the repository's tests, `.js` once compiled. */
const ownFile = (relative: string) =>
  fileURLToPath(new URL(relative.replace(/\.ts$/, path.extname(fileURLToPath(import.meta.url))), import.meta.url));

/**
 * The pages, by URL pattern. `[...locale]` is the language prefix: empty for the default
 * language (unless `defaultLocalePrefix`), "de" for content/de/; each page lists its languages.
 */
const ROUTES: ReadonlyArray<{ pattern: string; entrypoint: string }> = [
  { pattern: '/[...locale]', entrypoint: './routes/index.astro' },
  { pattern: '/[...locale]/[category]', entrypoint: './routes/category.astro' },
  { pattern: '/[...locale]/[category]/[slug]', entrypoint: './routes/article.astro' },
  { pattern: '/[...locale]/faq', entrypoint: './routes/faq.astro' },
  { pattern: '/[...locale]/search', entrypoint: './routes/search.astro' },
  { pattern: '/404', entrypoint: './routes/404.astro' },
  { pattern: '/robots.txt', entrypoint: './routes/robots.txt.ts' },
  { pattern: '/sitemap.xml', entrypoint: './routes/sitemap.xml.ts' },
];

/** The in-product widget as scripts/build-package.mjs bundles it, beside the compiled widget modules. */
const WIDGET_BUNDLE = 'help-widget.bundle.js';

export default function helpCenter(userOptions: HelpCenterUserOptions = {}): AstroIntegration {
  const parsed = HelpCenterOptionsSchema.safeParse(userOptions, { reportInput: true });
  if (!parsed.success) {
    throw new AstroError(
      `[${ErrorCodes.InvalidIntegrationOptions}] The options of helpCenter() in astro.config.mjs are not valid:\n${formatZodIssues(parsed.error.issues).join('\n')}`,
      `See docs/customizing.md for every option and its type. Replaceable components: ${COMPONENT_NAMES.join(', ')}.`,
    );
  }
  const options = parsed.data;
  let build: HelpCenterBuild | undefined;
  /** This instance's `astro build` or `astro dev`: open from astro:config:setup to done, server close or failure. */
  let session: BuildSession | undefined;
  return {
    name: 'helpdesk-kit',
    hooks: {
      'astro:config:setup': async ({ command, config, logger, updateConfig, injectRoute, addMiddleware }) => {
        // A new command in this process (astro dev, then astro build; a build after one that
        // failed, which ran no hook of ours) starts from nothing.
        build = undefined;
        session = undefined;
        await closeOpenBuildSession();
        const root = fileURLToPath(config.root);
        const contentDir = resolveContentDir(root, options.contentDir);
        if (options.markdownThreads !== undefined)
          logger.warn(
            'The markdownThreads option no longer does anything (Markdown renders with Sätteri, fast enough on one thread); remove it from astro.config.mjs.',
          );
        const srcDir = fileURLToPath(config.srcDir);
        if (!findContentConfig(srcDir)) {
          throw new AstroError(
            `[${ErrorCodes.MissingContentConfig}] ${path.relative(root, path.join(srcDir, 'content.config.ts'))} is missing: the help center's articles and FAQs are Astro content collections, and Astro looks for them there.`,
            `Create it with this one line: export { collections } from 'helpdesk-kit/collections';`,
          );
        }
        const settings = loadSiteSettings(contentDir, options);
        const hasFaqs = hasFaqFiles(contentDir);
        if (!settings.feedbackEndpoint) {
          logger.info('No feedbackEndpoint in site.yaml: the "Was this helpful?" widget is not rendered.');
        }
        const base = settings.base.endsWith('/') ? settings.base : `${settings.base}/`;
        const resolveFromRoot = (file: string) => path.resolve(root, file);
        const components = Object.fromEntries(
          Object.entries(options.components).map(([name, file]) => [name, resolveFromRoot(file)]),
        ) as Partial<Record<ComponentName, string>>;
        for (const [name, file] of Object.entries(components)) {
          if (!existsSync(file)) {
            throw new AstroError(
              `[${ErrorCodes.InvalidIntegrationOptions}] components.${name}: ${path.relative(root, file)} does not exist.`,
              'Give the path of your .astro file relative to the project root, for example ./src/components/MyFooter.astro.',
            );
          }
        }
        const customCss = options.customCss.map(resolveFromRoot);
        for (const file of customCss) {
          if (!existsSync(file)) {
            throw new AstroError(
              `[${ErrorCodes.InvalidIntegrationOptions}] customCss: ${path.relative(root, file)} does not exist.`,
              'Give paths relative to the project root.',
            );
          }
        }
        const hasMdx = config.integrations.some((integration) => integration.name === '@astrojs/mdx');
        // With a prefix for every language, the bare root leads to the default language's home.
        const redirects = settings.defaultLocalePrefix ? { '/': `${base}${settings.language}/` } : {};
        const markdown = helpCenterMarkdown(getLinkOptions(contentDir, base, settings), config.markdown.processor);
        updateConfig({
          redirects,
          site: settings.url,
          base,
          trailingSlash: 'ignore',
          build: { format: 'directory', inlineStylesheets: 'never' },
          // Our components are written for HTML whitespace (a space between inline elements is
          // kept), Astro 6's default; Astro 7's default, 'jsx', would join "angezeigt.Original".
          compressHTML: true,
          markdown,
          integrations: hasMdx ? [] : [mdx()],
          vite: {
            plugins: [
              createHelpCenterVitePlugin({
                config: { root, contentDir, settings, hasFaqs },
                components,
                customCss,
                componentsDir: ownFile('./components'),
                buildSessionDoor: ownFile('./integration/build-session-door.ts'),
              }),
            ],
            // Our pages, components and content collections import Astro's virtual modules: Vite must bundle them.
            ssr: { noExternal: ['helpdesk-kit'] },
          },
        });
        // Each page's language, once per page, for the routes and components (Astro.locals.helpCenterPage).
        addMiddleware({ entrypoint: ownFile('./integration/route-middleware.ts'), order: 'pre' });
        for (const route of ROUTES.filter((r) => hasFaqs || r.entrypoint !== './routes/faq.astro'))
          injectRoute({ pattern: route.pattern, entrypoint: ownFile(route.entrypoint), prerender: true });
        // The default icon, unless the project ships its own favicon.svg in public/.
        if (!existsSync(path.join(fileURLToPath(config.publicDir), 'favicon.svg')))
          injectRoute({ pattern: '/favicon.svg', entrypoint: ownFile('./routes/favicon.svg.ts'), prerender: true });

        const schemas = await loadProjectSchemas(root, srcDir).catch((error: unknown) => {
          if (!(error instanceof ProjectSchemaError)) throw error;
          throw new AstroError(
            `[${ErrorCodes.InvalidContentConfig}] ${error.message}`,
            'The help center reads the articles and faqs schemas of your content config to check the content before the build; see docs/customizing.md.',
          );
        });
        try {
          if (command === 'build') {
            build = await startHelpCenterBuild({
              astroConfig: config,
              contentDir,
              settings,
              schemas,
              widgetBundle: ownFile(`./widget/${WIDGET_BUNDLE}`),
              logger,
            });
            session = build.session;
            await openBuildSession(session);
            // A content sync that fails ends the build before any hook of ours runs again; its
            // Vite server still closes: if the content did not load, the session closes then.
            const syncing = build;
            updateConfig({
              vite: {
                plugins: [
                  onContentSyncClosed(async () => {
                    // A content config without our loaders loads nothing either: the search
                    // index's write() then fails the build with its own message.
                    if (build !== syncing || syncing.isContentLoaded()) return;
                    await closeBuildSession(syncing.session);
                  }),
                ],
              },
            });
          } else {
            await checkContentForDev(contentDir, config, schemas, logger);
            if (command === 'dev') {
              const index = new DevSearchIndex(createSearchRecordBuilders(contentDir, settings), logger, {
                collections: getSearchCollections(settings),
                vocabularies: createDevVocabularies(contentDir, settings),
              });
              session = { command: 'dev', searchIndex: index, close: () => index.close() };
              await openBuildSession(session);
              updateConfig({ vite: { plugins: [createDevSearchPlugin(index, base)] } });
            }
          }
        } catch (error) {
          if (!(error instanceof ContentError)) throw error;
          // Thrown from a hook, Astro would print it under "An unhandled error occurred while
          // running the hook"; thrown as Vite starts (before the content sync), it prints only our
          // message and hint.
          updateConfig({ vite: { plugins: [throwOnStart(error)] } });
        }
      },
      'astro:server:done': async () => {
        await closeBuildSession(session);
        session = undefined;
      },
      'astro:build:setup': ({ updateConfig }) => {
        // Astro 6+ runs this hook once, before every bundle; the pages' bundle is the prerender
        // environment's, and the pages render after it (and the client bundle).
        // A bundle that fails ends the build without astro:build:done: the session closes here then.
        updateConfig({
          plugins: [onPagesBundled(() => build?.serverBundled()), onBundleFailed(() => closeBuildSession(session))],
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const finishing = build;
        build = undefined;
        try {
          await finishing?.finish(fileURLToPath(dir), logger);
        } finally {
          await closeBuildSession(session);
          session = undefined;
        }
      },
    },
  };
}

/** A Vite plugin that stops the first Vite server or build of Astro's with `error`. */
function throwOnStart(error: Error): PluginOption {
  return {
    name: 'helpdesk-kit:content-check',
    configResolved() {
      throw error;
    },
  };
}

/** A Vite plugin that calls `done` once the pages' (prerender) bundle is written. */
function onPagesBundled(done: () => void): PluginOption {
  return {
    name: 'helpdesk-kit:pages-bundled',
    applyToEnvironment: (environment) => environment.name === 'prerender',
    closeBundle: done,
  };
}

/**
 * A Vite plugin that calls `closed` when a Vite server closes. In `astro build` the only one is
 * the content sync's (the bundles are Vite builds), and it closes whether the sync failed or not.
 * Not `apply: 'serve'`: Astro resolves the sync server's plugins as for a build, which drops it.
 */
function onContentSyncClosed(closed: () => Promise<void>): PluginOption {
  let inServer = false;
  return {
    name: 'helpdesk-kit:content-sync-closed',
    configResolved(config) {
      inServer = config.command === 'serve';
    },
    async buildEnd() {
      if (inServer) await closed();
    },
  };
}

/** A Vite plugin that calls `failed` when a bundle of the build fails (Astro then runs no hook of ours). */
function onBundleFailed(failed: () => Promise<void>): PluginOption {
  return {
    name: 'helpdesk-kit:bundle-failed',
    async buildEnd(error) {
      if (error) await failed();
    },
  };
}

/** The collections the content config loads through withSearchIndexing(): the translations' too with `locales`. */
function getSearchCollections(settings: { locales: readonly unknown[] }) {
  return settings.locales.length > 0
    ? [...DEFAULT_SEARCH_COLLECTIONS, ...TRANSLATION_SEARCH_COLLECTIONS]
    : DEFAULT_SEARCH_COLLECTIONS;
}
