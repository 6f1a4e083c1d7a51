/**
 * `<help-center>`: the in-product widget. A launcher button opens a dialog panel in the element's
 * shadow root with search (the help center's Pagefind index, loaded on first search), the
 * articles suggested for the product page it sits on (route map), an article or FAQ read in the
 * panel with "Was this helpful?", answer cards, and the contact channels. Keyboard: the open
 * panel keeps focus inside (Tab wraps), Escape closes it, focus returns to the launcher.
 *
 * API for the host page: `setRoute(path)` (single-page apps), `open()`, `close()`,
 * `openItem(kind, slug)`, `attachForm(form, { subject })` (deflection.ts).
 */
import { escapeHtml } from '../lib/html.ts';
import { getAnswerCard, getAnswerCardTexts, renderAnswerCard } from '../search/client/answer-card.ts';
import { bindAnswerCardVote, sendAnswerVote } from '../search/client/answer-card-vote.ts';
import type { PagefindResultData } from '../search/client/pagefind-api.ts';
import { createSearchInsights, type SearchInsightsTracker } from '../search/client/search-insights.ts';
import { getRouteSuggestions, type RouteMap, type RouteMapEntry } from './route-map.ts';
import { getWidgetFragmentPath, WIDGET_ROUTES_PATH, type WidgetConfig, type WidgetFragment } from './widget-config.ts';
import { getResultItem, loadWidgetSearch } from './widget-search.ts';
import { getWidgetCss } from './widget-styles.ts';
import { bindReasonsForm, renderReasonsForm } from './vote-reasons.ts';
import { createWidgetText } from './widget-texts.ts';

const RESULT_LIMIT = 8;
const DEBOUNCE_MS = 150;
const FOCUSABLE = 'a[href],button:not([disabled]),input:not([disabled]),[tabindex]:not([tabindex="-1"])';

let instances = 0;

