/**
 * Writes what the build makes for assistants and for the in-product widget, after the pages:
 * `/llms.txt`, `/llms-full.txt` and the Markdown copy of each article and FAQ answer
 * (content/llms-text.ts); `/widget.js` with the site's settings, the route map from `appRoutes`, one
 * rendered fragment per article and FAQ for the widget's panel; and the CORS headers that let
 * the product origins of site.yaml read them (cors-headers.ts). Nothing here adds to a page.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { MarkdownRenderer } from '@astrojs/markdown-remark';
import type { SiteSettings } from '../content/schema.ts';
import { getWidgetTranslationRecords, type HelpRecord } from '../content/help-records.ts';
import { getLinkOptions, helpCenterMarkdown } from '../content/markdown-config.ts';
import { withBase } from '../content/routes.ts';
import { getPlainParagraphs } from '../search/plain-text.ts';
import { escapeHtml } from '../lib/html.ts';
import type { RouteMap } from '../widget/route-map.ts';
import {
  getWidgetFragmentPath,
  getWidgetContactTextsPath,
  getWidgetLanguagePath,
  WIDGET_CONTACT_FORM_PATH,
  WIDGET_SEARCH_PATH,
  getWidgetRoutesPath,
  WIDGET_CONFIG_PLACEHOLDER,
  WIDGET_SCRIPT_PATH,
  type WidgetConfig,
  type WidgetFragment,
  type WidgetLanguage,
} from '../widget/widget-config.ts';
import { getLocales } from '../content/locales.ts';
import { pickContactFormTexts, pickWidgetTexts } from '../widget/widget-texts.ts';
import { createSiteTranslator } from '../content/ui-strings-file.ts';
import { buildCorsFiles } from './cors-headers.ts';
import { buildWidgetFragmentHtml } from './widget-fragment-html.ts';
import {
  buildLlmsFullTxt,
  buildLlmsTxt,
  buildRecordMarkdown,
  getLlmsPath,
  type LlmsSite,
} from '../content/llms-text.ts';
import { getPlainText } from '../search/plain-text.ts';
import type { SearchVocabulary } from '../search/vocabulary.ts';
import { createSynonymExpander, type SynonymExpander } from '../search/synonyms.ts';
import type { SynonymGroup } from '../content/synonyms-schema.ts';
import {
  ASSISTANT_DATA_FILE,
  ASSISTANT_DATA_VERSION,
  type AssistantData,
  type AssistantLanguage,
  type AssistantRecord,
} from '../assistant/assistant-data.ts';
import { buildMarkdownCopy } from './markdown-copy.ts';
import { hashKey, openCachedStep } from './page-cache.ts';

export interface HelpFilesInput {
  outDir: string;
  contentDir: string;
  settings: SiteSettings;
  records: readonly HelpRecord[];
  /** Each translation locale's published translations: their own llms.txt, copies and MCP data. */
  translatedRecords?: readonly HelpRecord[];
  /** Each language's search vocabulary (the MCP endpoint's typo correction and stop words). */
  vocabularies?: readonly SearchVocabulary[];
  /** Each language's synonym groups, by code: the MCP endpoint finds a page by its synonyms too. */
  synonyms?: Readonly<Record<string, readonly SynonymGroup[]>>;
  revision: string;
  /** The bundled widget (dist/widget/help-widget.js of the package); missing: no /widget.js. */
  widgetBundle: string;
  /** A page's body as the content layer rendered it (by feedback id); what it lacks is rendered here. */
  getRenderedBody?: (itemId: string) => string | undefined;
  /** Where the Markdown copies and widget fragments are kept between builds (page-cache.ts); none: made anew. */
  cacheFolder?: string;
}

export interface HelpFilesResult {
  markdownFiles: number;
  /** Markdown copies and widget fragments taken from the cache of the build before, and made anew. */
  cached: { hits: number; made: number };
  /** Articles and FAQ answers in assistant-data.json, every language. */
  assistantRecords: number;
  widget: boolean;
  routes: number;
  warnings: string[];
}

