/** FAQ questions that ask the same thing in other words (exact repeats are duplicate-title's job). */
import { createFieldFinding, type Finding, type LintContext } from '../context.ts';
import { findSimilarPairs } from '../text-similarity.ts';
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
