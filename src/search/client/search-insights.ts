/**
 * Search insights (site setting `searchInsights`): one anonymous event per settled query, sent to
 * `<feedback endpoint>/search` with navigator.sendBeacon as text/plain JSON (no preflight, no
 * cookies, no identifiers). Part of the search UI chunk, so it costs nothing on a first visit.
 *
 * - A query settles SETTLE_MS after the last keystroke (not after its results appear: a slow
 *   search must not settle a half-typed query), or at once when the reader opens a result.
 *   A keystroke puts the settling off; a query replaced before it settled is never sent.
 * - A settled query's event is sent once its outcome is known: the reader opens a result, clicks
 *   a contact link, searches for something else, or leaves or hides the page.
 * - At most one event per distinct query per page view.
 * - The last query that found nothing is kept in sessionStorage (this tab only) and sent as
 *   `refinedFrom` with the next query that finds something, then forgotten.
 */
import { normalizeSearchQuery } from '../../feedback/search-query.ts';

export const SETTLE_MS = 1500;
export const ZERO_RESULT_KEY = 'helpdesk:search-insights:zero';

export interface InsightsConfig {
  /** e.g. https://feedback.example.com/feedback/search */
  endpoint: string;
  language: string;
  revision: string;
  /** Where the search box is, when not on the help center's own pages (the in-product widget). */
  channel?: 'widget';
}

export interface InsightsDeps {
  send: (url: string, body: string) => boolean;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  createId: () => string;
}

export interface SearchEventBody {
  eventId: string;
  query: string;
  resultCount: number;
  opened: string | null;
  contact: boolean;
  refinedFrom?: string;
  channel?: 'widget';
  language: string;
  revision: string;
}

export interface SearchInsightsTracker {
  /**
   * The search box showed `resultCount` results for `rawQuery` (an empty query clears),
   * `sinceKeystrokeMs` after the reader's last keystroke (0: just now, or not known).
   */
  observe(rawQuery: string, resultCount: number, sinceKeystrokeMs?: number): void;
  /** The reader typed in the search box: the shown query has not settled yet. */
  typing(): void;
  /** The reader opened a result (its site path). */
  opened(path: string): void;
  /** The reader clicked a contact link. */
  contact(): void;
  /** The page is going away or hidden: send what has settled. */
  flush(): void;
}

interface Pending {
  query: string;
  resultCount: number;
  settled: boolean;
  opened: string | null;
  contact: boolean;
}

