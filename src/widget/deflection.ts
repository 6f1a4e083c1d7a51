/**
 * Ticket-form deflection: attached to a contact form (`data-help-center-deflect` on the form, or
 * `attachForm(form, { subject })` on the widget), it suggests help center articles under the
 * subject field as the customer types, opens one in the widget's panel when chosen, and reports
 * one event per started form (widget-events.ts): suggestions shown, article opened, submitted.
 */
import type { HelpCenterWidgetElement } from './help-center-element.ts';
import { getSafeUrl } from './fragment-allow-list.ts';
import { adoptStyles, fill, h } from './safe-dom.ts';
import { createDeflectionSession, sendBeacon, type EventTarget } from './widget-events.ts';
import { getResultItem } from './result-item.ts';

const SUGGESTION_LIMIT = 3;
const DEBOUNCE_MS = 300;
/** Subjects shorter than this are not searched yet. */
const MIN_SUBJECT = 3;

export interface AttachFormOptions {
  /** The subject field, or a CSS selector inside the form; default: the first text input. */
  subject?: HTMLInputElement | HTMLTextAreaElement | string;
}

export function attachDeflection(
  widget: HelpCenterWidgetElement,
  form: HTMLFormElement,
  options: AttachFormOptions,
  events: EventTarget | undefined,
  /** "These articles may answer your question:", in the help center's language. */
  label: string,
  /** The help center's URL (with a trailing slash): result links must lead there or to another http(s) page. */
  helpUrl: string,
): () => void {
  const subject =
    typeof options.subject === 'object'
      ? options.subject
      : form.querySelector<HTMLInputElement | HTMLTextAreaElement>(
          options.subject ?? 'input[type=text],input:not([type]),textarea',
        );
  if (!subject) throw new Error('helpdesk-kit widget: attachForm found no subject field in the form.');
  // The suggestions live in their own shadow root after the field: the host's CSS stays out.
  const host = document.createElement('div');
  host.setAttribute('data-help-center-suggestions', '');
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(
    root,
    ':host{display:block;font:inherit}p{margin:.4rem 0 .2rem;font-size:.9rem}ul{margin:0 0 .4rem;padding-left:1.2rem}a{color:inherit}',
  );
  const list = h('div', { role: 'region', 'aria-live': 'polite', 'aria-label': label });
  root.append(list);
  subject.insertAdjacentElement('afterend', host);
  const session = events ? createDeflectionSession(events, sendBeacon) : undefined;
  let generation = 0;
  let timer: number | undefined;

  const render = async () => {
    const mine = ++generation;
    const query = subject.value.trim();
    if (query.length < MIN_SUBJECT) {
      list.replaceChildren();
      return;
    }
    let found;
    try {
      found = await widget.searchHelp(query, SUGGESTION_LIMIT);
    } catch {
      return;
    }
    if (mine !== generation) return;
    session?.suggested(query, found.results.length);
    // Titles and URLs from the index go in as text and checked links (safe-dom.ts).
    fill(
      list,
      found.results.length > 0 && h('p', null, label),
      found.results.length > 0 &&
        h(
          'ul',
          null,
          ...found.results.map((r) => {
            const item = getResultItem(r);
            const href = getSafeUrl(r.url, helpUrl);
            return h('li', null, h('a', { href, 'data-item': `${item.kind}:${item.slug}` }, r.meta.title ?? r.url));
          }),
        ),
    );
  };

  const onInput = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void render(), DEBOUNCE_MS);
  };
  const onClick = (event: Event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-item]');
    const mouse = event as MouseEvent;
    // A result whose URL was not http(s) has no href: nothing to open.
    if (!link?.href || mouse.ctrlKey || mouse.metaKey || mouse.shiftKey) return;
    event.preventDefault();
    const [kind, slug] = link.dataset.item!.split(':') as ['article' | 'faq', string];
    session?.opened(new URL(link.href).pathname);
    void widget.openItem(kind, slug);
  };
  const onSubmit = () => session?.submitted();
  const onHide = () => {
    if (document.visibilityState === 'hidden') session?.flush();
  };
  const onPageHide = () => session?.flush();
  subject.addEventListener('input', onInput);
  root.addEventListener('click', onClick);
  form.addEventListener('submit', onSubmit);
  document.addEventListener('visibilitychange', onHide);
  addEventListener('pagehide', onPageHide);
  return () => {
    subject.removeEventListener('input', onInput);
    form.removeEventListener('submit', onSubmit);
    document.removeEventListener('visibilitychange', onHide);
    removeEventListener('pagehide', onPageHide);
    host.remove();
  };
}
