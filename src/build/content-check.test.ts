import path from 'node:path';
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { article, faq, writeTempSite } from '../../test/helpers/temp-site.ts';
import { checkContent } from './content-check.ts';

const roots: string[] = [];
/** Writes the site and returns its content folder. */
function useSite(files: Record<string, string>): string {
  const root = writeTempSite(files);
  roots.push(root);
  return path.join(root, 'content');
}
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('the build content check', () => {
  it('works out the vocabulary, feedback manifest and redirects of good content', () => {
    const contentDir = useSite({
      'content/articles/billing/refunds.md': article('Refunds', 'redirectFrom: [/billing/money-back/]\n'),
      'content/faqs/billing/when.md': faq('When do refunds arrive?'),
    });
    const result = checkContent(contentDir, { artefacts: true });
    expect(result.errors).toEqual([]);
    expect(result.artefacts?.manifest.items.map((i) => i.id)).toEqual(['article:refunds', 'faq:when']);
    expect(result.artefacts?.vocabularies[0]?.words).toContain('refunds');
    expect(result.artefacts?.redirects).toEqual([
      expect.objectContaining({ from: '/billing/money-back/', to: '/billing/refunds/' }),
    ]);
  });

  it('gives one line per error, with file, line and rule, and no artefacts', () => {
    const contentDir = useSite({ 'content/articles/billing/refunds.md': article('Refunds', 'related: [nope]\n') });
    const result = checkContent(contentDir, { artefacts: true });
    expect(result.artefacts).toBeUndefined();
    expect(result.errors).toEqual([
      expect.stringMatching(
        /^content\/articles\/billing\/refunds\.md:4:11 {2}error {2}related: "nope" is not an article id/,
      ),
    ]);
  });
});
