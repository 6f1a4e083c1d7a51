/**
 * Synonyms for the pages of one build: content/synonyms.yaml is read once (the build's content
 * check has already validated it and stops on errors), then each page expands its own text.
 */
import { getContentDir, getProjectRoot } from '../content/paths.ts';
import { loadSynonyms } from '../content/synonyms.ts';
import { getPlainText } from './plain-text.ts';
import { createSynonymExpander, type PageSynonyms, type SynonymExpander } from './synonyms.ts';

let expander: SynonymExpander | undefined;

/** The synonyms to index for an article, by where they were found: title and description, headings, Markdown body. */
export function getArticleSynonyms(
  article: { title: readonly string[]; headings: readonly string[]; markdown: string },
  language: string,
): PageSynonyms {
  expander ??= createSynonymExpander(loadSynonyms(getProjectRoot(), getContentDir()).groups, language);
  return expander.expand({ title: article.title, headings: article.headings, body: [getPlainText(article.markdown)] });
}
