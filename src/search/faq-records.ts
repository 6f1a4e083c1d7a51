/**
 * Each FAQ question becomes its own search record whose URL is the question's anchor, so a query
 * that matches a question lands on that question, not just on the FAQ page.
 */
import { escapeHtml } from '../lib/html.ts';
import type { Category } from '../content/schema.ts';
import type { FaqEntry } from '../content/load.ts';
import { getFaqPath } from '../content/routes.ts';
import { getPlainParagraphs } from './plain-text.ts';
import { toSearchDocumentHtml, type SearchHtmlRecord } from './record-html.ts';
import { FAQ_SYNONYM_FIELDS, getSynonymAttributes, type SynonymExpander } from './synonyms.ts';

/** The answer as plain paragraphs: what search indexes and excerpts show. */
export function getAnswerParagraphs(markdown: string): string[] {
  return getPlainParagraphs(markdown);
}

export function buildFaqSearchRecords(
  faqs: ReadonlyArray<Pick<FaqEntry, 'id' | 'category' | 'body' | 'data'>>,
  categories: readonly Category[],
  language: string,
  synonyms?: SynonymExpander,
): SearchHtmlRecord[] {
  const titles = new Map(categories.map((c) => [c.id, c.title]));
  return faqs.map((faq) => {
    const answer = getAnswerParagraphs(faq.body);
    const attributes = getSynonymAttributes(
      synonyms?.expand({ title: [faq.data.question], body: answer }) ?? { title: [], description: [], headings: [], body: [] },
      `category:${titles.get(faq.category) ?? faq.category}`,
      FAQ_SYNONYM_FIELDS,
    );
    const html = toSearchDocumentHtml({
      language,
      title: faq.data.question,
      category: faq.category,
      attributes: { 'data-pagefind-filter': 'type:faq', ...attributes },
      inner:
        `<h1 data-pagefind-meta="title" data-pagefind-weight="7">${escapeHtml(faq.data.question)}</h1>` +
        answer.map((p) => `<p>${escapeHtml(p)}</p>`).join(''),
    });
    return { url: getFaqPath(faq.id), html };
  });
}
