import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';
import { readPage } from '../helpers/dist.ts';
import { article, VALID_SITE, writeTempSite } from '../helpers/temp-site.ts';

describe('a help center without FAQs', () => {
  it.each([
    ['no faqs/ folder', false],
    ['an empty faqs/ folder', true],
  ])(
    'builds with %s: no warning, no FAQ page, no FAQ link',
    (_, emptyFolder) => {
      const root = writeTempSite({ 'content/articles/billing/refunds.md': article('Refunds') });
      if (emptyFolder) mkdirSync(path.join(root, 'content/faqs/billing'), { recursive: true });
      const result = buildSite(`no-faqs-${emptyFolder ? 'empty' : 'none'}`, path.join(root, 'content'));
      expect(result.status).toBe(0);
      expect(result.output.trim()).toBe('');
      expect(existsSync(path.join(result.outDir, 'faq'))).toBe(false);
      const home = readPage(result.outDir, '/');
      expect(home.querySelectorAll('a').map((a) => a.getAttribute('href'))).not.toContain('/faq/');
      expect(readPage(result.outDir, '/billing/refunds/').querySelector('.header-nav')?.textContent).not.toContain(
        'FAQ',
      );
      expect(readFileSync(path.join(result.outDir, 'sitemap.xml'), 'utf8')).not.toContain('/faq/');
    },
    120_000,
  );

  it('builds silently with languages whose FAQs are all removed, translations too', () => {
    const root = writeTempSite({
      'content/site.yaml': `${VALID_SITE}language: en\nlocales:\n  - { code: de }\n  - { code: ja }\n  - { code: ar }\n`,
      'content/articles/billing/refunds.md': article('Refunds'),
      'content/de/articles/billing/refunds.md': article('Erstattungen'),
      'content/ja/articles/billing/refunds.md': article('払い戻し'),
      'content/ar/articles/billing/refunds.md': article('المبالغ المستردة'),
    });
    // An emptied translation folder, as removing the last translated FAQ leaves it.
    mkdirSync(path.join(root, 'content/de/faqs/billing'), { recursive: true });
    const result = buildSite('no-faqs-languages', path.join(root, 'content'));
    expect(result.status).toBe(0);
    expect(result.output.trim()).toBe('');
    for (const prefix of ['', '/de', '/ja', '/ar']) {
      expect(readPage(result.outDir, `${prefix}/billing/refunds/`).querySelector('h1')).not.toBeNull();
      expect(existsSync(path.join(result.outDir, prefix, 'faq'))).toBe(false);
    }
  }, 120_000);
});
