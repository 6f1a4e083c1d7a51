/**
 * What the search index needs from the whole content at once, computed from the content check's
 * data: the vocabulary the client corrects typos against (which includes the synonyms, so a
 * synonym is never "corrected" away).
 */
import type { LoadedContent } from '../content/load.ts';
import type { SynonymGroup } from '../content/synonyms-schema.ts';
import { getPlainText } from './plain-text.ts';
import { buildSearchVocabulary, getWords, type SearchVocabulary } from './vocabulary.ts';

const published = <T extends { data: { draft: boolean } }>(entries: readonly T[]) =>
  entries.filter((e) => !e.data.draft);

/** What one language's vocabulary is made of: the default language's content, or one locale's translations. */
export type VocabularySource = Pick<LoadedContent, 'categories' | 'articles' | 'faqs' | 'site'>;

/** A translation locale's content as a vocabulary source: its translations, with the category titles it shows. */
export function getLocaleVocabularySource(
  content: LoadedContent,
  locale: string,
  categoryTitles: readonly string[],
): VocabularySource {
  const mine = content.translations.filter((t) => t.locale === locale);
  return {
    site: content.site,
    categories: categoryTitles.map((title) => ({ title }) as LoadedContent['categories'][number]),
    articles: mine.filter((t): t is Extract<typeof t, { kind: 'article' }> => t.kind === 'article'),
    faqs: mine.filter((t): t is Extract<typeof t, { kind: 'faq' }> => t.kind === 'faq'),
  };
}

export function buildSearchVocabularyFor(
  content: VocabularySource,
  synonyms: readonly SynonymGroup[],
  language: string,
): SearchVocabulary {
  const texts = function* (): Generator<string> {
    for (const c of content.categories) yield c.title;
    for (const g of synonyms) yield* g.phrases;
    for (const a of published(content.articles)) {
      yield a.data.title;
      yield a.data.description;
      yield getPlainText(a.body);
    }
    for (const f of published(content.faqs)) {
      yield f.data.question;
      yield getPlainText(f.body);
    }
  };
  const vocabulary = buildSearchVocabulary(texts(), language);
  const brandWords = content.site ? getWords(content.site.name.toLowerCase()) : [];
  return brandWords.length > 0 ? { ...vocabulary, brandWords } : vocabulary;
}
