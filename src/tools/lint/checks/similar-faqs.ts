/** FAQ questions, or article titles, that say the same thing in other words (exact repeats are duplicate-title's job). */
import { createFieldFinding, type Finding, type LintContext } from '../context.ts';
import { findSimilarPairs, type SimilarPair } from '../text-similarity.ts';
import { normalizeTitle } from './duplicates.ts';

export function checkSimilarFaqs(ctx: LintContext): Finding[] {
  if (!ctx.isEnabled('similar-faq')) return [];
  const faqs = ctx.documents.filter((d) => d.entry.kind === 'faq' && d.frontmatterValid);
  const questions = faqs.map((d) => (d.entry.kind === 'faq' ? d.entry.data.question : ''));
  const out: Finding[] = [];
  for (const pair of findSimilarPairs(questions)) {
    const first = faqs[pair.a]!;
    const second = faqs[pair.b]!;
    if (normalizeTitle(questions[pair.a]!) === normalizeTitle(questions[pair.b]!)) continue;
    out.push(
      createFieldFinding(
        second,
        'similar-faq',
        ['question'],
        `"${questions[pair.b]}" asks the same as "${questions[pair.a]}" in ${first.entry.file} (${Math.round(pair.similarity * 100)}% similar); merge the two answers, or make the questions clearly different`,
      ),
    );
  }
  return out;
}

/** Article titles that name the same thing: readers and search cannot tell the two apart. */
export function checkSimilarTitles(ctx: LintContext): Finding[] {
  if (!ctx.isEnabled('similar-title')) return [];
  const articles = ctx.documents.filter((d) => d.entry.kind === 'article' && d.frontmatterValid);
  const titles = articles.map((d) => (d.entry.kind === 'article' ? d.entry.data.title : ''));
  return findSimilarTitles(titles).map(({ a, b, similarity }) =>
    createFieldFinding(
      articles[b]!,
      'similar-title',
      ['title'],
      `"${titles[b]}" is nearly the title of ${articles[a]!.entry.file} ("${titles[a]}", ${Math.round(similarity * 100)}% similar); merge the two articles, or give each a title that tells them apart`,
    ),
  );
}

/** Pairs of titles that say the same in other words (not the same words: that is duplicate-title). */
export function findSimilarTitles(titles: readonly string[]): SimilarPair[] {
  return findSimilarPairs(titles).filter((p) => normalizeTitle(titles[p.a]!) !== normalizeTitle(titles[p.b]!));
}
