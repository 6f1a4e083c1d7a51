/**
 * `<help-center>`: the in-product widget. A launcher button opens a dialog panel in the element's
 * shadow root with search (the help center's Pagefind index, loaded on first search), the
 * articles suggested for the product page it sits on (route map), an article or FAQ read in the
 * panel with "Was this helpful?", answer cards, and the contact channels. Keyboard: the open
 * panel keeps focus inside (Tab wraps), Escape closes it, focus returns to the launcher.
 *
 * API for the host page: `setRoute(path)` (single-page apps), `open()`, `close()`,
 * `openItem(kind, slug)`, `attachForm(form, { subject })` (deflection.ts).
 *
 * It runs in someone else's page: every string from the network (titles, excerpts, URLs, the
 * configuration's strings) goes in as text or as a checked link, and the article's HTML only
 * through safe-dom.ts's allow-list; no markup is parsed in the page.
 */
import type { AnswerCard } from '../search/client/answer-card.ts';
import { bindAnswerCardVote, sendAnswerVote } from '../search/client/answer-card-vote.ts';
import type { PagefindResultData } from '../search/client/pagefind-api.ts';
import { createSearchInsights, getOpenedPath, type SearchInsightsTracker } from '../search/client/search-insights.ts';
import { getSearchDelay, shouldPreload } from '../search/client/typing-pause.ts';
import { createUuid } from '../feedback/widget/uuid.ts';
import { getSafeUrl } from './fragment-allow-list.ts';
import { getRouteSuggestions, type RouteMap, type RouteMapEntry } from './route-map.ts';
import { adoptStyles, buildExcerpt, buildFragment, fill, h, type Child } from './safe-dom.ts';
import type { Visit } from './contact-form.ts';
import {
  getWidgetFragmentPath,
  getWidgetLanguagePath,
  getWidgetRoutesPath,
  WIDGET_CONTACT_FORM_PATH,
  WIDGET_SEARCH_PATH,
  type WidgetConfig,
  type WidgetFragment,
  type WidgetLanguage,
} from './widget-config.ts';
import { pickWidgetLanguage } from './widget-language.ts';

type ContactFormModule = typeof import('./contact-form.ts');
type SearchModule = typeof import('./search-module.ts');

import { getResultItem } from './result-item.ts';
import { getWidgetCss } from './widget-styles.ts';
import { bindReasonsForm, buildReasonsForm } from './vote-reasons.ts';
import { createWidgetText, type WidgetText } from './widget-texts.ts';

/** The search's module (search-module.ts), loaded on the first search; a failed load is tried again. */
let searchModule: Promise<SearchModule> | undefined;
function loadSearchModule(helpUrl: string): Promise<SearchModule> {
  searchModule ??= import(
    /* @vite-ignore */ new URL(WIDGET_SEARCH_PATH.slice(1), helpUrl).href
  ) as Promise<SearchModule>;
  searchModule.catch(() => (searchModule = undefined));
  return searchModule;
}

const RESULT_LIMIT = 8;
const FOCUSABLE = 'a[href],button:not([disabled]),input:not([disabled]),textarea,[tabindex]:not([tabindex="-1"])';
/** Searches and pages read kept for the contact form's context: the last few of this visit. */
const VISIT_LIMIT = 10;

let instances = 0;

