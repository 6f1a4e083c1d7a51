/**
 * The "Was this helpful?" endpoint: one web-standard fetch(Request) -> Response app. It never
 * reads the environment; runtimes (src/feedback/server/runtimes/*) build the options and pass the
 * socket address as the `remoteAddress` binding.
 *
 * Both event routes (POST /feedback for votes, POST /feedback/search for search events) run the
 * same intake, as named middleware: origin allow-list (403, and the CORS headers of the answer)
 * -> client and day -> rate limit (429) -> admission: content type and encoding (415) and the
 * body under an 8 KiB streaming cap (413). Preflights go through the origin check and Hono's cors. The route modules then parse and store (routes/votes.ts, routes/search-events.ts);
 * routes/admin.ts holds the token-protected reads.
 */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { createMiddleware } from 'hono/factory';
import { HTTPException } from 'hono/http-exception';
import { ErrorCodes } from '../../lib/errors.ts';
import type { FeedbackAppContext, FeedbackHonoEnv } from './app-env.ts';
import { createFeedbackCounters, getDroppedCounts, type FeedbackCounters } from './counters.ts';
import type { TrustProxy } from './http/client-address.ts';
import { getAllowedOrigins } from './http/origin.ts';
import { createErrorResponse, createInternalErrorResponse, createJsonResponse } from './http/responses.ts';
import { silentLogger, type FeedbackLogger } from './logger.ts';
import { DEFAULT_RETENTION, runMaintenance, type RetentionSettings } from './maintenance.ts';
import { getSiteOrigin, type FeedbackManifest } from '../manifest.ts';
import { admission } from './middleware/admission.ts';
import { identifyClient } from './middleware/client.ts';
import { originCheck } from './middleware/origin.ts';
import { rateLimit } from './middleware/rate-limit.ts';
import { createStoredSaltProvider, type SaltProvider } from './privacy/salts.ts';
import { createRateLimiter, type RateLimiter, type RateLimitSettings } from './rate-limit.ts';
import { createAdminRoutes } from './routes/admin.ts';
import { createMcpRoutes, type McpRouteOptions } from './routes/mcp.ts';
import { createContactRoutes, type ContactSettings } from './routes/contact.ts';
import { createSearchEventHandler, SEARCH_MEDIA_TYPES } from './routes/search-events.ts';
import { createVoteHandler, VOTE_MEDIA_TYPES } from './routes/votes.ts';
import { BODY_LIMIT_BYTES } from './schema.ts';
import type { FeedbackStore } from './stores/types.ts';
import type { TurnstileVerifier } from './turnstile.ts';

export type { FeedbackBindings } from './app-env.ts';

export interface FeedbackAppOptions {
  /** Where votes go. */
  store: FeedbackStore;
  /** The ids the build wrote; its siteUrl origin is always allowed. */
  manifest: FeedbackManifest;
  /** More origins allowed to post (e.g. a preview host), besides the manifest's siteUrl. */
  allowedOrigins?: readonly string[];
  /** Accept POSTs that carry neither Origin nor Referer (curl, server-side callers). Default false. */
  allowMissingOrigin?: boolean;
  /** Per-client and global limits, or a limiter shared between app instances; false = off (benchmarks only). */
  rateLimit?: RateLimitSettings | RateLimiter | false;
  /** Daily salts; default: random salts kept in `store`. */
  salts?: SaltProvider;
  /** Optional server-side secret mixed into visitor hashes (kept outside the database). */
  secret?: string;
  /** Milliseconds since the epoch; injectable for tests. */
  clock?: () => number;
  /** Which header to trust for the client address; false = the socket only. */
  trustProxy?: TrustProxy;
  /** When set, votes with a comment need a valid Turnstile token. */
  turnstile?: TurnstileVerifier;
  logger?: FeedbackLogger;
  counters?: FeedbackCounters;
  /** Bearer token for /feedback/summary and /feedback/export.csv; unset = those routes answer 404. */
  adminToken?: string;
  /** Drop bots and headless browsers silently (default true; browser e2e tests turn it off). */
  dropBots?: boolean;
  /** Body cap in bytes (default 8 KiB). */
  bodyLimitBytes?: number;
  /** Mount point, e.g. "/api" when the platform routes /api/feedback here. */
  basePath?: string;
  /** How long event ids, comments and search events are kept (days); defaults in DEFAULT_RETENTION. */
  retention?: Partial<RetentionSettings>;
  /** The team's channel for the widget's contact form (routes/contact-channel.ts); unset: no /feedback/contact. */
  contact?: ContactSettings;
  /** Event ids for no-JS form posts. */
  createEventId?: () => string;
  /** The site's pages for assistants (assistant-data.json): with it, /mcp serves the MCP tools (routes/mcp.ts). */
  assistantData?: McpRouteOptions['assistantData'];
}

/** Defaults: a reader rarely votes more than a few times a minute; an office NAT shares one key. */
export const DEFAULT_RATE_LIMIT: RateLimitSettings = {
  perClient: { limit: 30, windowMs: 60_000 },
  global: { limit: 2000, windowMs: 10_000 },
};

