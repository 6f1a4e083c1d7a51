/**
 * CORS headers for the in-product widget: product pages on other origins read the search index
 * (`/pagefind/*`) and the widget's route map and fragments (`/widget/*`); `/widget.js` itself is a
 * classic script and needs none. Only the origins in
 * site.yaml's `widget.origins` are allowed. Netlify and Cloudflare Pages read `_headers`, whose
 * rules cannot depend on the request's Origin, so it names one origin; Vercel's `vercel.json` can
 * match the Origin header, so it holds one rule per origin.
 */

/** The site paths the widget reads across origins (without the base). */
export const CROSS_ORIGIN_PATHS = ['/pagefind/*', '/widget/*'] as const;

export interface CorsFiles {
  /** Appended to `_headers` (Netlify, Cloudflare Pages). */
  netlify: string;
  /** Merged into `vercel.json`'s `headers`. */
  vercel: Array<{
    source: string;
    has?: Array<{ type: 'header'; key: string; value: string }>;
    headers: Array<{ key: string; value: string }>;
  }>;
  /** Set when `_headers` could not hold every origin. */
  warning?: string;
}

const prefixBase = (base: string, sitePath: string) => `${base.replace(/\/+$/, '')}${sitePath}`;

const COMMON = [
  { key: 'Access-Control-Allow-Methods', value: 'GET' },
  { key: 'Vary', value: 'Origin' },
];

/** The header rules for `origins` (validated origins, e.g. "https://app.example.com"). */
export function buildCorsFiles(origins: readonly string[], base: string): CorsFiles | undefined {
  if (origins.length === 0) return undefined;
  const paths = CROSS_ORIGIN_PATHS.map((p) => prefixBase(base, p));
  const [first] = origins;
  const netlify = paths
    .map((p) =>
      [p, `  Access-Control-Allow-Origin: ${first}`, ...COMMON.map((h) => `  ${h.key}: ${h.value}`)].join('\n'),
    )
    .join('\n');
  const vercel = origins.flatMap((origin) =>
    // Vercel's `source` is a path-to-regexp pattern: "(.*)" for the wildcard.
    paths.map((p) => ({
      source: p.replace('*', '(.*)'),
      has: [{ type: 'header' as const, key: 'origin', value: escapeVercelValue(origin) }],
      headers: [{ key: 'Access-Control-Allow-Origin', value: origin }, ...COMMON],
    })),
  );
  const warning =
    origins.length > 1
      ? `_headers (Netlify, Cloudflare Pages) allows only ${first}: its rules cannot vary with the request's origin. vercel.json allows all ${origins.length}; see docs/in-product-help.md for the other hosts.`
      : undefined;
  return { netlify: `${netlify}\n`, vercel, ...(warning && { warning }) };
}

/** Vercel's `has.value` is a regular expression: match the origin exactly. */
function escapeVercelValue(origin: string): string {
  return `^${origin.replace(/[.+?^${}()|[\]\\]/g, '\\$&')}$`;
}
