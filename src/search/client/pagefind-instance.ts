/**
 * A Pagefind instance for a given language's index. Pagefind picks its language index from
 * `<html lang>` when an instance is made, and takes no other word for it: the page's attribute
 * says the language for the one synchronous call, and is put back before anything else runs (no
 * rendering, no event between). The widget uses it for its own language on someone else's page,
 * the help center's search for the default language on a page in another.
 */
import type { Pagefind } from './pagefind-api.ts';

export type PagefindModule = { createInstance(options: Record<string, unknown>): Pagefind };

export function createPagefindInstance(
  pf: PagefindModule,
  language: string,
  options: Record<string, unknown>,
): Pagefind {
  const html = document.documentElement;
  const own = html.getAttribute('lang');
  if (own === language) return pf.createInstance(options);
  html.setAttribute('lang', language);
  try {
    return pf.createInstance(options);
  } finally {
    if (own === null) html.removeAttribute('lang');
    else html.setAttribute('lang', own);
  }
}
