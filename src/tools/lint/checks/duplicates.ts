/** Two articles with one title, or two FAQs with one question, confuse readers and search. */
import { createFieldFinding, type Finding, type LintContext, type LintDocument } from '../context.ts';

export function checkDuplicateTitles(ctx: LintContext): Finding[] {
  if (!ctx.isEnabled('duplicate-title')) return [];
  const out: Finding[] = [];
  const seen = new Map<string, LintDocument>();
  for (const doc of ctx.documents) {
    const { entry } = doc;
    if (!doc.frontmatterValid) continue;
    const text = entry.kind === 'article' ? entry.data.title : entry.data.question;
    const key = `${entry.kind}:${normalizeTitle(text)}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, doc);
      continue;
    }
    out.push(
      entry.kind === 'article'
        ? createFieldFinding(
            doc,
            'duplicate-title',
            ['title'],
            `the title "${text}" is also the title of ${first.entry.file}; give each article a title that tells them apart in search results`,
          )
        : createFieldFinding(
            doc,
            'duplicate-title',
            ['question'],
            `the question "${text}" is also asked in ${first.entry.file}; merge the two FAQs or ask something different`,
          ),
    );
  }
  return out;
}

/** Case, spacing and trailing punctuation do not make titles different. */
export function normalizeTitle(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s.?!:]+$/u, '')
    .trim();
}
