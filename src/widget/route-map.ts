/**
 * The widget's route map: which articles help on which product page. The build writes it from the
 * articles' `appRoutes` (`/widget/routes.json`); the widget matches the page it sits on. Pure and
 * dependency-free, so it runs in the build and in the widget.
 */

export interface RouteMapEntry {
  /** A product path pattern, `*` matching any run of characters: "/settings/billing*". */
  pattern: string;
  /** The article's feedback id, "article:<slug>". */
  id: string;
  title: string;
  /** The article's site path with the deployment base. */
  path: string;
}

export interface RouteMap {
  version: 1;
  routes: RouteMapEntry[];
}

const escapeRegExp = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/** Whether a product path (query and fragment ignored) matches a pattern. */
export function matchesRoute(pattern: string, productPath: string): boolean {
  const pathOnly = productPath.split(/[?#]/)[0] || '/';
  const source = pattern.split('*').map(escapeRegExp).join('.*');
  return new RegExp(`^${source}$`).test(pathOnly);
}

/** How specific a pattern is: its characters other than `*` (more is more specific). */
const getSpecificity = (pattern: string) => pattern.replace(/\*/g, '').length;

/** The articles for a product path, most specific pattern first, each article once. */
export function getRouteSuggestions(map: RouteMap, productPath: string, max = 5): RouteMapEntry[] {
  const matching = map.routes
    .filter((r) => matchesRoute(r.pattern, productPath))
    .sort((a, b) => getSpecificity(b.pattern) - getSpecificity(a.pattern));
  const seen = new Set<string>();
  const out: RouteMapEntry[] = [];
  for (const r of matching) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    out.push(r);
    if (out.length >= max) break;
  }
  return out;
}