export function createFeedbackApp(options: FeedbackAppOptions) {
  const {
    store,
    manifest,
    allowMissingOrigin = false,
    clock = Date.now,
    trustProxy = false,
    logger = silentLogger,
    counters = createFeedbackCounters(),
    dropBots = true,
    bodyLimitBytes = BODY_LIMIT_BYTES,
    createEventId = () => crypto.randomUUID(),
  } = options;
  const siteOrigin = getSiteOrigin(manifest);
  const allowedOrigins = getAllowedOrigins([siteOrigin, ...(options.allowedOrigins ?? [])]);
  const limiter =
    options.rateLimit === false
      ? undefined
      : options.rateLimit && 'check' in options.rateLimit
        ? options.rateLimit
        : createRateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT);
  const context: FeedbackAppContext = {
    store,
    manifest,
    items: new Map(manifest.items.map((item) => [item.id, item])),
    siteOrigin,
    clock,
    logger,
    counters,
  };

  const retention: RetentionSettings = { ...DEFAULT_RETENTION, ...options.retention };
  const salts = options.salts ?? createStoredSaltProvider({ store });

  const origin = originCheck({ allowedOrigins, allowMissingOrigin, counters });
  /** Hono's cors answers preflights; the origin check sets the CORS headers of a POST's answer. */
  const preflight = cors({
    origin: (value) => (allowedOrigins.has(value) ? value : null),
    allowMethods: ['POST'],
    allowHeaders: ['content-type'],
    maxAge: 86400,
  });
  const client = identifyClient({
    clock,
    salts,
    trustProxy,
    onMaintenanceDue: (now) => void runMaintenance(store, retention, now, logger),
  });
  const limit = limiter
    ? (noun: string) => rateLimit({ limiter, counters, noun })
    : () => createMiddleware<FeedbackHonoEnv>((_c, next) => next());

  const app = new Hono<FeedbackHonoEnv>().basePath(options.basePath ?? '/');

  app.onError((err, c) => {
    if (err instanceof HTTPException) return err.getResponse();
    counters.increment('errors.internal');
    logger.error('unhandled_error', {
      method: c.req.method,
      path: new URL(c.req.url).pathname,
      message: err instanceof Error ? err.message : String(err),
      stack: err instanceof Error ? err.stack : undefined,
    });
    return createInternalErrorResponse();
  });
  app.notFound(() =>
    createErrorResponse(404, ErrorCodes.NotFound, 'There is nothing here; votes go to POST /feedback.'),
  );

  // Each event route: the shared intake as named middleware, in order (see the module comment).
  app.options('/feedback', origin, preflight);
  app.post(
    '/feedback',
    origin,
    client,
    limit('votes'),
    admission({
      mediaTypes: VOTE_MEDIA_TYPES,
      unsupportedMessage:
        'Send the vote as application/json, text/plain holding JSON, or an application/x-www-form-urlencoded form, in UTF-8.',
      bodyLimitBytes,
      noun: 'vote',
      counters,
    }),
    createVoteHandler({
      ...context,
      dropBots,
      salts,
      secret: options.secret,
      turnstile: options.turnstile,
      createEventId,
    }),
  );
  app.all('/feedback', () =>
    createErrorResponse(405, ErrorCodes.MethodNotAllowed, 'Votes are sent with POST.', {
      headers: { allow: 'POST, OPTIONS' },
    }),
  );

  app.options('/feedback/search', origin, preflight);
  app.post(
    '/feedback/search',
    origin,
    client,
    limit('search events'),
    admission({
      mediaTypes: SEARCH_MEDIA_TYPES,
      unsupportedMessage: 'Send the search event as application/json or text/plain holding JSON, in UTF-8.',
      bodyLimitBytes,
      noun: 'search event',
      counters,
    }),
    createSearchEventHandler({ ...context, dropBots }),
  );
  app.all('/feedback/search', () =>
    createErrorResponse(405, ErrorCodes.MethodNotAllowed, 'Search events are sent with POST.', {
      headers: { allow: 'POST, OPTIONS' },
    }),
  );

  app.get('/health', async () => {
    try {
      await store.ping();
      // Silent drops since the process started: a 202 that stored nothing shows up here.
      return createJsonResponse(200, { status: 'ok', dropped: getDroppedCounts(counters) });
    } catch (err) {
      logger.error('health_check_failed', { store: store.kind, message: (err as Error).message });
      return createErrorResponse(503, ErrorCodes.StoreUnavailable, 'The feedback store does not answer.');
    }
  });
  app.all('/health', () =>
    createErrorResponse(405, ErrorCodes.MethodNotAllowed, 'This route only answers GET.', {
      headers: { allow: 'GET' },
    }),
  );

  if (options.assistantData)
    app.route(
      '/',
      createMcpRoutes({
        ...context,
        assistantData: options.assistantData,
        client,
        limit: limit('assistant requests'),
        bodyLimitBytes,
      }),
    );
  if (options.contact)
    app.route('/', createContactRoutes(context, { origin, preflight, client, limit, dropBots }, options.contact));
  if (options.adminToken) app.route('/', createAdminRoutes({ ...context, adminToken: options.adminToken }));

  return app;
}

export type FeedbackApp = ReturnType<typeof createFeedbackApp>;
