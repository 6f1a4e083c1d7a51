/** One URL per page type of the sample site, and waiting until a page shows what it is for. */
import type { Page } from 'playwright-core';

export const PAGE_TYPES = {
  home: '/',
  category: '/billing/',
  article: '/account/reset-password/',
  'article with a table of contents': '/orders-shipping/track-your-order/',
  'article with a table': '/orders-shipping/international-shipping/',
  'article with code': '/privacy-security/download-your-data/',
  faq: '/faq/',
  'search with results': '/search/?q=refund',
  'not found (404)': '/no-such-page/',
} as const;
export type PageType = keyof typeof PAGE_TYPES;

/** Opens a page and, on the search page, waits for its results. */
export async function gotoPageType(page: Page, type: PageType): Promise<void> {
  const path = PAGE_TYPES[type];
  await page.goto(path);
  if (path.startsWith('/search/')) await page.locator('[data-search-results] .result').first().waitFor();
}
