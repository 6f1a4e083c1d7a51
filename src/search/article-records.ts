/**
 * The search record of an article: its title, description and rendered body (the same HTML the
 * article page shows, with the same heading ids, so results can link to sections), with the
 * article's synonyms and category as metadata. Built from the content collection, so nothing
 * on the article page exists only for the indexer.
 */
import { escapeHtml } from '../lib/html.ts';
import { getArticlePath } from '../content/routes.ts';
import { getPlainParagraphs, getPlainText } from './plain-text.ts';
import { toSearchDocumentHtml, type SearchHtmlRecord } from './record-html.ts';
import { getSynonymAttributes, type SynonymExpander } from './synonyms.ts';

export interface ArticleForSearch {
  category: string;
  /** The section folder, if the article is in one. */
  section?: string | undefined;
  slug: string;
  title: string;
  description: string;
  /**
   * The article's rendered Markdown (what `<Content />` renders on the page). MDX has none until
   * its page renders; its prose is then indexed as plain paragraphs.
   */
  html: string | undefined;
  /** Heading texts, in order. */
  headings: readonly string[];
  /** The Markdown source, for synonyms found in the body. */
  markdown: string;
  /** A translation's locale code (content/<locale>/); unset for the default language. */
  locale?: string;
  /** The article's own `searchWeight`, if set. */
  searchWeight?: number | undefined;
}

/** Where a record sits, as results show it: the category's title and the section's, if any. */
export interface RecordPlace {
  categoryTitle: string;
  sectionTitle?: string | undefined;
  /** The search weight of the section, else the category, if either sets one. */
  searchWeight?: number | undefined;
}

export function buildArticleSearchRecord(
  article: ArticleForSearch,
  place: RecordPlace,
  language: string,
  synonyms?: SynonymExpander,
  /** The URL prefix of the record's locale ("de"), if its pages have one. */
  localePrefix?: string,
): SearchHtmlRecord {
  const found = synonyms?.expand({
    title: [article.title],
    description: [article.description],
    headings: article.headings,
    body: [getPlainText(article.markdown)],
  }) ?? { title: [], description: [], headings: [], body: [] };
  const html = toSearchDocumentHtml({
    language,
    title: article.title,
    category: article.category,
    section:
      place.sectionTitle === undefined
        ? undefined
        : { id: `${article.category}/${article.section}`, title: place.sectionTitle },
    searchWeight: article.searchWeight ?? place.searchWeight,
    attributes: {
      'data-pagefind-filter': 'type:article',
      ...getSynonymAttributes(found, `category:${place.categoryTitle}`),
    },
    inner:
      `<h1 data-pagefind-meta="title">${escapeHtml(article.title)}</h1>` +
      `<p data-pagefind-weight="2">${escapeHtml(article.description)}</p>` +
      (article.html ??
        getPlainParagraphs(article.markdown)
          .map((p) => `<p>${escapeHtml(p)}</p>`)
          .join('')),
  });
  return { url: getArticlePath(article.category, article.slug, { locale: localePrefix }), html };
}
