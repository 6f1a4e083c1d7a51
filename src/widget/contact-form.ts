/**
 * The widget's hand-over to a human, loaded only when the reader asks for it (its own small
 * module, `/widget/contact-form.js`, beside the fragments): a short form whose message, with the
 * searches and articles of this visit, goes to the feedback endpoint's POST /feedback/contact and
 * on to the team's channel. The reader sees exactly what is sent, updated as they type, can leave
 * the context out, and nothing leaves the page before they press Send.
 */
import type { ContactFields } from '../feedback/contact-fields.ts';
import { fill, h } from './safe-dom.ts';
import { getWidgetContactTextsPath } from './widget-config.ts';
import { createWidgetText, type WidgetText } from './widget-texts.ts';

export interface Visit {
  searches: string[];
  read: Array<{ title: string; path: string }>;
}

export interface ContactFormOptions {
  /** Prefix of element ids, unique in the shadow root. */
  id: string;
  root: ShadowRoot;
  T: WidgetText;
  endpoint: string;
  language: string;
  /** The product page (path) the widget is on. */
  page: string;
  visit: Visit;
  onCancel(): void;
}

/** What goes to the endpoint: the schema of routes/contact.ts. */
export interface ContactBody extends ContactFields {
  read: Visit['read'];
  website?: string;
}

const CSS = `.contact-form .field{margin:.6rem 0}.contact-form .hp{position:absolute;left:-9999px;width:1px;height:1px;overflow:hidden}
.contact-form .check{display:flex;gap:.4rem;align-items:flex-start;font-weight:400}.contact-form .check input{width:auto;margin-top:.3rem}
.preview{border:1px solid var(--hc-border);border-radius:8px;background:var(--hc-surface);padding:.4rem .7rem;margin:.6rem 0;font-size:.88rem}
.preview h4{margin:.2rem 0;font-size:.9rem}.preview dt{font-weight:600}.preview dd{margin:0 0 .3rem;white-space:pre-wrap;overflow-wrap:anywhere}
.preview ul{list-style:disc;padding-left:1.2rem;margin:0}.actions{display:flex;gap:.5rem;margin-top:.6rem}
.actions button{border:1px solid var(--hc-muted);background:var(--hc-bg);color:var(--hc-text);border-radius:8px;padding:.35rem .9rem}
.actions button[type=submit]{background:var(--hc-brand);border-color:var(--hc-brand);color:#fff;font-weight:600}
[aria-invalid=true]{border-color:#b91c1c}`;

/** The request body from the form's values; the context only when the reader keeps it in. */
export function getContactBody(
  values: { email: string; name: string; message: string; website: string; withContext: boolean },
  o: Pick<ContactFormOptions, 'language' | 'page' | 'visit'>,
): ContactBody {
  return {
    email: values.email.trim(),
    ...(values.name.trim() && { name: values.name.trim() }),
    message: values.message.trim(),
    language: o.language,
    ...(values.withContext && { page: o.page }),
    searches: values.withContext ? o.visit.searches.slice(-10) : [],
    read: values.withContext ? o.visit.read.slice(-10) : [],
    ...(values.website && { website: values.website }),
  };
}

export interface ShowContactFormOptions extends Omit<ContactFormOptions, 'T'> {
  helpUrl: string;
  /** The language's folder of widget files; undefined for the default language. */
  files: string | undefined;
}

/** Loads the form's strings in the widget's language and shows the form in `view` (after its back button). */
export async function showContactForm(view: HTMLElement, o: ShowContactFormOptions): Promise<void> {
  const res = await fetch(new URL(getWidgetContactTextsPath(o.files).slice(1), o.helpUrl), { credentials: 'omit' });
  if (!res.ok) throw new Error(String(res.status));
  const form = buildContactForm({
    ...o,
    T: createWidgetText((await res.json()) as Record<string, string>, o.language),
  });
  view.lastElementChild!.replaceWith(form);
  form.querySelector('h3')!.focus();
}

