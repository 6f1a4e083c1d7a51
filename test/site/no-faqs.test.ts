import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';
import { readPage } from '../helpers/dist.ts';
import { article, writeTempSite } from '../helpers/temp-site.ts';

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
});
