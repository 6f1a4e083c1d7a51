/**
 * Each FAQ question becomes its own search record whose URL is the question's anchor, so a query
 * that matches a question lands on that question, not just on the FAQ page. Like an article's,
 * the record holds the answer as the content layer rendered it for the page.
 */
import { escapeHtml } from '../lib/html.ts';
import { getFaqPath } from '../content/routes.ts';
import { getPlainParagraphs, getPlainText } from './plain-text.ts';
import { toSearchDocumentHtml, type SearchHtmlRecord } from './record-html.ts';
import type { RecordPlace } from './article-records.ts';
import { FAQ_SYNONYM_FIELDS, getSynonymAttributes, type SynonymExpander } from './synonyms.ts';

export interface FaqForSearch {
  category: string;
  /** The section folder, if the FAQ is in one. */
  section?: string | undefined;
  slug: string;
  question: string;
  /** The answer's rendered Markdown (what the FAQ page shows), when the content layer has it. */
  html: string | undefined;
  /** The answer's Markdown source, for synonyms found in it. */
  markdown: string;
  /** A translation's locale code (content/<locale>/); unset for the default language. */
  locale?: string;
  /** The question's own `searchWeight`, if set. */
  searchWeight?: number | undefined;
}

export function buildFaqSearchRecord(
  faq: FaqForSearch,
  place: RecordPlace,
  language: string,
  synonyms?: SynonymExpander,
  /** The URL prefix of the record's locale ("de"), if its pages have one. */
  localePrefix?: string,
): SearchHtmlRecord {
  const found = synonyms?.expand({ title: [faq.question], body: [getPlainText(faq.markdown)] }) ?? {
    title: [],
    description: [],
    headings: [],
    body: [],
  };
  const html = toSearchDocumentHtml({
    language,
    title: faq.question,
    category: faq.category,
    section:
      place.sectionTitle === undefined
        ? undefined
        : { id: `${faq.category}/${faq.section}`, title: place.sectionTitle },
    searchWeight: faq.searchWeight ?? place.searchWeight,
    attributes: {
      'data-pagefind-filter': 'type:faq',
      ...getSynonymAttributes(found, `category:${place.categoryTitle}`, FAQ_SYNONYM_FIELDS),
    },
    inner:
      `<h1 data-pagefind-meta="title" data-pagefind-weight="7">${escapeHtml(faq.question)}</h1>` +
      (faq.html ??
        getPlainParagraphs(faq.markdown)
          .map((p) => `<p>${escapeHtml(p)}</p>`)
          .join('')),
  });
  return { url: getFaqPath(faq.slug, { locale: localePrefix }), html };
}
