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
  /** The widget's strings in that language (widget-texts.ts picks them). */
  texts: Record<string, string>;
  /** The git commit the site was built from (12 characters) or "unknown". */
  revision: string;
  /** The vote endpoint, e.g. "https://feedback.example.com/feedback"; unset: no "Was this helpful?". */
  feedbackEndpoint?: string;
  /** `<feedbackEndpoint>/search` when the site turns search insights on. */
  insightsEndpoint?: string;
  contact: WidgetContact;
}

/** Site paths (without base) of the widget's files. */
export const WIDGET_SCRIPT_PATH = '/widget.js';
export const WIDGET_ROUTES_PATH = '/widget/routes.json';
export const getWidgetFragmentPath = (kind: 'article' | 'faq', slug: string) => `/widget/${kind}/${slug}.json`;

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