const write = (outDir: string, sitePath: string, text: string) => {
  const file = path.join(outDir, ...sitePath.split('/').filter(Boolean));
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
};

export function getLlmsSite(settings: SiteSettings): LlmsSite {
  return { name: settings.name, siteUrl: `${settings.url.replace(/\/+$/, '')}${settings.base.replace(/\/+$/, '')}` };
}

/** What `/widget.js` starts with; `strings` are the default language's UI strings. */
export function getWidgetConfig(
  settings: SiteSettings,
  revision: string,
  strings: Readonly<Record<string, string>>,
): WidgetConfig {
  const endpoint = settings.feedbackEndpoint?.replace(/\/+$/, '');
  return {
    name: settings.name,
    helpUrl: `${getLlmsSite(settings).siteUrl}/`,
    brandColor: settings.brandColor,
    language: settings.language,
    dir: getLocales(settings)[0]!.dir,
    languages: settings.locales.map((l) => l.code),
    texts: pickWidgetTexts(strings),
    revision: /^[0-9a-f]{12,}$/.test(revision) ? revision.slice(0, 12) : revision,
    ...(endpoint && { feedbackEndpoint: endpoint }),
    ...(endpoint && settings.searchInsights && { insightsEndpoint: `${endpoint}/search` }),
    contact: settings.contact,
    ...(endpoint && settings.widget.contactForm && { contactEndpoint: `${endpoint}/contact` }),
  };
}

export function getRouteMap(records: readonly HelpRecord[], base: string): RouteMap {
  return {
    version: 1,
    routes: records.flatMap((r) =>
      r.appRoutes.map((pattern) => ({ pattern, id: r.id, title: r.title, path: withBase(base, r.path) })),
    ),
  };
}

