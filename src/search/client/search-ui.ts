/**
 * The search UI: results as you type under any search box, the /search/ page with its filters,
 * and keyboard movement through results (arrows, Enter, Escape). Loaded only when a reader
 * starts to search.
 */
import { loadHelpCenterSearch, type PagefindResultData } from './pagefind-api.ts';

interface Filters {
  category?: string;
  type?: string;
}

const DROPDOWN_LIMIT = 6;
const PAGE_LIMIT = 20;
/** Wait this long after the last keystroke before searching. */
const DEBOUNCE_MS = 120;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function enhanceAll(boxes: HTMLElement[]): void {
  for (const box of boxes) {
    if (box.dataset.enhanced) continue;
    box.dataset.enhanced = 'true';
    enhance(box);
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function enhance(box: HTMLElement): void {
  const input = box.querySelector<HTMLInputElement>('[data-search-input]')!;
  const results = box.querySelector<HTMLElement>('[data-search-results]')!;
  const status = box.querySelector<HTMLElement>('[data-search-status]')!;
  const isPage = box.dataset.search === 'page';
  const form = box.querySelector('form');
  const filterForm = isPage ? document.querySelector<HTMLFormElement>('[data-search-filters]') : null;
  const noResults = isPage ? document.querySelector<HTMLElement>('[data-search-empty]') : null;
  const limit = isPage ? PAGE_LIMIT : DROPDOWN_LIMIT;
  let generation = 0;

  const getFilters = (): Filters => {
    if (!filterForm) return {};
    const data = new FormData(filterForm);
    const category = String(data.get('category') ?? '');
    const type = String(data.get('type') ?? '');
    return { ...(category ? { category } : {}), ...(type ? { type } : {}) };
  };

  const close = () => {
    if (isPage) return;
    results.hidden = true;
    input.setAttribute('aria-expanded', 'false');
  };

  const render = async (term: string, debounce: boolean) => {
    const mine = ++generation;
    const query = term.trim();
    if (isPage) syncUrl(query, getFilters());
    if (!query) {
      results.replaceChildren();
      status.textContent = '';
      close();
      return;
    }
    if (debounce) {
      await wait(DEBOUNCE_MS);
      if (mine !== generation) return;
    }
    const helpCenter = await loadHelpCenterSearch();
    const search = await helpCenter.search(query, getFilters() as Record<string, string>);
    if (mine !== generation) return;
    const page = await Promise.all(search.results.slice(0, limit).map((r) => r.data()));
    if (mine !== generation) return;
    const total = search.results.length;
    if (total === 0) {
      status.textContent = `No results for “${query}”.`;
      results.innerHTML = isPage && noResults ? '' : noResultsHint(query, form?.action ?? '');
      if (isPage && noResults) results.innerHTML = noResults.innerHTML;
    } else {
      status.textContent = `${total} result${total === 1 ? '' : 's'} for “${query}”${total > limit ? `, showing the first ${limit}` : ''}.`;
      results.innerHTML = `<ul class="result-list">${page.map(renderResult).join('')}</ul>`;
    }
    results.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  };

  input.setAttribute('aria-controls', results.id);
  input.setAttribute('aria-expanded', 'false');
  input.addEventListener('input', () => void render(input.value, true));
  filterForm?.addEventListener('change', () => void render(input.value, false));
  form?.addEventListener('submit', (event) => {
    if (!isPage) return;
    event.preventDefault();
    void render(input.value, false);
  });

  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') {
      const first = results.querySelector<HTMLAnchorElement>('a');
      if (first && !results.hidden) {
        event.preventDefault();
        first.focus();
      }
    } else if (event.key === 'Escape') {
      close();
    }
  });
  results.addEventListener('keydown', (event) => {
    const links = Array.from(results.querySelectorAll<HTMLAnchorElement>('a'));
    const index = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = index + (event.key === 'ArrowDown' ? 1 : -1);
      if (next < 0) input.focus();
      else links[Math.min(next, links.length - 1)]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      input.focus();
      close();
    }
  });
  if (!isPage) {
    box.addEventListener('focusout', (event) => {
      const next = event.relatedTarget as Node | null;
      if (!next || !box.contains(next)) close();
    });
    input.addEventListener('focus', () => {
      if (results.childElementCount > 0 && input.value.trim()) {
        results.hidden = false;
        input.setAttribute('aria-expanded', 'true');
      }
    });
  }

  if (isPage) {
    const params = new URLSearchParams(location.search);
    input.value = params.get('q') ?? input.value;
    if (filterForm) {
      for (const name of ['category', 'type'] as const) {
        const el = filterForm.elements.namedItem(name) as HTMLSelectElement | null;
        const v = params.get(name);
        if (el && v) el.value = v;
      }
    }
  }
  if (input.value.trim()) void render(input.value, false);
}

function renderResult(r: PagefindResultData): string {
  const isFaq = r.filters.type?.includes('faq');
  const title = escapeHtml(r.meta.title ?? r.url);
  const meta = [r.meta.category, isFaq ? 'FAQ' : 'Article'].filter(Boolean).map((m) => escapeHtml(m!)).join(' · ');
  const subs = isFaq
    ? []
    : r.sub_results.filter((s) => s.url.includes('#') && s.title !== r.meta.title).slice(0, 3);
  const subList = subs.length
    ? `<ul class="result-sub">${subs.map((s) => `<li><a href="${escapeHtml(s.url)}">${escapeHtml(s.title)}</a></li>`).join('')}</ul>`
    : '';
  return `<li><a class="result" href="${escapeHtml(r.url)}"><span class="result-title">${title}</span> <span class="result-meta">${meta}</span><span class="result-excerpt">${r.excerpt}</span></a>${subList}</li>`;
}

function noResultsHint(query: string, searchUrl: string): string {
  const url = `${searchUrl}?q=${encodeURIComponent(query)}`;
  return `<p>Try other words, or <a href="${escapeHtml(url)}">see ways to contact us</a>.</p>`;
}

function syncUrl(query: string, filters: Filters): void {
  const params = new URLSearchParams();
  if (query) params.set('q', query);
  if (filters.category) params.set('category', filters.category);
  if (filters.type) params.set('type', filters.type);
  const qs = params.toString();
  history.replaceState(null, '', qs ? `?${qs}` : location.pathname);
}
