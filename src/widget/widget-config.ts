/**
 * What the build hands the in-product widget: written into `/widget.js` in place of a
 * placeholder, so the widget needs no request before its launcher shows. Plain data, no DOM.
 */

/** The placeholder string in the bundled widget that the build replaces with the JSON config. */
export const WIDGET_CONFIG_PLACEHOLDER = '__HELP_CENTER_WIDGET_CONFIG__';

export interface WidgetContact {
  email?: string;
  chatUrl?: string;
  phone?: { number: string; hours: string };
  ticketUrl?: string;
}

export interface WidgetConfig {
  /** The help center's name. */
  name: string;
  /** The help center's URL with its base and a trailing slash, e.g. "https://help.example.com/". */
  helpUrl: string;
  /** Six-digit hex, e.g. "#4f46e5". */
  brandColor: string;
  language: string;
  /** The default language's text direction. */
  dir: 'ltr' | 'rtl';
  /** The site's other languages: each has /widget/<code>/language.json, routes.json and fragments. */
  languages: string[];
  /** The widget's strings in that language (widget-texts.ts picks them). */
  texts: Record<string, string>;
  /** The git commit the site was built from (12 characters) or "unknown". */
  revision: string;
  /** The vote endpoint, e.g. "https://feedback.example.com/feedback"; unset: no "Was this helpful?". */
  feedbackEndpoint?: string;
  /** `<feedbackEndpoint>/search` when the site turns search insights on. */
  insightsEndpoint?: string;
  contact: WidgetContact;
  /** `<feedbackEndpoint>/contact` when site.yaml turns the widget's contact form on. */
  contactEndpoint?: string;
}

/** `/widget/<code>/language.json`: what the widget needs to speak a language other than the default. */
export interface WidgetLanguage {
  language: string;
  dir: 'ltr' | 'rtl';
  texts: Record<string, string>;
}

/** Site paths (without base) of the widget's files. */
export const WIDGET_SCRIPT_PATH = '/widget.js';
/** The files of a language (`undefined`: the default one, whose strings are in /widget.js). */
const folder = (language?: string) => (language ? `/widget/${language}` : '/widget');
export const getWidgetRoutesPath = (language?: string) => `${folder(language)}/routes.json`;
export const getWidgetContactTextsPath = (language?: string) => `${folder(language)}/contact-texts.json`;
/** The contact form's module, loaded when the reader opens the form (contact-form.ts). */
export const WIDGET_CONTACT_FORM_PATH = '/widget/contact-form.js';
/** The widget's search (search-module.ts), loaded on the first search. */
export const WIDGET_SEARCH_PATH = '/widget/search.js';
export const getWidgetLanguagePath = (language: string) => `${folder(language)}/language.json`;
export const getWidgetFragmentPath = (kind: 'article' | 'faq', slug: string, language?: string) =>
  `${folder(language)}/${kind}/${slug}.json`;

/** One article or FAQ answer as the widget shows it in its panel. */
export interface WidgetFragment {
  id: string;
  kind: 'article' | 'faq';
  title: string;
  description: string;
  /** The page's site path with the deployment base. */
  path: string;
  /** The rendered body, as on the page (site-relative links). */
  html: string;
}