/** `scriptLanguage`: the script tag's `data-lang`. */
export function defineHelpCenterElement(config: WidgetConfig, scriptLanguage?: string): void {
  if (customElements.get('help-center')) return;
  /** One of the help center's files (a site path without base), read across origins without cookies. */
  const getFile = (sitePath: string) => fetch(new URL(sitePath.slice(1), config.helpUrl), { credentials: 'omit' });

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
    /** The search running now: one at a time, as on the help center's pages (search-ui.ts). */
    #running: Promise<unknown> = Promise.resolve();
    /** The query of the results on screen: a key that leaves it the same (a space) searches nothing. */
    #shown = '';
    /** The vocabulary's words once the search has loaded: a word still being typed waits. */
    #isWord: ((word: string) => boolean) | undefined;
    /** When the reader last typed (performance.now()); -Infinity before any keystroke. */
    #keystrokeAt = -Infinity;
    #insights: SearchInsightsTracker | undefined;
    readonly #id = `hc${++instances}`;
    /** The widget's language: its strings, and the files of that language (undefined: the default's). */
    #T: WidgetText = createWidgetText(config.texts, config.language);
    #language = config.language;
    #files: string | undefined;
    #dir = config.dir;
    #ready: Promise<void> | undefined;
    readonly #visit: Visit = { searches: [], read: [] };

    constructor() {
      super();
      this.#root = this.attachShadow({ mode: 'open' });
    }

    connectedCallback(): void {
      this.#ready ??= this.#start();
    }

    /** In another language than the default, its strings first: the launcher shows in that language. */
    async #start(): Promise<void> {
      const files = pickWidgetLanguage(
        [this.getAttribute('lang'), scriptLanguage, document.documentElement.lang],
        config.language,
        config.languages ?? [],
      );
      if (files) {
        const found = await getFile(getWidgetLanguagePath(files))
          .then((r) => (r.ok ? (r.json() as Promise<WidgetLanguage>) : undefined))
          .catch(() => undefined);
        // Without its strings (an older build, a network blip), the widget stays in the default language.
        if (found) {
          this.#T = createWidgetText(found.texts, found.language);
          this.#language = found.language;
          this.#files = files;
          this.#dir = found.dir;
        }
      }
      this.#build();
    }

    #build(): void {
      const T = this.#T;
      const id = this.#id;
      adoptStyles(this.#root, getWidgetCss(config.brandColor));
      const close = h('button', { class: 'icon', type: 'button', 'aria-label': T.t('widget.close') }, '✕');
      const form = h(
        'form',
        { role: 'search' },
        h('label', { for: `${id}-q` }, T.t('search.label')),
        (this.#input = h('input', {
          id: `${id}-q`,
          type: 'search',
          autocomplete: 'off',
          spellcheck: 'false',
          enterkeyhint: 'search',
          placeholder: T.t('search.placeholder'),
        })),
      );
      this.#launcher = h(
        'button',
        {
          class: 'launcher',
          type: 'button',
          'aria-expanded': 'false',
          'aria-controls': `${id}-panel`,
          'aria-haspopup': 'dialog',
        },
        T.t('widget.launcher'),
      );
      this.#panel = h(
        'section',
        {
          class: 'panel',
          id: `${id}-panel`,
          role: 'dialog',
          'aria-modal': 'true',
          'aria-labelledby': `${id}-title`,
          hidden: '',
        },
        h('div', { class: 'head' }, h('h2', { id: `${id}-title` }, config.name), close),
        h(
          'div',
          { class: 'body' },
          (this.#searchView = h(
            'div',
            null,
            form,
            (this.#status = h('p', { class: 'status', role: 'status', 'data-status': '' })),
            (this.#list = h('div', { 'data-list': '' })),
            this.#buildContact(),
          )),
          (this.#articleView = h('div', { hidden: '' })),
        ),
      );
      this.#launcher.lang = this.#panel.lang = this.#language;
      this.#launcher.dir = this.#panel.dir = this.#dir;
      this.#root.append(this.#launcher, this.#panel);
      if (this.hasAttribute('no-launcher')) this.#launcher.hidden = true;
      if (config.insightsEndpoint) {
        this.#insights = createSearchInsights(
          {
            endpoint: config.insightsEndpoint,
            language: this.#language,
            revision: config.revision,
            channel: 'widget',
          },
          {
            send: (url, body) => navigator.sendBeacon?.(url, body) ?? false,
            storage: undefined,
            setTimer: (fn, ms) => window.setTimeout(fn, ms),
            clearTimer: (handle) => window.clearTimeout(handle as number),
            createId: createUuid,
          },
        );
        addEventListener('pagehide', () => this.#insights?.flush());
      }

      this.#launcher.addEventListener('click', () => (this.#panel.hidden ? this.open() : this.close()));
      close.addEventListener('click', () => this.close());
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        void this.#search(false);
      });
      this.#input.addEventListener('input', () => {
        // A query settles a pause after the last keystroke, however slow its results.
        this.#keystrokeAt = performance.now();
        this.#insights?.typing();
        void this.#search(true);
      });
      this.#panel.addEventListener('keydown', (event) => this.#onKeydown(event));
      this.#root.addEventListener('click', (event) => this.#onClick(event));
    }

    /** The product page the widget is on, for its suggestions (single-page apps call this on navigation). */
    setRoute(path: string): void {
      this.#route = path;
      if (this.#panel && !this.#panel.hidden && !this.#input.value.trim()) void this.#showSuggestions();
    }

    open(): void {
      if (!this.#panel?.hidden) return;
      this.#panel.hidden = false;
      this.#launcher.setAttribute('aria-expanded', 'true');
      if (!this.#input.value.trim() && this.#articleView.hidden) void this.#showSuggestions();
      (this.#articleView.hidden ? this.#input : this.#articleView.querySelector<HTMLElement>('h1'))?.focus();
    }

    close(): void {
      if (!this.#panel || this.#panel.hidden) return;
      this.#panel.hidden = true;
      this.#launcher.setAttribute('aria-expanded', 'false');
      this.#insights?.flush();
      if (!this.#launcher.hidden) this.#launcher.focus();
    }

    /** Opens an article or FAQ answer in the panel; `inDefaultLanguage`: a result of the default language's search. */
    async openItem(kind: 'article' | 'faq', slug: string, inDefaultLanguage = false): Promise<void> {
      await this.#ready;
      this.open();
      this.#searchView.hidden = true;
      this.#articleView.hidden = false;
      fill(this.#articleView, this.#buildBack(), h('p', { class: 'status', role: 'status' }, '…'));
      let fragment: WidgetFragment;
      let body: DocumentFragment;
      try {
        const response = await getFile(getWidgetFragmentPath(kind, slug, inDefaultLanguage ? undefined : this.#files));
        if (!response.ok) throw new Error(String(response.status));
        fragment = (await response.json()) as WidgetFragment;
        // The build sanitised the fragment; the allow-list rebuilds it here anyway (safe-dom.ts).
        body = buildFragment(fragment.html, config.helpUrl);
      } catch {
        this.#articleView.querySelector('[role=status]')!.textContent = this.#T.t('widget.loadFailed');
        return;
      }
      this.#remember(this.#visit.read, { title: fragment.title, path: fragment.path }, (v) => v.path === fragment.path);
      const T = this.#T;
      fill(
        this.#articleView,
        this.#buildBack(),
        h(
          'article',
          { class: 'article' },
          h('h1', { tabindex: '-1' }, fragment.title),
          fragment.description && h('p', { class: 'muted' }, fragment.description),
          h('div', { 'data-html': '' }, body),
        ),
        ...this.#buildVote('vote', T.t('widget.helpful')),
        h(
          'p',
          null,
          h('a', { href: getSafeUrl(fragment.path, config.helpUrl), target: '_blank' }, T.t('widget.openInHelpCenter')),
        ),
        this.#buildContact(),
      );
      if (config.feedbackEndpoint) this.#bindVote(fragment);
      this.#articleView.querySelector<HTMLElement>('h1')!.focus();
    }

    /** "Was this helpful?" under an opened page; after a "No", what went wrong, as on the page. */
    #bindVote(fragment: WidgetFragment): void {
      const view = this.#articleView;
      const T = this.#T;
      const voteConfig = this.#voteConfig();
      const item = { itemId: fragment.id, pagePath: fragment.path.split('#')[0]! };
      bindAnswerCardVote(view, item, voteConfig, T, (vote, eventId) => {
        if (vote !== 'down') return;
        // The form's legend asks what went wrong, once: the status line says nothing until it is sent.
        const status = view.querySelector<HTMLElement>('[data-answer-status]')!;
        status.textContent = '';
        const form = buildReasonsForm(this.#id, T);
        status.after(form);
        form.querySelector('input')!.focus();
        bindReasonsForm(form, status, T, (reason, comment) =>
          sendAnswerVote(voteConfig, item, 'down', { reason, comment: comment || undefined, replaces: eventId }).then(
            Boolean,
          ),
        );
      });
    }

    /** Searches the help center (the deflection suggestions use it too). */
    searchHelp(query: string, limit: number) {
      return loadSearchModule(config.helpUrl)
        .then((m) => m.loadWidgetSearch(config.helpUrl, this.#language))
        .then((s) => s.search(query, limit));
    }

    #voteConfig() {
      return { endpoint: config.feedbackEndpoint!, language: this.#language, revision: config.revision };
    }

    /** Keeps the last few searches and pages of the visit for the contact form (a repeat once). */
    #remember<V>(list: V[], value: V, same: (v: V) => boolean): void {
      if (list.some(same)) return;
      list.push(value);
      if (list.length > VISIT_LIMIT) list.shift();
    }

    /** The contact form in the panel, its module loaded now (contact-form.ts). */
    #openContactForm(): void {
      this.#searchView.hidden = true;
      this.#articleView.hidden = false;
      const status = h('p', { class: 'status', role: 'status' }, '…');
      fill(this.#articleView, this.#buildBack(), status);
      (
        import(
          /* @vite-ignore */ new URL(WIDGET_CONTACT_FORM_PATH.slice(1), config.helpUrl).href
        ) as Promise<ContactFormModule>
      )
        .then((m) =>
          m.showContactForm(this.#articleView, {
            id: this.#id,
            root: this.#root,
            helpUrl: config.helpUrl,
            files: this.#files,
            endpoint: config.contactEndpoint!,
            language: this.#language,
            page: this.#route.split(/[?#]/)[0] || '/',
            visit: this.#visit,
            onCancel: () => this.#backToSearch(),
          }),
        )
        .catch(() => (status.textContent = this.#T.t('widget.loadFailed')));
    }

    #backToSearch(): void {
      this.#articleView.hidden = true;
      fill(this.#articleView);
      this.#searchView.hidden = false;
      this.#input.focus();
    }

    async #showSuggestions(): Promise<void> {
      this.#routes ??= getFile(getWidgetRoutesPath(this.#files))
        .then((r) => (r.ok ? (r.json() as Promise<RouteMap>) : undefined))
        .catch(() => undefined);
      const map = await this.#routes;
      if (this.#input.value.trim()) return;
      const found: RouteMapEntry[] = map ? getRouteSuggestions(map, this.#route) : [];
      const suggested = `${this.#id}-suggested`;
      const T = this.#T;
      fill(
        this.#list,
        found.length > 0 && h('h3', { id: suggested }, T.t('widget.suggested')),
        found.length > 0 &&
          h(
            'ul',
            { 'aria-labelledby': suggested },
            ...found.map((r) =>
              this.#buildResult(getSafeUrl(r.path, config.helpUrl), `article:${r.id.slice(8)}`, r.title),
            ),
          ),
      );
    }

    async #search(debounce: boolean): Promise<void> {
      const mine = ++this.#generation;
      const query = this.#input.value.trim();
      if (!query) {
        this.#shown = '';
        this.#insights?.observe('', 0);
        this.#status.textContent = '';
        void this.#showSuggestions();
        return;
      }
      if (debounce) {
        if (query === this.#shown) return;
        // The typing pause of the help center's search box (typing-pause.ts): a last word of one or
        // two letters, or no word of the index yet, waits for the reader to stop, so no index chunk
        // is fetched for every prefix; the chunks a word will need load during the pause.
        const delay = getSearchDelay(query, this.#isWord);
        if (shouldPreload(query, this.#isWord))
          void loadSearchModule(config.helpUrl)
            .then((m) => m.preloadWidgetSearch(config.helpUrl, this.#language, query))
            .catch(() => {});
        await new Promise((resolve) => {
          window.clearTimeout(this.#timer);
          this.#timer = window.setTimeout(resolve, delay);
        });
        if (mine !== this.#generation) return;
      }
      await this.#running;
      if (mine !== this.#generation) return;
      const job = loadSearchModule(config.helpUrl).then((m) =>
        m.searchWidget({
          helpUrl: config.helpUrl,
          query,
          limit: RESULT_LIMIT,
          language: this.#language,
          defaultLanguage: config.language,
          text: this.#T,
          // A newer query is waiting: no result data (fragments) loaded for results no one will see.
          isCurrent: () => mine === this.#generation,
        }),
      );
      this.#running = job.catch(() => {});
      let found;
      try {
        found = await job;
      } catch {
        if (mine === this.#generation) this.#status.textContent = this.#T.t('widget.searchFailed');
        return;
      }
      this.#isWord = found.isWord;
      if (mine !== this.#generation) return;
      const T = this.#T;
      const { card, total } = found;
      this.#status.textContent = total
        ? T.plural('results.count', total, { query })
        : T.t('widget.noResults', { query });
      fill(
        this.#list,
        card && this.#buildAnswerCard(card),
        found.results.length > 0 &&
          h('ul', null, ...found.results.map((m) => this.#buildSearchResult(m.result, m.language, m.label))),
      );
      if (card && config.feedbackEndpoint)
        bindAnswerCardVote(this.#list, card, this.#voteConfig(), T, (vote) => {
          // A "Yes" on the card: the reader found the answer without leaving, as good as opening it.
          if (vote === 'up') this.#insights?.opened(getOpenedPath(new URL(card.url, location.href)));
        });
      this.#shown = query;
      this.#insights?.observe(query, total, performance.now() - this.#keystrokeAt);
      this.#remember(this.#visit.searches, query, (v) => v === query);
    }

    /** A search result; `language` set: from the default language's index, marked (`label`) and opened in that language. */
    #buildSearchResult(r: PagefindResultData, language?: string, label?: string): HTMLLIElement {
      const item = getResultItem(r);
      const T = this.#T;
      const meta = [r.meta.category, item.kind === 'faq' ? T.t('results.faq') : T.t('results.article')]
        .filter(Boolean)
        .join(' · ');
      const marker = label && h('span', { class: 'result-language', lang: this.#language }, ` · ${label}`);
      const li = this.#buildResult(
        getSafeUrl(r.url, config.helpUrl),
        `${item.kind}:${item.slug}`,
        r.meta.title ?? r.url,
        ' ',
        h('span', { class: 'meta' }, meta, marker),
        h('span', { class: 'excerpt' }, ...buildExcerpt(r.excerpt)),
      );
      if (language) {
        li.lang = language;
        li.querySelector('a')!.dataset.itemDefault = '';
      }
      return li;
    }

    /** One result link; `item` ("article:<slug>") opens it in the panel. */
    #buildResult(href: string | undefined, item: string, title: string, ...rest: Child[]): HTMLLIElement {
      return h(
        'li',
        null,
        h('a', { class: 'result', href, 'data-item': item }, h('span', { class: 'title' }, title), ...rest),
      );
    }

    /** The best result when it answers on its own (answer-card.ts), with its vote when votes can be sent. */
    #buildAnswerCard(card: AnswerCard): HTMLElement {
      const url = getSafeUrl(card.url, config.helpUrl);
      const T = this.#T;
      const question = T.t('results.answer.question');
      const label = T.t('results.answer.label');
      return h(
        'section',
        { class: 'answer-card', 'aria-label': label, 'data-answer-item': card.itemId },
        h('p', { class: 'answer-card-label' }, label),
        h('h3', { class: 'answer-card-title' }, h('a', { href: url }, card.title)),
        h('p', { class: 'answer-card-text' }, card.text + (card.truncated ? '…' : '')),
        card.truncated && h('p', null, h('a', { href: url }, T.t('results.answer.more'))),
        ...this.#buildVote('answer-card-vote', question),
      );
    }

    /** "Was this helpful?" (`className` vote) or "Did this answer your question?" (answer-card-vote), when votes can be sent. */
    #buildVote(className: string, question: string): Child[] {
      if (!config.feedbackEndpoint) return [];
      const button = (vote: 'up' | 'down', text: string) =>
        h('button', { type: 'button', 'data-answer-vote': vote }, this.#T.t(`results.answer.${text}`));
      return [
        h(
          'div',
          { class: className, role: 'group', 'aria-label': question },
          h('span', null, question),
          ' ',
          button('up', 'yes'),
          ' ',
          button('down', 'no'),
        ),
        h('p', { class: 'status', role: 'status', 'data-answer-status': '' }),
      ];
    }

    #buildBack(): HTMLButtonElement {
      return h('button', { class: 'back', type: 'button', 'data-back': '' }, `← ${this.#T.t('widget.back')}`);
    }

    /** The contact channels of site.yaml; links only to http(s), mail and phone. */
    #buildContact(): HTMLElement | undefined {
      const c = config.contact;
      const T = this.#T;
      const link = (href: string | undefined, text: string, blank?: boolean) =>
        href && h('a', { href: getSafeUrl(href, config.helpUrl), ...(blank && { target: '_blank' }) }, text);
      const links = [
        c.chatUrl && link(c.chatUrl, T.t('contact.chat'), true),
        c.email && link(`mailto:${c.email}`, T.t('contact.email', { email: c.email })),
        c.ticketUrl && link(c.ticketUrl, T.t('contact.ticket'), true),
        c.phone &&
          link(
            `tel:${c.phone.number.replace(/[^\d+]/g, '')}`,
            T.t('contact.call', { number: c.phone.number, hours: c.phone.hours }),
          ),
      ].filter(Boolean) as HTMLAnchorElement[];
      const write =
        config.contactEndpoint &&
        h('button', { type: 'button', class: 'back', 'data-contact-open': '' }, T.t('contact.form.open'));
      if (links.length === 0 && !write) return undefined;
      return h('div', { class: 'contact', 'data-contact': '' }, h('h3', null, T.t('contact.heading')), ...links, write);
    }

    #onClick(event: Event): void {
      const target = event.target as Element;
      if (target.closest('[data-back]')) {
        this.#backToSearch();
        return;
      }
      if (target.closest('[data-contact-open]')) {
        this.#insights?.contact();
        void this.#openContactForm();
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
      // A result whose URL was not http(s) has no href: nothing to open.
      if (!item || !link.href || mouse.ctrlKey || mouse.metaKey || mouse.shiftKey || mouse.button > 0) return;
      event.preventDefault();
      const [kind, slug] = item.split(':') as ['article' | 'faq', string];
      this.#insights?.opened(getOpenedPath(new URL(link.href)));
      void this.openItem(kind, slug, link.dataset.itemDefault !== undefined);
    }

    #onKeydown(event: KeyboardEvent): void {
      if (event.key === 'Escape') {
        event.preventDefault();
        this.close();
        return;
      }
      if (event.key !== 'Tab') return;
      const focusable = Array.from(this.#panel.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
        (el) => !el.closest('[hidden]') && el.tabIndex >= 0,
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
