/**
 * Everything the search index needs besides the built pages, computed once per build from the
 * loaded content: the FAQ question records (with their synonyms) and the vocabulary the client
 * corrects typos against (which includes the synonyms, so a synonym is never "corrected" away).
 */
import type { LoadedContent } from '../content/load.ts';
import type { SynonymGroup } from '../content/synonyms-schema.ts';
import { buildFaqSearchRecords, type SearchHtmlRecord } from './faq-records.ts';
import { getPlainText } from './plain-text.ts';
import { createSynonymExpander } from './synonyms.ts';
import { buildSearchVocabulary, type SearchVocabulary } from './vocabulary.ts';

export interface SearchInputs {
  records: SearchHtmlRecord[];
  vocabulary: SearchVocabulary;
}

export function buildSearchInputs(content: LoadedContent, synonyms: readonly SynonymGroup[], language: string): SearchInputs {
  const articles = content.articles.filter((a) => !a.data.draft);
  const faqs = content.faqs.filter((f) => !f.data.draft);
  const texts = function* (): Generator<string> {
    for (const c of content.categories) yield c.title;
    for (const g of synonyms) yield* g.phrases;
    for (const a of articles) {
      yield a.data.title;
      yield a.data.description;
      yield getPlainText(a.body);
    }
    for (const f of faqs) {
      yield f.data.question;
      yield getPlainText(f.body);
    }
  };
  return {
    records: buildFaqSearchRecords(faqs, content.categories, language, createSynonymExpander(synonyms, language)),
    vocabulary: buildSearchVocabulary(texts(), language),
  };
}
