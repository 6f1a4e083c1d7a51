/** The small part of Pagefind's browser API this site uses, loaded once on demand. */

export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
}

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
  sub_results: PagefindSubResult[];
}

export interface PagefindSearch {
  results: Array<{ id: string; score: number; data: () => Promise<PagefindResultData> }>;
}

export interface Pagefind {
  options(opts: Record<string, unknown>): Promise<void>;
  init(): Promise<void> | void;
  search(term: string, opts?: { filters?: Record<string, string> }): Promise<PagefindSearch>;
  debouncedSearch(term: string, opts?: { filters?: Record<string, string> }, ms?: number): Promise<PagefindSearch | null>;
}

let pagefind: Promise<Pagefind> | undefined;

export function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
    const url = `${base}pagefind/pagefind.js`;
    const pf = (await import(/* @vite-ignore */ url)) as Pagefind;
    await pf.options({ baseUrl: base, excerptLength: 22 });
    await pf.init();
    return pf;
  })();
  return pagefind;
}
