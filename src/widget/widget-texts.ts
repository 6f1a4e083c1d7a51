/**
 * The widget speaks the help center's language: the build picks these strings out of the site's
 * dictionary (src/i18n, with the site's ui.yaml over ours) and writes them into the widget's
 * configuration, so the script carries no dictionary and needs no request before it shows.
 */
import type { UiKey } from '../i18n/ui-strings.ts';
import { createBrowserText, type BrowserText } from '../i18n/browser-text.ts';

/** The keys the widget shows; plural keys by their stem (every form the language has goes along). */
export const WIDGET_TEXT_KEYS = [
  'widget.launcher',
  'widget.close',
  'widget.back',
  'widget.suggested',
  'widget.noResults',
  'widget.searchFailed',
  'widget.loadFailed',
  'widget.openInHelpCenter',
  'widget.helpful',
  'widget.formSuggestions',
  'search.label',
  'search.placeholder',
  'results.article',
  'results.faq',
  'results.answer.label',
  'results.answer.question',
  'results.answer.more',
  'results.answer.thanks',
  'results.answer.failed',
  'results.answer.yes',
  'results.answer.no',
  'results.inLanguage',
  'feedback.reasonsLegend',
  'feedback.reason.incorrect',
  'feedback.reason.hard-to-follow',
  'feedback.reason.did-not-answer',
  'feedback.reason.other',
  'feedback.commentLabel',
  'feedback.commentHint',
  'feedback.send',
  'contact.heading',
  'contact.chat',
  'contact.email',
  'contact.call',
  'contact.ticket',
  'contact.form.open',
] as const satisfies readonly UiKey[];

/** The contact form's strings: in /widget/[<code>/]contact-texts.json, loaded with the form, not in /widget.js. */
export const CONTACT_FORM_TEXT_KEYS = [
  'contact.form.heading',
  'contact.form.email',
  'contact.form.emailHint',
  'contact.form.name',
  'contact.form.message',
  'contact.form.context',
  'contact.form.preview',
  'contact.form.previewHint',
  'contact.form.fieldEmail',
  'contact.form.fieldName',
  'contact.form.fieldMessage',
  'contact.form.fieldPage',
  'contact.form.fieldSearches',
  'contact.form.fieldRead',
  'contact.form.send',
  'contact.form.sending',
  'contact.form.sent',
  'contact.form.failed',
  'contact.form.invalid',
  'contact.form.cancel',
] as const satisfies readonly UiKey[];

export const pickContactFormTexts = (strings: Readonly<Record<string, string>>): Record<string, string> =>
  Object.fromEntries(CONTACT_FORM_TEXT_KEYS.map((key) => [key, strings[key] ?? key]));
const WIDGET_PLURAL_STEMS = ['results.count.'];

/** The widget's strings out of a language's whole set. */
export function pickWidgetTexts(strings: Readonly<Record<string, string>>): Record<string, string> {
  const keys = new Set<string>(WIDGET_TEXT_KEYS);
  return Object.fromEntries(
    Object.entries(strings).filter(([key]) => keys.has(key) || WIDGET_PLURAL_STEMS.some((s) => key.startsWith(s))),
  );
}

export type WidgetText = BrowserText;

export const createWidgetText = (
  texts: Readonly<Record<string, string>>,
  language: string,
  more?: Readonly<Record<string, string>>,
): WidgetText => createBrowserText(texts, language, more);
