/**
 * Languages in built sites: the sample (English without a prefix, German, Japanese and Arabic
 * under /de/, /ja/, /ar/, missing pages falling back to English) and the languages-omit fixture
 * (every language prefixed, missing pages left out). Routes, alternates, the switcher, the
 * fallback and freshness notices, the sitemap, searches per language and UI strings.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.ts';
import { getArticlePath } from '../../src/content/routes.ts';
import { createNodeSearch } from '../../src/search/node-search.ts';
import { buildSite, REPO_ROOT, SITES_DIR } from '../helpers/build-site.ts';
import { readPage, text } from '../helpers/dist.ts';
import { writeTempSite, VALID_CATEGORIES, article } from '../helpers/temp-site.ts';

const sample = path.join(SITES_DIR, 'sample');
const omit = path.join(SITES_DIR, 'languages-omit');
const content = loadContent(REPO_ROOT);
const site = content.site!;
const url = (p: string) => `${site.url.replace(/\/$/, '')}${p}`;
const codes = ['en', ...site.locales.map((l) => l.code)];
const translatedIn = (code: string) => content.translations.filter((t) => t.locale === code && t.kind === 'article');
const listed = content.articles.filter((a) => !a.data.draft && !a.data.unlisted);

describe('the sample in every language', () => {
  it('builds every page under each language prefix, and the default language without one', () => {
    for (const code of codes) {
      const prefix = code === 'en' ? undefined : code;
      for (const p of ['/', '/faq/', '/search/'])
        expect(existsSync(path.join(sample, prefix ?? '', p, 'index.html'))).toBe(true);
      for (const a of listed) {
        const page = readPage(sample, getArticlePath(a.category, a.id, { locale: prefix }));
        expect(page.querySelector('html')?.getAttribute('lang')).toBe(code);
      }
    }
  });

  it('lists each translation and its source as alternates, with x-default, on every language version', () => {
    const source = '/account/reset-password/';
    const expected = [
      ['en', url(source)],
      ['de', url(`/de${source}`)],
      ['ja', url(`/ja${source}`)],
      ['ar', url(`/ar${source}`)],
      ['x-default', url(source)],
    ];
    for (const p of [source, `/de${source}`, `/ja${source}`, `/ar${source}`]) {
      const page = readPage(sample, p);
      const alternates = page
        .querySelectorAll('link[rel="alternate"][hreflang]')
        .map((l) => [l.getAttribute('hreflang'), l.getAttribute('href')]);
      expect(alternates).toEqual(expected);
      const switcher = page.querySelectorAll('.language-switcher li').map((li) => text(li));
      expect(switcher).toEqual(['English', 'Deutsch', '日本語', 'العربية']);
      expect(page.querySelector('.language-switcher [aria-current="page"]')?.getAttribute('lang')).toBe(
        p === source ? 'en' : p.slice(1, 3),
      );
    }
    // Only the languages that have the page: refund timelines has no Arabic translation.
    const refunds = readPage(sample, '/returns-refunds/refund-timelines/');
    expect(refunds.querySelectorAll('link[rel="alternate"][hreflang]').map((l) => l.getAttribute('hreflang'))).toEqual([
      'en',
      'de',
      'ja',
      'x-default',
    ]);
  });

  it('falls back to the English page with a notice, lang on its text and the English canonical', () => {
    const page = readPage(sample, '/de/billing/payment-methods/');
    const notice = page.querySelector('[data-translation-notice="fallback"]');
    expect(text(notice)).toBe(
      'Diese Seite gibt es noch nicht auf Deutsch, daher wird sie auf Englisch angezeigt. Original auf Englisch lesen',
    );
    expect(notice?.querySelector('a')?.getAttribute('href')).toBe('/billing/payment-methods/');
    expect(page.querySelector('h1')?.getAttribute('lang')).toBe('en');
    expect(page.querySelector('.prose')?.getAttribute('lang')).toBe('en');
    expect(page.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(url('/billing/payment-methods/'));
    // The page around it is German.
    expect(text(page.querySelector('.breadcrumbs a'))).toBe('Start');
    expect(page.querySelector('.breadcrumbs')?.getAttribute('aria-label')).toBe('Brotkrümelnavigation');
  });

  it('lays out the English text of an Arabic fallback page left to right, in a right-to-left page', () => {
    const page = readPage(sample, '/ar/billing/payment-methods/');
    expect(page.querySelector('[data-translation-notice="fallback"]')).not.toBeNull();
    for (const selector of ['h1', '.lead', '.prose']) {
      expect(page.querySelector(selector)?.getAttribute('lang'), selector).toBe('en');
      expect(page.querySelector(selector)?.getAttribute('dir'), selector).toBe('ltr');
    }
    expect(page.querySelector('html')?.getAttribute('lang')).toBe('ar');
    expect(page.querySelector('html')?.getAttribute('dir')).toBe('rtl');
    // A fallback FAQ answer on the Arabic FAQ page too; the real translation has no dir of its own.
    const faq = readPage(sample, '/ar/faq/');
    const summary = faq.querySelector('.faq-item summary');
    expect(summary?.getAttribute('lang')).toBe('en');
    expect(summary?.getAttribute('dir')).toBe('ltr');
    const translated = readPage(sample, '/ar/account/reset-password/');
    expect(translated.querySelector('.prose')?.hasAttribute('dir')).toBe(false);
  });

  it('isolates the phone number and e-mail address from the Arabic text around them', () => {
    const ar = readPage(sample, '/ar/account/reset-password/');
    expect(ar.querySelector('#contact bdi > a[href^="tel:"]')).not.toBeNull();
    expect(ar.querySelector('#contact bdi > a[href^="mailto:"]')).not.toBeNull();
    expect(ar.querySelectorAll('#contact bdi').map((b) => text(b))).toEqual(['help@parcelo.example', '+1 555 0100']);
  });

  it('gives a fallback page the language switcher and the alternates of the real translations', () => {
    // Refund timelines is translated into German and Japanese, not Arabic: the Arabic page is a fallback.
    const page = readPage(sample, '/ar/returns-refunds/refund-timelines/');
    expect(page.querySelector('[data-translation-notice="fallback"]')).not.toBeNull();
    expect(page.querySelectorAll('.language-switcher li').map((li) => text(li))).toEqual([
      'English',
      'Deutsch',
      '日本語',
      'العربية',
    ]);
    expect(page.querySelector('.language-switcher [aria-current="page"]')?.getAttribute('lang')).toBe('ar');
    expect(page.querySelector('.language-switcher a[hreflang="de"]')?.getAttribute('href')).toBe(
      '/de/returns-refunds/refund-timelines/',
    );
    // Canonicalised to the English page, the fallback is no alternate of its own.
    const source = '/returns-refunds/refund-timelines/';
    expect(
      page
        .querySelectorAll('link[rel="alternate"][hreflang]')
        .map((l) => [l.getAttribute('hreflang'), l.getAttribute('href')]),
    ).toEqual([
      ['en', url(source)],
      ['de', url(`/de${source}`)],
      ['ja', url(`/ja${source}`)],
      ['x-default', url(source)],
    ]);
    // With no translation at all, the switcher still offers the original.
    const untranslated = readPage(sample, '/ar/billing/payment-methods/');
    expect(untranslated.querySelectorAll('.language-switcher li').map((li) => text(li))).toEqual([
      'English',
      'العربية',
    ]);
    expect(
      untranslated.querySelectorAll('link[rel="alternate"][hreflang]').map((l) => l.getAttribute('hreflang')),
    ).toEqual(['en', 'x-default']);
  });

  it('shows the freshness notice on the stale translation, not on the one whose source changed only slightly', () => {
    const stale = readPage(sample, '/de/returns-refunds/refund-timelines/');
    expect(text(stale.querySelector('[data-translation-notice="stale"]'))).toBe(
      'Diese Übersetzung ist möglicherweise veraltet: Das Original wurde seit der Übersetzung geändert. Original auf Englisch lesen',
    );
    expect(stale.querySelector('[data-translation-notice] a')?.getAttribute('href')).toBe(
      '/returns-refunds/refund-timelines/',
    );
    for (const p of [
      '/de/account/reset-password/',
      '/ja/account/reset-password/',
      '/ja/returns-refunds/refund-timelines/',
    ])
      expect(readPage(sample, p).querySelector('[data-translation-notice]'), p).toBeNull();
    // The minor edit is a real change of the source, marked as such.
    const source = content.articles.find((a) => a.id === 'reset-password')!;
    const translation = content.translations.find((t) => t.locale === 'de' && t.id === 'reset-password')!;
    expect(source.data.minorRevisionOf).toBe(translation.data.sourceRevision);
  });

  it('renders the UI in the page language, and Arabic right to left', () => {
    const ja = readPage(sample, '/ja/');
    expect(text(ja.querySelector('h1'))).toBe('どのようなご用件ですか？');
    expect(ja.querySelector('#home-search')?.getAttribute('placeholder')).toBe('記事とよくある質問を検索');
    expect(ja.querySelector('form[role="search"]')?.getAttribute('action')).toBe('/ja/search/');
    const ar = readPage(sample, '/ar/account/reset-password/');
    expect(ar.querySelector('html')?.getAttribute('dir')).toBe('rtl');
    expect(text(ar.querySelector('h1'))).toBe('إعادة تعيين كلمة المرور');
    expect(readPage(sample, '/de/').querySelector('html')?.getAttribute('dir')).toBe('ltr');
    // The category names come from content/de/categories.yaml.
    expect(text(readPage(sample, '/de/account/').querySelector('h1'))).toBe('Ihr Konto');
  });

  it('lists every real page of every language in the sitemap, with its alternates, and no fallback', () => {
    const xml = readFileSync(path.join(sample, 'sitemap.xml'), 'utf8');
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    for (const t of translatedIn('de')) expect(locs).toContain(url(`/de${getArticlePath(t.category, t.id)}`));
    expect(locs).toContain(url('/ja/'));
    expect(locs).not.toContain(url('/de/billing/payment-methods/'));
    expect(xml).toContain(`<xhtml:link rel="alternate" hreflang="de" href="${url('/de/account/reset-password/')}"/>`);
  });

  it('has one search index per language; a German and a Japanese search find their own pages', async () => {
    const de = await createNodeSearch(sample, '/', 3, 'de');
    expect((await de.search('Passwort vergessen')).map((r) => r.url)[0]).toBe('/de/account/reset-password/');
    expect((await de.search('Geld zurück')).map((r) => r.url)).toContain('/de/faq/#money-back-change-of-mind');
    const ja = await createNodeSearch(sample, '/', 3, 'ja');
    expect((await ja.search('パスワード')).map((r) => r.url)[0]).toBe('/ja/account/reset-password/');
    // A synonym from content/ja/synonyms.yaml.
    expect((await ja.search('払い戻し')).map((r) => r.url)).toContain('/ja/returns-refunds/refund-timelines/');
    const en = await createNodeSearch(sample, '/', 3, 'en');
    expect((await en.search('reset password')).every((r) => !/^\/(de|ja|ar)\//.test(r.url))).toBe(true);
    const vocabulary = JSON.parse(readFileSync(path.join(sample, 'pagefind/help-center-vocabulary.de.json'), 'utf8'));
    expect(vocabulary.stopWords).toContain('wie');
    expect(vocabulary.ui['results.none']).toBe('Keine Ergebnisse für „{query}“.');
  }, 30_000);

  it('sends the page language with feedback votes', () => {
    const page = readPage(sample, '/ja/account/reset-password/');
    const language = page.querySelector('.fb input[name="language"]');
    if (language) expect(language.getAttribute('value')).toBe('ja');
  });
});

describe('a site with every language prefixed and missing pages omitted', () => {
  it('prefixes the default language too and sends the bare root to it', () => {
    expect(readPage(omit, '/en/').querySelector('html')?.getAttribute('lang')).toBe('en');
    expect(existsSync(path.join(omit, 'billing/refunds/index.html'))).toBe(false);
    expect(readFileSync(path.join(omit, 'index.html'), 'utf8')).toContain('/en/');
    expect(
      readPage(omit, '/en/billing/refunds/')
        .querySelectorAll('link[rel="alternate"][hreflang]')
        .map((l) => l.getAttribute('href')),
    ).toEqual([
      'https://example.test/en/billing/refunds/',
      'https://example.test/de/billing/refunds/',
      'https://example.test/en/billing/refunds/',
    ]);
  });

  it('leaves out what is not translated: no fallback page, no list entry, no switcher link', () => {
    expect(existsSync(path.join(omit, 'de/billing/refunds/index.html'))).toBe(true);
    expect(existsSync(path.join(omit, 'de/billing/invoices/index.html'))).toBe(false);
    expect(existsSync(path.join(omit, 'fr/billing/refunds/index.html'))).toBe(false);
    const category = readPage(omit, '/de/billing/');
    expect(category.querySelectorAll('main .link-list a').map((a) => a.getAttribute('href'))).toEqual([
      '/de/billing/refunds/',
    ]);
    expect(category.querySelector('[data-translation-notice]')).toBeNull();
    const invoices = readPage(omit, '/en/billing/invoices/');
    expect(invoices.querySelectorAll('.language-switcher a').map((a) => a.getAttribute('href'))).toEqual([
      '/fr/billing/invoices/',
    ]);
    expect(readPage(omit, '/de/billing/refunds/').querySelector('[data-translation-notice]')).toBeNull();
  });
});

describe('a build with a language we ship no UI strings for', () => {
  it('fails naming each missing key and the language, and accepts them in ui.yaml', () => {
    const files = {
      'content/site.yaml': 'name: Test Help\nurl: https://help.test.example\nlocales:\n  - { code: it }\n',
      'content/categories.yaml': VALID_CATEGORIES,
      'content/articles/billing/refunds.md': article('Refunds'),
      'content/it/ui.yaml': 'search.label: Cerca nel centro assistenza\n',
    };
    const result = buildSite('languages-missing-ui', path.join(writeTempSite(files), 'content'));
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(
      'content/it/ui.yaml:1:1  error  the UI string "search.placeholder" is missing for language "it"; add "search.placeholder: …" to content/it/ui.yaml (we ship en, de, fr, es, ja and ar)  (ui-strings)',
    );
    expect(result.output).not.toContain('"search.label" is missing');
  }, 120_000);
});