export function defineHelpCenterElement(config: WidgetConfig): void {
  if (customElements.get('help-center')) return;
  const T = createWidgetText(config.texts, config.language);

  class HelpCenterElement extends HTMLElement {
    #root: ShadowRoot;
    #launcher!: HTMLButtonElement;
    #panel!: HTMLElement;
    #input!: HTMLInputElement;
    #status!: HTMLElement;
    #list!: HTMLElement;
    #searchView!: HTMLElement;
    #articleView!: HTMLElement;
    #route: string = location.pathname;
    #routes: Promise<RouteMap | undefined> | undefined;
    #generation = 0;
    #timer: number | undefined;
    #insights: SearchInsightsTracker | undefined;
    readonly #id = `hc${++instances}`;

    constructor() {
      super();
      this.#root = this.attachShadow({ mode: 'open' });
    }

    connectedCallback(): void {
      if (this.#launcher) return;
      const id = this.#id;
      this.#root.innerHTML =
        `<style>${getWidgetCss(config.brandColor)}</style>` +
        `<button class="launcher" type="button" aria-expanded="false" aria-controls="${id}-panel" aria-haspopup="dialog">${escapeHtml(T.t('widget.launcher'))}</button>` +
        `<section class="panel" id="${id}-panel" role="dialog" aria-modal="true" aria-labelledby="${id}-title" hidden>` +
        `<header><h2 id="${id}-title">${escapeHtml(config.name)}</h2><button class="icon" type="button" data-close aria-label="${escapeHtml(T.t('widget.close'))}">✕</button></header>` +
        `<div class="body">` +
        `<div data-view="search"><form role="search" data-form><label for="${id}-q">${escapeHtml(T.t('search.label'))}</label>` +
        `<input id="${id}-q" type="search" autocomplete="off" spellcheck="false" enterkeyhint="search" placeholder="${escapeHtml(T.t('search.placeholder'))}"></form>` +
        `<p class="status" role="status" aria-live="polite" data-status></p><div data-list></div>${this.#renderContact()}</div>` +
        `<div data-view="article" hidden></div>` +
        `</div></section>`;
      const $ = <E extends Element>(selector: string) => this.#root.querySelector<E>(selector)!;
      this.#launcher = $('.launcher');
      this.#panel = $('.panel');
      this.#input = $('input');
      this.#status = $('[data-status]');
      this.#list = $('[data-list]');
      this.#searchView = $('[data-view=search]');
      this.#articleView = $('[data-view=article]');
      if (this.hasAttribute('no-launcher')) this.#launcher.hidden = true;
      if (config.insightsEndpoint) {
        this.#insights = createSearchInsights(
          {
            endpoint: config.insightsEndpoint,
            language: config.language,
            revision: config.revision,
            channel: 'widget',
          },
          {
            send: (url, body) => navigator.sendBeacon?.(url, body) ?? false,
            storage: undefined,
            setTimer: (fn, ms) => window.setTimeout(fn, ms),
            clearTimer: (handle) => window.clearTimeout(handle as number),
            createId: () => crypto.randomUUID(),
          },
        );
        addEventListener('pagehide', () => this.#insights?.flush());
      }

      this.#launcher.addEventListener('click', () => (this.#panel.hidden ? this.open() : this.close()));
      $('[data-close]').addEventListener('click', () => this.close());
      $('[data-form]').addEventListener('submit', (event) => {
        event.preventDefault();
        void this.#search(false);
      });
      this.#input.addEventListener('input', () => void this.#search(true));
      this.#panel.addEventListener('keydown', (event) => this.#onKeydown(event));
      this.#root.addEventListener('click', (event) => this.#onClick(event));
    }

    /** The product page the widget is on, for its suggestions (single-page apps call this on navigation). */
    setRoute(path: string): void {
      this.#route = path;
      if (!this.#panel.hidden && !this.#input.value.trim()) void this.#showSuggestions();
    }

    open(): void {
      if (!this.#panel.hidden) return;
      this.#panel.hidden = false;
      this.#launcher.setAttribute('aria-expanded', 'true');
      if (!this.#input.value.trim() && this.#articleView.hidden) void this.#showSuggestions();
      (this.#articleView.hidden ? this.#input : this.#articleView.querySelector<HTMLElement>('h1'))?.focus();
    }

    close(): void {
      if (this.#panel.hidden) return;
      this.#panel.hidden = true;
      this.#launcher.setAttribute('aria-expanded', 'false');
      this.#insights?.flush();
      if (!this.#launcher.hidden) this.#launcher.focus();
    }

    /** Opens an article or FAQ answer in the panel. */
    async openItem(kind: 'article' | 'faq', slug: string): Promise<void> {
      this.open();
      this.#searchView.hidden = true;
      this.#articleView.hidden = false;
      this.#articleView.innerHTML = `<button class="back" type="button" data-back>← ${escapeHtml(T.t('widget.back'))}</button><p class="status" role="status">…</p>`;
      let fragment: WidgetFragment;
      try {
        const response = await fetch(new URL(getWidgetFragmentPath(kind, slug).slice(1), config.helpUrl), {
          credentials: 'omit',
        });
        if (!response.ok) throw new Error(String(response.status));
        fragment = (await response.json()) as WidgetFragment;
      } catch {
        this.#articleView.querySelector('[role=status]')!.textContent = T.t('widget.loadFailed');
        return;
      }
      const pageUrl = new URL(fragment.path.replace(/^\//, ''), config.helpUrl).href;
      const vote = config.feedbackEndpoint
        ? `<div class="vote" role="group" aria-labelledby="${this.#id}-vote"><span id="${this.#id}-vote">${escapeHtml(T.t('widget.helpful'))}</span> ` +
          `<button type="button" data-answer-vote="up">${escapeHtml(T.t('results.answer.yes'))}</button><button type="button" data-answer-vote="down">${escapeHtml(T.t('results.answer.no'))}</button></div>` +
          `<p class="status" role="status" data-answer-status></p>`
        : '';
      this.#articleView.innerHTML =
        `<button class="back" type="button" data-back>← ${escapeHtml(T.t('widget.back'))}</button>` +
        `<article class="article"><h1 tabindex="-1">${escapeHtml(fragment.title)}</h1>` +
        (fragment.description ? `<p class="muted">${escapeHtml(fragment.description)}</p>` : '') +
        `<div data-html></div></article>${vote}` +
        `<p><a href="${escapeHtml(pageUrl)}" target="_blank" rel="noopener">${escapeHtml(T.t('widget.openInHelpCenter'))}</a></p>${this.#renderContact()}`;
      const body = this.#articleView.querySelector<HTMLElement>('[data-html]')!;
      // The build's own rendering of the writers' Markdown; links point at the help center.
      body.innerHTML = fragment.html;
      for (const a of body.querySelectorAll<HTMLAnchorElement>('a[href]')) {
        const href = a.getAttribute('href')!;
        if (href.startsWith('#')) continue;
        a.href = new URL(href.replace(/^\//, ''), config.helpUrl).href;
        a.target = '_blank';
        a.rel = 'noopener';
      }
      for (const img of body.querySelectorAll<HTMLImageElement>('img[src]'))
        img.src = new URL(img.getAttribute('src')!.replace(/^\//, ''), config.helpUrl).href;
      if (config.feedbackEndpoint) this.#bindVote(fragment);
      this.#articleView.querySelector<HTMLElement>('h1')!.focus();
    }

    /** "Was this helpful?" under an opened page; after a "No", what went wrong, as on the page. */
    #bindVote(fragment: WidgetFragment): void {
      const view = this.#articleView;
      const item = { itemId: fragment.id, pagePath: fragment.path.split('#')[0]! };
      const voteConfig = { endpoint: config.feedbackEndpoint!, language: config.language, revision: config.revision };
      bindAnswerCardVote(view, item, voteConfig, T, (vote, eventId) => {
        if (vote !== 'down') return;
        const status = view.querySelector<HTMLElement>('[data-answer-status]')!;
        status.textContent = T.t('feedback.recordedNo');
        status.insertAdjacentHTML('afterend', renderReasonsForm(this.#id, T));
        bindReasonsForm(view.querySelector<HTMLFormElement>('[data-reasons]')!, status, T, (reason, comment) =>
          sendAnswerVote(voteConfig, item, 'down', { reason, comment: comment || undefined, replaces: eventId }).then(
            Boolean,
          ),
        );
      });
    }

    /** Searches the help center (the deflection suggestions use it too). */
    searchHelp(query: string, limit: number) {
      return loadWidgetSearch(config.helpUrl).then((s) => s.search(query, limit));
    }

    #backToSearch(): void {
      this.#articleView.hidden = true;
      this.#articleView.replaceChildren();
      this.#searchView.hidden = false;
      this.#input.focus();
    }

    async #showSuggestions(): Promise<void> {
      this.#routes ??= fetch(new URL(WIDGET_ROUTES_PATH.slice(1), config.helpUrl), { credentials: 'omit' })
        .then((r) => (r.ok ? (r.json() as Promise<RouteMap>) : undefined))
        .catch(() => undefined);
      const map = await this.#routes;
      if (this.#input.value.trim()) return;
      const found: RouteMapEntry[] = map ? getRouteSuggestions(map, this.#route) : [];
      this.#list.innerHTML = found.length
        ? `<h3 id="${this.#id}-suggested">${escapeHtml(T.t('widget.suggested'))}</h3><ul aria-labelledby="${this.#id}-suggested">${found
            .map(
              (r) =>
                `<li><a class="result" href="${escapeHtml(new URL(r.path.replace(/^\//, ''), config.helpUrl).href)}" data-item="article:${escapeHtml(r.id.slice(8))}"><span class="title">${escapeHtml(r.title)}</span></a></li>`,
            )
            .join('')}</ul>`
        : '';
    }

    async #search(debounce: boolean): Promise<void> {
      const mine = ++this.#generation;
      const query = this.#input.value.trim();
      if (!query) {
        this.#insights?.observe('', 0);
        this.#status.textContent = '';
        void this.#showSuggestions();
        return;
      }
      if (debounce) {
        await new Promise((resolve) => {
          window.clearTimeout(this.#timer);
          this.#timer = window.setTimeout(resolve, DEBOUNCE_MS);
        });
        if (mine !== this.#generation) return;
      }
      let found;
      try {
        found = await this.searchHelp(query, RESULT_LIMIT);
      } catch {
        if (mine === this.#generation) this.#status.textContent = T.t('widget.searchFailed');
        return;
      }
      if (mine !== this.#generation) return;
      const card = getAnswerCard(found.results[0]);
      this.#status.textContent = found.total
        ? T.plural('results.count', found.total, { query })
        : T.t('widget.noResults', { query });
      this.#list.innerHTML =
        (card
          ? renderAnswerCard(card, Boolean(config.feedbackEndpoint), getAnswerCardTexts(T))
              .replace('<h2', '<h3')
              .replace('</h2>', '</h3>')
          : '') + (found.results.length ? `<ul>${found.results.map((r) => this.#renderResult(r)).join('')}</ul>` : '');
      if (card && config.feedbackEndpoint)
        bindAnswerCardVote(
          this.#list,
          card,
          { endpoint: config.feedbackEndpoint, language: config.language, revision: config.revision },
          T,
        );
      this.#insights?.observe(query, found.total);
    }

    #renderResult(r: PagefindResultData): string {
      const item = getResultItem(r);
      const meta = [r.meta.category, item.kind === 'faq' ? T.t('results.faq') : T.t('results.article')]
        .filter(Boolean)
        .join(' · ');
      return (
        `<li><a class="result" href="${escapeHtml(r.url)}" data-item="${item.kind}:${escapeHtml(item.slug)}">` +
        `<span class="title">${escapeHtml(r.meta.title ?? r.url)}</span> <span class="meta">${escapeHtml(meta)}</span>` +
        `<span class="excerpt">${r.excerpt}</span></a></li>`
      );
    }

    #renderContact(): string {
      const c = config.contact;
      const links = [
        c.chatUrl &&
          `<a href="${escapeHtml(c.chatUrl)}" target="_blank" rel="noopener">${escapeHtml(T.t('contact.chat'))}</a>`,
        c.email &&
          `<a href="mailto:${escapeHtml(c.email)}">${escapeHtml(T.t('contact.email', { email: c.email }))}</a>`,
        c.ticketUrl &&
          `<a href="${escapeHtml(c.ticketUrl)}" target="_blank" rel="noopener">${escapeHtml(T.t('contact.ticket'))}</a>`,
        c.phone &&
          `<a href="tel:${escapeHtml(c.phone.number.replace(/[^\d+]/g, ''))}">${escapeHtml(T.t('contact.call', { number: c.phone.number, hours: c.phone.hours }))}</a>`,
      ].filter(Boolean);
      if (links.length === 0) return '';
      return `<div class="contact" data-contact><h3>${escapeHtml(T.t('contact.heading'))}</h3>${links.join('')}</div>`;
    }

    #onClick(event: Event): void {
      const target = event.target as Element;
      if (target.closest('[data-back]')) {
        this.#backToSearch();
        return;
      }
      const link = target.closest<HTMLAnchorElement>('a');
      if (!link) return;
      if (link.closest('[data-contact]')) {
        this.#insights?.contact();
        return;
      }
      const item = link.dataset.item ?? link.closest<HTMLElement>('.answer-card')?.dataset.answerItem;
      const mouse = event as MouseEvent;
      if (!item || mouse.ctrlKey || mouse.metaKey || mouse.shiftKey || mouse.button > 0) return;
      event.preventDefault();
      const [kind, slug] = item.split(':') as ['article' | 'faq', string];
      this.#insights?.opened(new URL(link.href).pathname);
      void this.openItem(kind, slug);
    }

    #onKeydown(event: KeyboardEvent): void {
      if (event.key === 'Escape') {
        event.preventDefault();
        this.close();
        return;
      }
      if (event.key !== 'Tab') return;
      const focusable = Array.from(this.#panel.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
        (el) => !el.closest('[hidden]'),
      );
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      const active = this.#root.activeElement;
      if (!first || !last) return;
      if (event.shiftKey && (active === first || !this.#panel.contains(active))) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (active === last || !this.#panel.contains(active))) {
        event.preventDefault();
        first.focus();
      }
    }
  }

  customElements.define('help-center', HelpCenterElement);
}

/** The element's API as the host page sees it. */
export interface HelpCenterWidgetElement extends HTMLElement {
  setRoute(path: string): void;
  open(): void;
  close(): void;
  openItem(kind: 'article' | 'faq', slug: string): Promise<void>;
  searchHelp(query: string, limit: number): Promise<{ total: number; results: PagefindResultData[] }>;
}