export function buildContactForm(o: ContactFormOptions): HTMLFormElement {
  const { id, T } = o;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  if (!o.root.adoptedStyleSheets.some((s) => s.cssRules[0]?.cssText.startsWith('.contact-form')))
    o.root.adoptedStyleSheets = [...o.root.adoptedStyleSheets, sheet];
  const field = (key: string, control: HTMLInputElement | HTMLTextAreaElement, hint?: string) =>
    h(
      'div',
      { class: 'field' },
      h('label', { for: control.id }, T.t(key)),
      control,
      hint && h('p', { class: 'muted', id: `${control.id}-hint` }, hint),
    );
  const email = h('input', {
    id: `${id}-email`,
    type: 'email',
    name: 'email',
    autocomplete: 'email',
    required: '',
    maxlength: '254',
    'aria-describedby': `${id}-email-hint`,
  });
  const name = h('input', { id: `${id}-name`, name: 'name', autocomplete: 'name', maxlength: '100' });
  const message = h('textarea', { id: `${id}-message`, name: 'message', required: '', maxlength: '2000', rows: '4' });
  // Honeypot: hidden from people and assistive technology, filled by form-filling bots.
  const website = h('input', { name: 'website', tabindex: '-1', autocomplete: 'off', 'aria-label': 'Website' });
  const hasContext = o.visit.searches.length > 0 || o.visit.read.length > 0 || o.page !== '/';
  const withContext = h('input', { type: 'checkbox', id: `${id}-context`, checked: '' });
  const preview = h('dl', { 'data-preview': '' });
  const status = h('p', { class: 'status', role: 'status', 'data-contact-status': '' });
  const send = h('button', { type: 'submit' }, T.t('contact.form.send'));
  const cancel = h('button', { type: 'button' }, T.t('contact.form.cancel'));
  const form = h(
    'form',
    { class: 'contact-form', novalidate: '', 'aria-labelledby': `${id}-contact-title`, 'data-contact-form': '' },
    h('h3', { id: `${id}-contact-title`, tabindex: '-1' }, T.t('contact.form.heading')),
    field('contact.form.email', email, T.t('contact.form.emailHint')),
    field('contact.form.name', name),
    field('contact.form.message', message),
    h('div', { class: 'hp', 'aria-hidden': 'true' }, website),
    hasContext && h('label', { class: 'check' }, withContext, T.t('contact.form.context')),
    h(
      'section',
      { class: 'preview', 'aria-labelledby': `${id}-preview-title` },
      h('h4', { id: `${id}-preview-title` }, T.t('contact.form.preview')),
      h('p', { class: 'muted' }, T.t('contact.form.previewHint')),
      preview,
    ),
    status,
    h('div', { class: 'actions' }, send, cancel),
  );

  const body = () =>
    getContactBody(
      {
        email: email.value,
        name: name.value,
        message: message.value,
        website: website.value,
        withContext: hasContext && withContext.checked,
      },
      o,
    );
  const list = (items: string[]) => h('ul', null, ...items.map((text) => h('li', null, text)));
  const render = () => {
    const b = body();
    const row = (key: string, value: Node | string | false | undefined) =>
      value ? [h('dt', null, T.t(key)), h('dd', null, value)] : [];
    fill(
      preview,
      ...row('contact.form.fieldEmail', b.email || '—'),
      ...row('contact.form.fieldName', b.name),
      ...row('contact.form.fieldMessage', b.message || '—'),
      ...row('contact.form.fieldPage', b.page),
      ...row('contact.form.fieldSearches', b.searches.length > 0 && list(b.searches)),
      ...row('contact.form.fieldRead', b.read.length > 0 && list(b.read.map((r) => r.title))),
    );
  };
  render();
  form.addEventListener('input', render);
  form.addEventListener('change', render);
  cancel.addEventListener('click', () => o.onCancel());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit();
  });

  const submit = async () => {
    const b = body();
    const invalid = [email, message].filter((el) => !el.value.trim() || !el.checkValidity());
    for (const el of [email, message]) el.setAttribute('aria-invalid', String(invalid.includes(el)));
    if (invalid.length > 0) {
      status.textContent = T.t('contact.form.invalid');
      invalid[0]!.focus();
      return;
    }
    send.disabled = true;
    status.textContent = T.t('contact.form.sending');
    let reason: string;
    try {
      // text/plain: no preflight, as the other events; the endpoint reads it as JSON.
      const res = await fetch(o.endpoint, {
        method: 'POST',
        credentials: 'omit',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify(b),
      });
      if (res.ok) {
        fill(form, h('p', { class: 'status', role: 'status', tabindex: '-1' }, T.t('contact.form.sent')));
        form.querySelector<HTMLElement>('p')!.focus();
        return;
      }
      const answer = (await res.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
      reason = answer?.error?.message ?? String(res.status);
    } catch {
      reason = 'network';
    }
    send.disabled = false;
    status.textContent = T.t('contact.form.failed', { reason });
  };
  return form;
}
