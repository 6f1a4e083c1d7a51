/**
 * The server-side origin check, before CORS: browsers send simple requests (text/plain, forms)
 * without a preflight, so CORS headers alone would let any page post. A POST needs an allowed
 * Origin (or Referer); a preflight needs an allowed Origin. Others get 403 and nothing is read.
 * An allowed POST's answer gets Access-Control-Allow-Origin (when Origin was sent) and Vary.
 */
import { createMiddleware } from 'hono/factory';
import { ErrorCodes } from '../../../lib/errors.ts';
import type { FeedbackHonoEnv } from '../app-env.ts';
import type { FeedbackCounters } from '../counters.ts';
import { checkOrigin } from '../http/origin.ts';
import { createErrorResponse } from '../http/responses.ts';

export interface OriginCheckOptions {
  allowedOrigins: ReadonlySet<string>;
  /** Accept a POST that carries neither Origin nor Referer (never a preflight). */
  allowMissingOrigin: boolean;
  counters: FeedbackCounters;
}

export function originCheck(options: OriginCheckOptions) {
  const { allowedOrigins, allowMissingOrigin, counters } = options;
  return createMiddleware<FeedbackHonoEnv>(async (c, next) => {
    const isPreflight = c.req.method === 'OPTIONS';
    const decision = isPreflight
      ? { ok: allowedOrigins.has(c.req.header('origin') ?? ''), origin: c.req.header('origin') }
      : checkOrigin(c.req.raw.headers, allowedOrigins, allowMissingOrigin);
    if (!decision.ok) {
      counters.increment('rejected.origin');
      return createErrorResponse(
        403,
        ErrorCodes.OriginNotAllowed,
        isPreflight
          ? 'This origin may not send feedback here.'
          : "This origin may not send feedback here; only the help center's own pages can.",
        { headers: { vary: 'Origin' } },
      );
    }
    c.set('origin', decision.origin);
    if (isPreflight) {
      // Hono's cors middleware (next in the chain) builds the preflight answer from these headers.
      c.header('cache-control', 'no-store');
      return next();
    }
    await next();
    // On the POST answer itself, set the two CORS headers in place: Hono's cors would rebuild the
    // Response twice per request, which the closed-loop benchmark measured.
    const corsOrigin = 'corsOrigin' in decision ? decision.corsOrigin : undefined;
    if (corsOrigin) c.res.headers.set('access-control-allow-origin', corsOrigin);
    c.res.headers.append('vary', 'Origin');
  });
}
