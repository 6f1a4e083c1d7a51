/**
 * Each FAQ question becomes its own search record whose URL is the question's anchor, so a query
 * that matches a question lands on that question, not just on the FAQ page.
 */
import { escapeHtml } from '../lib/html.ts';
import type { Category } from '../content/schema.ts';
import type { FaqEntry } from '../content/load.ts';
import { getFaqPath } from '../content/routes.ts';
import { getPlainParagraphs } from './plain-text.ts';
import { getSynonymAttributes, type SynonymExpander } from './synonyms.ts';

export interface SearchHtmlRecord {
  /** Site-relative URL (no base: Pagefind's baseUrl adds it in the browser). */
  url: string;
  html: string;
}

/** The answer as plain paragraphs: what search indexes and excerpts show. */
export function getAnswerParagraphs(markdown: string): string[] {
  return getPlainParagraphs(markdown);
}

export function buildFaqSearchRecords(
  faqs: readonly FaqEntry[],
  categories: readonly Category[],
  language: string,
  synonyms?: SynonymExpander,
): SearchHtmlRecord[] {
  const titles = new Map(categories.map((c) => [c.id, c.title]));
  return faqs.map((faq) => {
    const q = escapeHtml(faq.data.question);
    const answer = getAnswerParagraphs(faq.body);
    const paragraphs = answer.map((p) => `<p>${escapeHtml(p)}</p>`).join('');
    const attributes = getSynonymAttributes(
      synonyms?.expand({ title: [faq.data.question], body: answer }) ?? { title: [], headings: [], body: [] },
      `category:${titles.get(faq.category) ?? faq.category}`,
    );
    const attributeHtml = Object.entries(attributes)
      .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
      .join('');
    const html =
      `<!doctype html><html lang="${escapeHtml(language)}"><head><title>${q}</title></head><body>` +
      `<main data-pagefind-body data-pagefind-filter="type:faq"${attributeHtml}>` +
      `<span data-pagefind-filter="category:${escapeHtml(faq.category)}"></span>` +
      `<h1 data-pagefind-meta="title" data-pagefind-weight="7">${q}</h1>${paragraphs}</main></body></html>`;
    return { url: getFaqPath(faq.id), html };
  });
}
