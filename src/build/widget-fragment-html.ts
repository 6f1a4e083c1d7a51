/**
 * The HTML of a widget fragment: an article's rendered body, through the strict widget schema of
 * the one sanitiser (lib/sanitize-html.ts), since the widget shows it inside someone else's page.
 * What the site's Markdown renders passes unchanged; a writer's raw HTML that runs, loads a frame
 * or submits (which their own page may keep) is left out of the fragment, with a build warning.
 */
import { formatUnsafeCounts, sanitizeHtml, WIDGET_POLICY } from '../lib/sanitize-html.ts';

export interface WidgetFragmentHtml {
  html: string;
  /** Set when something was removed: what, for the build log. */
  warning?: string;
}

/** `source` names the article in the warning (its content path). */
export function buildWidgetFragmentHtml(html: string, source: string): WidgetFragmentHtml {
  const { html: clean, removed } = sanitizeHtml(html, WIDGET_POLICY);
  const what = formatUnsafeCounts(removed);
  return what
    ? {
        html: clean,
        warning: `${source}: the widget shows this page without its ${what} (the help center's page keeps them); the widget allows no scripts, frames, forms, event handlers or unsafe URLs.`,
      }
    : { html: clean };
}