export function createSearchInsights(config: InsightsConfig, deps: InsightsDeps): SearchInsightsTracker {
  const sent = new Set<string>();
  let pending: Pending | undefined;
  let timer: unknown;

  const stopTimer = () => {
    if (timer !== undefined) deps.clearTimer(timer);
    timer = undefined;
  };

  const readZero = (): string | null => {
    try {
      return deps.storage?.getItem(ZERO_RESULT_KEY) ?? null;
    } catch {
      return null;
    }
  };
  const writeZero = (query: string | null) => {
    try {
      if (query) deps.storage?.setItem(ZERO_RESULT_KEY, query);
      else deps.storage?.removeItem(ZERO_RESULT_KEY);
    } catch {
      // Storage blocked (private mode, policy): synonyms are simply not suggested.
    }
  };

  function send(): void {
    stopTimer();
    const p = pending;
    pending = undefined;
    if (!p || !p.settled || sent.has(p.query)) return;
    sent.add(p.query);
    const body: SearchEventBody = {
      eventId: deps.createId(),
      query: p.query,
      resultCount: p.resultCount,
      opened: p.resultCount > 0 ? p.opened : null,
      contact: p.contact,
      ...(config.channel && { channel: config.channel }),
      language: config.language,
      revision: config.revision,
    };
    const zero = readZero();
    if (p.resultCount === 0) writeZero(p.query);
    else if (zero) {
      if (zero !== p.query) body.refinedFrom = zero;
      writeZero(null);
    }
    try {
      deps.send(config.endpoint, JSON.stringify(body));
    } catch {
      // A beacon that cannot be queued is dropped: insights are best effort.
    }
  }

  /** Settles `p` SETTLE_MS after the last keystroke, `sinceKeystrokeMs` ago. */
  const settleLater = (p: Pending, sinceKeystrokeMs: number) => {
    stopTimer();
    const wait = SETTLE_MS - Math.max(0, sinceKeystrokeMs);
    if (wait <= 0) {
      p.settled = true;
      return;
    }
    timer = deps.setTimer(() => {
      timer = undefined;
      p.settled = true;
    }, wait);
  };

  return {
    observe(rawQuery, resultCount, sinceKeystrokeMs = 0) {
      const query = normalizeSearchQuery(rawQuery);
      if (pending && pending.query === query) {
        pending.resultCount = resultCount;
        // Typed on and back to the same words: the settling the keystroke put off starts again.
        if (!pending.settled && timer === undefined) settleLater(pending, sinceKeystrokeMs);
        return;
      }
      if (pending?.settled) send();
      stopTimer();
      pending = undefined;
      if (!query || sent.has(query)) return;
      const next: Pending = { query, resultCount, settled: false, opened: null, contact: false };
      pending = next;
      settleLater(next, sinceKeystrokeMs);
    },
    typing() {
      if (pending && !pending.settled) stopTimer();
    },
    opened(path) {
      if (!pending) return;
      pending.settled = true;
      pending.opened = path.slice(0, 300);
      send();
    },
    contact() {
      if (!pending) return;
      pending.settled = true;
      pending.contact = true;
      send();
    },
    flush() {
      send();
    },
  };
}

/** The settings the build rendered on a search box, or undefined when insights are off. */
export function readInsightsConfig(box: HTMLElement): InsightsConfig | undefined {
  const endpoint = box.dataset.searchInsights;
  if (!endpoint) return undefined;
  return {
    endpoint,
    language: box.dataset.searchLanguage || document.documentElement.lang || 'en',
    revision: box.dataset.searchRevision || 'unknown',
  };
}

/**
 * What a result click records: the page's path, and for a FAQ (all on the FAQ page, one anchor
 * each) its anchor too, so the report can say which question was opened.
 */
export function getOpenedPath(url: URL): string {
  return /\/faq\/$/.test(url.pathname) && /^#[\w-]+$/.test(url.hash) ? url.pathname + url.hash : url.pathname;
}

let tracker: SearchInsightsTracker | undefined;

/** The page's one tracker (several search boxes share it), wired to clicks and page hiding. */
export function getSearchInsights(box: HTMLElement): SearchInsightsTracker | undefined {
  if (tracker) return tracker;
  const config = readInsightsConfig(box);
  if (!config || typeof navigator.sendBeacon !== 'function') return undefined;
  let storage: Storage | undefined;
  try {
    storage = window.sessionStorage;
  } catch {
    storage = undefined;
  }
  const t = createSearchInsights(config, {
    send: (url, body) => navigator.sendBeacon(url, body),
    storage,
    setTimer: (fn, ms) => window.setTimeout(fn, ms),
    clearTimer: (handle) => window.clearTimeout(handle as number),
    createId: () => crypto.randomUUID(),
  });
  tracker = t;
  document.addEventListener(
    'click',
    (event) => {
      const link = (event.target as Element | null)?.closest?.('a');
      if (!link) return;
      // A result, or the answer card's link to the page it quotes: both open a result.
      if (link.closest('[data-search-results] .result-list, [data-search-results] .answer-card')) {
        const url = new URL(link.href, location.href);
        if (url.origin === location.origin) t.opened(getOpenedPath(url));
      } else if (link.closest('[data-contact]') || /^(mailto|tel):/i.test(link.getAttribute('href') ?? '')) {
        t.contact();
      }
    },
    { capture: true },
  );
  addEventListener('pagehide', () => t.flush());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') t.flush();
  });
  return t;
}
