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

export function buildSearchVocabularyFor(
  content: LoadedContent,
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