export async function writeHelpFiles(input: HelpFilesInput): Promise<HelpFilesResult> {
  const { outDir, settings, records } = input;
  const site = getLlmsSite(settings);
  const warnings: string[] = [];
  const base = settings.base.endsWith('/') ? settings.base : `${settings.base}/`;
  // The copies are read away from the site: absolute links, callouts as blockquotes (markdown-copy.ts).
  const translated = input.translatedRecords ?? [];
  const copySite = {
    siteUrl: site.siteUrl,
    links: getLinkOptions(input.contentDir, base, settings),
    markdownPathByPage: new Map([...records, ...translated].map((r) => [withBase(base, r.path), r.markdownPath])),
  };
  const locales = getLocales(settings);
  // A copy is made from its file and the site's link targets: a new or moved page makes all anew.
  const copyCache = openCachedStep(input.cacheFolder, 'markdown-copies', 1, z.string());
  const copySiteKey = hashKey(copySite.siteUrl, copySite.links, [...copySite.markdownPathByPage]);
  const languages = locales.map((locale) => {
    const mine = locale.isDefault ? records : translated.filter((r) => r.language === locale.code);
    const copies = mine.map((r) => ({
      ...r,
      markdown: copyCache.memo(hashKey(copySiteKey, r.sourcePath, r.path, r.markdown), () =>
        buildMarkdownCopy(copySite, r.markdown, r.sourcePath, r.path),
      ),
    }));
    return { locale, prefix: locale.isDefault ? '' : (locale.prefix ?? locale.code), copies };
  });
  for (const { locale, prefix, copies } of languages) {
    // Unlisted articles stay out of the lists, as they stay out of the sitemap; their copies exist.
    const listed = copies.filter((r) => !r.unlisted);
    const otherLanguages = languages
      .filter((l) => l.locale.code !== locale.code && l.copies.length > 0)
      .map((l) => ({ label: l.locale.label, code: l.locale.code, prefix: l.prefix }));
    if (!locale.isDefault && listed.length === 0) continue;
    write(outDir, getLlmsPath(prefix, 'llms.txt'), buildLlmsTxt(site, listed, { prefix, otherLanguages }));
    write(outDir, getLlmsPath(prefix, 'llms-full.txt'), buildLlmsFullTxt(site, listed));
    for (const r of copies) write(outDir, r.markdownPath, buildRecordMarkdown(site, r));
  }
  const assistantData = buildAssistantData(
    site,
    input.revision,
    languages.map(({ locale, prefix, copies }) => ({
      code: locale.code,
      prefix,
      vocabulary: input.vocabularies?.find((v) => v.language === locale.code),
      records: copies.map((r) =>
        toAssistantRecord(
          site,
          base,
          r,
          buildRecordMarkdown(site, r),
          createSynonymExpander(input.synonyms?.[locale.code] ?? [], locale.code),
        ),
      ),
    })),
  );
  write(outDir, `/${ASSISTANT_DATA_FILE}`, JSON.stringify(assistantData));

  // Made only for what the pages' own rendering cannot give (see below): usually nothing.
  let processor: Promise<MarkdownRenderer> | undefined;
  const renderBody = async (r: HelpRecord): Promise<string> => {
    if (r.sourcePath.endsWith('.mdx'))
      return getPlainParagraphs(r.markdown)
        .map((p) => `<p>${escapeHtml(p)}</p>`)
        .join('');
    const { processor: unified, ...shared } = helpCenterMarkdown(getLinkOptions(input.contentDir, base, settings));
    processor ??= unified.createRenderer(shared);
    const rendered = await (
      await processor
    ).render(r.markdown, {
      // As Astro passes it: the file's URL, for relative links and images.
      fileURL: pathToFileURL(r.sourcePath),
    });
    return rendered.code;
  };
  // The widget's files per language: fragments and route map; other languages also their strings.
  const fallback = settings.missingTranslation === 'fallback';
  const widgetLanguages: Array<[string | undefined, readonly HelpRecord[]]> = [
    [undefined, records],
    ...locales
      .filter((l) => !l.isDefault)
      .map((l): [string, HelpRecord[]] => [l.code, getWidgetTranslationRecords(records, translated, l, fallback)]),
  ];
  const fragmentCache = openCachedStep(
    input.cacheFolder,
    'widget-fragments',
    1,
    z.object({ html: z.string(), warning: z.string().optional() }),
  );
  let routes = 0;
  for (const [language, list] of widgetLanguages) {
    for (const r of list) {
      // The pages' own rendering is by id in the default language: a translation is rendered here.
      const translated = language !== undefined && !records.some((d) => d.sourcePath === r.sourcePath);
      const rendered = translated ? undefined : input.getRenderedBody?.(r.id);
      // Local images are placeholders until Astro renders the page: render those bodies here.
      const body = rendered && !rendered.includes('__ASTRO_IMAGE_') ? rendered : await renderBody(r);
      // The widget shows the fragment inside a product's page: every one passes the strict schema.
      const source = path.relative(input.contentDir, r.sourcePath);
      const { html, warning } = fragmentCache.memo(hashKey(source, body), () => buildWidgetFragmentHtml(body, source));
      if (warning && !(language && !translated)) warnings.push(warning);
      const fragment: WidgetFragment = {
        id: r.id,
        kind: r.kind,
        title: r.title,
        description: r.description,
        path: withBase(base, r.path),
        html,
      };
      write(outDir, getWidgetFragmentPath(r.kind, r.slug, language), JSON.stringify(fragment));
    }
    const routeMap = getRouteMap(list, base);
    routes ||= routeMap.routes.length;
    write(outDir, getWidgetRoutesPath(language), JSON.stringify(routeMap));
    const code = language ?? settings.language;
    const strings = createSiteTranslator(
      input.contentDir,
      language ? path.join(input.contentDir, language) : input.contentDir,
      code,
    ).strings;
    if (language) {
      const dir = locales.find((l) => l.code === language)!.dir;
      const file: WidgetLanguage = { language, dir, texts: pickWidgetTexts(strings) };
      write(outDir, getWidgetLanguagePath(language), JSON.stringify(file));
    }
    if (settings.widget.contactForm)
      write(outDir, getWidgetContactTextsPath(language), JSON.stringify(pickContactFormTexts(strings)));
  }

  let widget = false;
  if (existsSync(input.widgetBundle)) {
    const bundle = readFileSync(input.widgetBundle, 'utf8');
    const placeholder = JSON.stringify(WIDGET_CONFIG_PLACEHOLDER);
    if (!bundle.includes(placeholder))
      throw new Error(`${input.widgetBundle} has no widget configuration placeholder.`);
    const config = JSON.stringify(
      JSON.stringify(
        getWidgetConfig(
          settings,
          input.revision,
          createSiteTranslator(input.contentDir, input.contentDir, settings.language).strings,
        ),
      ),
    );
    write(
      outDir,
      WIDGET_SCRIPT_PATH,
      bundle.replace(placeholder, () => config),
    );
    widget = true;
    // The search's module, loaded on the first search (search-module.ts), beside the widget's other files.
    const search = path.join(path.dirname(input.widgetBundle), 'search.bundle.js');
    if (existsSync(search)) write(outDir, WIDGET_SEARCH_PATH, readFileSync(search, 'utf8'));
    // The contact form's module, beside the widget's other files (read across origins like them).
    const form = path.join(path.dirname(input.widgetBundle), 'contact-form.bundle.js');
    if (settings.widget.contactForm && existsSync(form))
      write(outDir, WIDGET_CONTACT_FORM_PATH, readFileSync(form, 'utf8'));
  } else {
    warnings.push(`No /widget.js: ${input.widgetBundle} is missing (npm run build:package bundles it).`);
  }

  const cors = buildCorsFiles(settings.widget.origins, base);
  if (cors) {
    const headersFile = path.join(outDir, '_headers');
    const existing = existsSync(headersFile) ? `${readFileSync(headersFile, 'utf8').trimEnd()}\n\n` : '';
    writeFileSync(headersFile, existing + cors.netlify);
    const vercelFile = path.join(outDir, 'vercel.json');
    const vercel = existsSync(vercelFile)
      ? (JSON.parse(readFileSync(vercelFile, 'utf8')) as Record<string, unknown>)
      : {};
    const own = Array.isArray(vercel.headers) ? (vercel.headers as unknown[]) : [];
    writeFileSync(vercelFile, `${JSON.stringify({ ...vercel, headers: [...own, ...cors.vercel] }, null, 2)}\n`);
    if (cors.warning) warnings.push(cors.warning);
  }
  copyCache.save();
  fragmentCache.save();
  return {
    markdownFiles: languages.reduce((n, l) => n + l.copies.length, 0),
    cached: {
      hits: copyCache.stats.hits + fragmentCache.stats.hits,
      made: copyCache.stats.made + fragmentCache.stats.made,
    },
    assistantRecords: assistantData.languages.reduce((n, l) => n + l.records.length, 0),
    widget,
    routes,
    warnings,
  };
}

function buildAssistantData(site: LlmsSite, revision: string, languages: AssistantLanguage[]): AssistantData {
  return { version: ASSISTANT_DATA_VERSION, name: site.name, siteUrl: site.siteUrl, revision, languages };
}

/** One record as the MCP endpoint serves it: absolute URLs, the copy's Markdown, the words to search. */
function toAssistantRecord(
  site: LlmsSite,
  base: string,
  r: HelpRecord,
  markdown: string,
  synonyms: SynonymExpander,
): AssistantRecord {
  const origin = new URL(`${site.siteUrl}/`).origin;
  const text = getPlainText(r.markdown).replace(/\s+/g, ' ').trim();
  const found = synonyms.expand({ title: [r.title], description: [r.description], body: [text] });
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    description: r.description,
    url: `${origin}${withBase(base, r.path)}`,
    markdownUrl: `${site.siteUrl}${r.markdownPath}`,
    markdown,
    text,
    synonyms: [...new Set([...found.title, ...found.description, ...found.headings])].join(' '),
    bodySynonyms: found.body.join(' '),
  };
}
