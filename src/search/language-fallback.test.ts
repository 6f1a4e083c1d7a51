import { describe, expect, it } from 'vitest';
import {
  FALLBACK_BELOW,
  getResultLanguageLabel,
  mergeLanguageFallback,
  needsLanguageFallback,
} from './language-fallback.ts';
import { createBrowserText } from '../i18n/browser-text.ts';
import de from '../i18n/dictionaries/de.ts';
import fr from '../i18n/dictionaries/fr.ts';

const r = (url: string) => ({ url });

describe('falling back to the default language', () => {
  it('searches the default language only from another language, and only when few results were found', () => {
    expect(FALLBACK_BELOW).toBe(3);
    expect(needsLanguageFallback('de', 'en', 0)).toBe(true);
    expect(needsLanguageFallback('de', 'en', 2)).toBe(true);
    expect(needsLanguageFallback('de', 'en', 3)).toBe(false);
    expect(needsLanguageFallback('en', 'en', 0)).toBe(false);
    expect(needsLanguageFallback('de', undefined, 0)).toBe(false);
  });

  it("puts the reader's results first, then the default language's marked with it", () => {
    const merged = mergeLanguageFallback(
      [r('/de/returns-refunds/start-a-return/')],
      [r('/billing/invoices-and-receipts/'), r('/faq/#company-name-on-invoice')],
      { language: 'en', localePrefix: 'de', limit: 10 },
    );
    expect(merged).toEqual({
      results: [
        { result: r('/de/returns-refunds/start-a-return/') },
        { result: r('/billing/invoices-and-receipts/'), language: 'en' },
        { result: r('/faq/#company-name-on-invoice'), language: 'en' },
      ],
      skipped: 0,
    });
  });

  it('leaves out a page whose translation the reader already has, under a base path or across origins', () => {
    const merged = mergeLanguageFallback(
      [r('/help/de/account/reset-password/'), r('https://help.example.com/de/faq/#x')],
      [r('/help/account/reset-password/'), r('https://help.example.com/faq/#x'), r('/help/account/sign-in-problems/')],
      { language: 'en', localePrefix: 'de', limit: 10 },
    );
    expect(merged.skipped).toBe(2);
    expect(merged.results.map((m) => [m.result.url, m.language])).toEqual([
      ['/help/de/account/reset-password/', undefined],
      ['https://help.example.com/de/faq/#x', undefined],
      ['/help/account/sign-in-problems/', 'en'],
    ]);
  });

  it('keeps to the limit, and the reader’s own results before any other', () => {
    const own = [r('/de/a/1/'), r('/de/a/2/')];
    const merged = mergeLanguageFallback(own, [r('/b/1/'), r('/b/2/')], {
      language: 'en',
      localePrefix: 'de',
      limit: 3,
    });
    expect(merged.results.map((m) => m.result.url)).toEqual(['/de/a/1/', '/de/a/2/', '/b/1/']);
  });

  it("labels a result with its language's name in the page's language", () => {
    const label = (strings: Record<string, string>, page: string) =>
      getResultLanguageLabel({ code: 'en', pageLanguage: page }, createBrowserText(strings, page));
    expect(label(de, 'de')).toBe('Auf Englisch');
    expect(label(fr, 'fr')).toBe('En anglais');
  });
});
