import path from 'node:path';
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { article, faq, writeTempSite } from '../../test/helpers/temp-site.ts';
import { checkContent } from './content-check.ts';
import { startContentCheck } from './content-check-thread.ts';

const saved = process.env.HELP_CENTER_CONTENT_DIR;
const roots: string[] = [];
function useSite(files: Record<string, string>): void {
  const root = writeTempSite(files);
  roots.push(root);
  process.env.HELP_CENTER_CONTENT_DIR = path.join(root, 'content');
}
afterEach(() => {
  if (saved === undefined) delete process.env.HELP_CENTER_CONTENT_DIR;
  else process.env.HELP_CENTER_CONTENT_DIR = saved;
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('the build content check', () => {
  it('works out the vocabulary, feedback manifest and redirects of good content', () => {
    useSite({
      'content/articles/billing/refunds.md': article('Refunds', 'redirectFrom: [/billing/money-back/]\n'),
      'content/faqs/billing/when.md': faq('When do refunds arrive?'),
    });
    const result = checkContent({ artefacts: true });
    expect(result.errors).toEqual([]);
    expect(result.artefacts?.manifest.items.map((i) => i.id)).toEqual(['article:refunds', 'faq:when']);
    expect(result.artefacts?.vocabulary.words).toContain('refunds');
    expect(result.artefacts?.redirects).toEqual([expect.objectContaining({ from: '/billing/money-back/', to: '/billing/refunds/' })]);
  });

  it('gives one line per error, with file, line and rule, and no artefacts', () => {
    useSite({ 'content/articles/billing/refunds.md': article('Refunds', 'related: [nope]\n') });
    const result = checkContent({ artefacts: true });
    expect(result.artefacts).toBeUndefined();
    expect(result.errors).toEqual([expect.stringMatching(/^content\/articles\/billing\/refunds\.md:4:11 {2}error {2}related: "nope" is not an article id/)]);
  });

  it('gives the same result on a worker thread as on this one', async () => {
    useSite({
      'content/articles/billing/refunds.md': article('Refunds'),
      'content/articles/account/email.md': article('Change your email', 'related: [refunds, missing]\n'),
    });
    const here = checkContent({ artefacts: true });
    expect(here.errors).toHaveLength(1);
    expect(await startContentCheck({ artefacts: true })).toEqual(here);

    useSite({ 'content/articles/billing/refunds.md': article('Refunds') });
    expect(await startContentCheck({ artefacts: true })).toEqual(checkContent({ artefacts: true }));
  });
});
