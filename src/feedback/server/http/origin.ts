/**
 * The server-side origin check. CORS headers only tell browsers what they may read; simple
 * requests (text/plain, forms) skip preflight, so the endpoint itself refuses other origins.
 */

/** Canonical origins from URLs or origins; throws on anything that is not http(s). */
export function getAllowedOrigins(urls: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const raw of urls) {
    const trimmed = raw.trim();
    if (!trimmed) continue;
    const url = new URL(trimmed);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`"${trimmed}" is not an http(s) origin`);
    out.add(url.origin);
  }
  return out;
}

export type OriginDecision = { ok: true; origin: string | undefined; corsOrigin: string | undefined } | { ok: false };

/**
 * The request's origin from `Origin`, or from `Referer` when a browser left Origin out. With
 * neither, `allowMissingOrigin` decides (non-browser clients such as curl send neither).
 */
export function checkOrigin(
  headers: Headers,
  allowed: ReadonlySet<string>,
  allowMissingOrigin: boolean,
): OriginDecision {
  const origin = headers.get('origin');
  if (origin !== null) {
    return allowed.has(origin) ? { ok: true, origin, corsOrigin: origin } : { ok: false };
  }
  const referer = headers.get('referer');
  if (referer) {
    let refOrigin: string | undefined;
    try {
      refOrigin = new URL(referer).origin;
    } catch {
      return { ok: false };
    }
    return allowed.has(refOrigin) ? { ok: true, origin: refOrigin, corsOrigin: undefined } : { ok: false };
  }
  return allowMissingOrigin ? { ok: true, origin: undefined, corsOrigin: undefined } : { ok: false };
}
