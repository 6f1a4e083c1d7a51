/**
 * The "Was this helpful?" endpoint: one web-standard fetch(Request) -> Response app. It never
 * reads the environment; runtimes (src/feedback/server/runtimes/*) build the options and pass the socket
 * address as the `remoteAddress` binding.
 *
 * POST /feedback pipeline: origin allow-list (403) -> content type (415) -> rate limit (429)
 * -> body read with an 8 KiB streaming cap (413) -> JSON/form parse and zod schema with the
 * manifest's ids (400) -> honeypot and bots (silently 202) -> Turnstile for comments, when
 * configured (no valid token: the comment is dropped, the vote kept) -> store commit -> 202
 * (JSON) or 303 back to the page (form).
 *
 * POST /feedback/search (site setting searchInsights) shares the first half of that pipeline
 * (origin, content type, the same rate limiter, the 8 KiB cap), then its own closed schema,
 * honeypot and bots, and the shared `event_ids` claim. It stores no visitor data at all.
 */
import { Hono, type Context } from 'hono';
import { ErrorCodes, formatZodIssues } from '../../lib/errors.ts';
import { getReasonsId, getThanksId } from '../anchors.ts';
import { isBotRequest } from './bots.ts';
import { createFeedbackCounters, type FeedbackCounters } from './counters.ts';
import { formatCsv } from '../csv.ts';
import { getClientAddress, getRateLimitPrefix, type TrustProxy } from './http/client-address.ts';
import { checkOrigin, getAllowedOrigins } from './http/origin.ts';
import { readBodyWithLimit, type BodyResult } from './http/read-body.ts';
import {
  createErrorResponse,
  createJsonResponse,
  createRedirectResponse,
  createTextResponse,
} from './http/responses.ts';
import { silentLogger, type FeedbackLogger } from './logger.ts';
import { getSiteOrigin, type FeedbackManifest } from '../manifest.ts';
import { equalSecrets, hmacHex } from './privacy/crypto.ts';
import { getUtcDay } from './privacy/day.ts';
import { createStoredSaltProvider, type SaltProvider } from './privacy/salts.ts';
import { getVisitorHash } from './privacy/visitor-hash.ts';
import { createRateLimiter, type RateLimiter, type RateLimitSettings } from './rate-limit.ts';
import { createEmptyTally, summarizeVotes } from '../../tools/report/summarize.ts';
import {
  BODY_LIMIT_BYTES,
  createVoteInputSchema,
  parseFormFields,
  SearchEventInputSchema,
  type VoteInput,
} from './schema.ts';
import type { FeedbackStore } from './stores/types.ts';
import type { TurnstileVerifier } from './turnstile.ts';

/** Per-request values the runtime passes as Hono bindings. */
export interface FeedbackBindings {
  /** The peer address of the socket (or what the platform reports as the client). */
  remoteAddress?: string;
  /**
   * A runtime's own capped body reader (Node reads the socket directly, skipping the web-stream
   * conversion); without it the Request body stream is read with the same cap.
   */
  readBody?: (limit: number) => Promise<BodyResult>;
}

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
  /** De-duplication ids are forgotten after this many days. */
  eventIdRetentionDays?: number;
  /** Event ids for no-JS form posts. */
  createEventId?: () => string;
}

/** Defaults: a reader rarely votes more than a few times a minute; an office NAT shares one key. */
export const DEFAULT_RATE_LIMIT: RateLimitSettings = {
  perClient: { limit: 30, windowMs: 60_000 },
  global: { limit: 2000, windowMs: 10_000 },
};

const ACCEPTED_BODY = { ok: true } as const;
const MEDIA_TYPES = new Set(['application/json', 'text/plain', 'application/x-www-form-urlencoded']);
/** Search events come from sendBeacon only: JSON, usually as text/plain (no preflight). */
const SEARCH_MEDIA_TYPES = new Set(['application/json', 'text/plain']);

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
    eventIdRetentionDays = 30,
    createEventId = () => crypto.randomUUID(),
  } = options;
  const salts = options.salts ?? createStoredSaltProvider({ store });
  const siteOrigin = getSiteOrigin(manifest);
  const allowedOrigins = getAllowedOrigins([siteOrigin, ...(options.allowedOrigins ?? [])]);
  const items = new Map(manifest.items.map((item) => [item.id, item]));
  const voteSchema = createVoteInputSchema(new Set(items.keys()));
  const limiter =
    options.rateLimit === false
      ? undefined
      : options.rateLimit && 'check' in options.rateLimit
        ? options.rateLimit
        : createRateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT);
  let maintainedDay = '';

  const app = new Hono<{ Bindings: FeedbackBindings }>().basePath(options.basePath ?? '/');

  app.onError((err, c) => {
    counters.increment('errors.internal');
    logger.error('unhandled_error', {
      method: c.req.method,
      path: new URL(c.req.url).pathname,
      message: err instanceof Error ? err.message : String(err),
      stack: err instanceof Error ? err.stack : undefined,
    });
    return createErrorResponse(
      500,
      ErrorCodes.InternalError,
      'Something went wrong on our side; the vote was not saved. Please try again later.',
    );
  });
  app.notFound(() =>
    createErrorResponse(404, ErrorCodes.NotFound, 'There is nothing here; votes go to POST /feedback.'),
  );

  const preflight = (c: Context<{ Bindings: FeedbackBindings }>) => {
    const origin = c.req.header('origin');
    if (!origin || !allowedOrigins.has(origin)) {
      counters.increment('rejected.origin');
      return createErrorResponse(403, ErrorCodes.OriginNotAllowed, 'This origin may not send feedback here.', {
        headers: { vary: 'Origin' },
      });
    }
    return new Response(null, {
      status: 204,
      headers: {
        'access-control-allow-origin': origin,
        'access-control-allow-methods': 'POST',
        'access-control-allow-headers': 'content-type',
        'access-control-max-age': '86400',
        vary: 'Origin',
        'cache-control': 'no-store',
      },
    });
  };
  app.options('/feedback', preflight);
  app.options('/feedback/search', preflight);

  /** What the shared intake (origin, content type, rate limit, capped body) hands an event route. */
  interface Admitted {
    now: number;
    day: string;
    salt: string;
    address: string;
    cors: Record<string, string>;
    origin: string | undefined;
    mediaType: string;
    text: string;
  }

  /**
   * The first half of every event route, shared by votes and search events: origin allow-list
   * (403), content type (415), the one rate limiter (429) and the capped body read (413/400).
   */
  async function admit(
    c: Context<{ Bindings: FeedbackBindings }>,
    mediaTypes: ReadonlySet<string>,
    what: string,
  ): Promise<Response | Admitted> {
    const request = c.req.raw;
    const now = clock();
    const decision = checkOrigin(request.headers, allowedOrigins, allowMissingOrigin);
    if (!decision.ok) {
      counters.increment('rejected.origin');
      return createErrorResponse(
        403,
        ErrorCodes.OriginNotAllowed,
        "This origin may not send feedback here; only the help center's own pages can.",
        {
          headers: { vary: 'Origin' },
        },
      );
    }
    const cors: Record<string, string> = decision.corsOrigin
      ? { 'access-control-allow-origin': decision.corsOrigin, vary: 'Origin' }
      : { vary: 'Origin' };

    const [mediaType = '', ...params] = (request.headers.get('content-type') ?? '')
      .split(';')
      .map((s) => s.trim().toLowerCase());
    const charset = params
      .find((p) => p.startsWith('charset='))
      ?.slice(8)
      .replace(/"/g, '');
    if (
      !mediaTypes.has(mediaType) ||
      (charset && charset !== 'utf-8' && charset !== 'utf8' && charset !== 'us-ascii')
    ) {
      counters.increment('rejected.media_type');
      return createErrorResponse(
        415,
        ErrorCodes.UnsupportedMediaType,
        mediaTypes.has('application/x-www-form-urlencoded')
          ? 'Send the vote as application/json, text/plain holding JSON, or an application/x-www-form-urlencoded form, in UTF-8.'
          : `Send the ${what} as application/json or text/plain holding JSON, in UTF-8.`,
        { headers: cors },
      );
    }

    const day = getUtcDay(now);
    if (day !== maintainedDay) {
      maintainedDay = day;
      void runDailyMaintenance(now);
    }
    const salt = await salts.getSalt(day);
    const address = getClientAddress(request.headers, c.env?.remoteAddress, trustProxy);
    if (limiter) {
      const limited = limiter.check(await hmacHex(salt, getRateLimitPrefix(address)), now);
      if (!limited.ok) {
        counters.increment('rejected.rate_limited');
        return createErrorResponse(
          429,
          ErrorCodes.RateLimited,
          `Too many ${what === 'vote' ? 'votes' : 'search events'}; try again in ${limited.retryAfterSeconds} s.`,
          {
            headers: { ...cors, 'retry-after': String(limited.retryAfterSeconds) },
          },
        );
      }
    }

    const body = c.env?.readBody
      ? await c.env.readBody(bodyLimitBytes)
      : await readBodyWithLimit(request, bodyLimitBytes);
    if (!body.ok) {
      if (body.reason === 'too-large') {
        counters.increment('rejected.too_large');
        return createErrorResponse(
          413,
          ErrorCodes.FeedbackTooLarge,
          `The body is over ${bodyLimitBytes} bytes; a ${what} is far smaller.`,
          {
            headers: cors,
          },
        );
      }
      counters.increment('rejected.invalid');
      const message =
        body.reason === 'invalid-utf8' ? 'The body is not valid UTF-8 text.' : 'The body could not be read completely.';
      return createErrorResponse(400, ErrorCodes.InvalidFeedback, message, { headers: cors });
    }
    return { now, day, salt, address, cors, origin: decision.origin, mediaType, text: body.text };
  }

  /**
   * A filled honeypot or a bot: answered like an accepted event (so nothing is learned from the
   * answer), stored nowhere, and counted.
   */
  function isSilentlyDropped(honeypot: string | undefined, headers: Headers): boolean {
    if (honeypot) {
      counters.increment('dropped.honeypot');
      return true;
    }
    if (dropBots && isBotRequest(headers)) {
      counters.increment('dropped.bot');
      return true;
    }
    return false;
  }

  app.post('/feedback/search', async (c) => {
    const admitted = await admit(c, SEARCH_MEDIA_TYPES, 'search event');
    if (admitted instanceof Response) return admitted;
    const { now, day, cors, text } = admitted;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      counters.increment('rejected.invalid');
      return createErrorResponse(
        400,
        ErrorCodes.InvalidFeedback,
        'The body is not valid JSON; send one JSON object with the search event fields.',
        {
          headers: cors,
        },
      );
    }
    const parsed = SearchEventInputSchema.safeParse(raw);
    if (!parsed.success) {
      counters.increment('rejected.invalid');
      return createErrorResponse(
        400,
        ErrorCodes.InvalidFeedback,
        'The search event has problems; fix the fields listed in issues.',
        {
          issues: formatZodIssues(parsed.error.issues),
          headers: cors,
        },
      );
    }
    const event = parsed.data;
    if (isSilentlyDropped(event.website, c.req.raw.headers)) return createJsonResponse(202, ACCEPTED_BODY, cors);
    // No visitor hash, address or User-Agent: a search event is about the content, not the reader.
    const outcome = await store.recordSearchEvent({
      eventId: event.eventId,
      day,
      query: event.query,
      resultCount: event.resultCount,
      opened: event.opened,
      contact: event.contact,
      refinedFrom: event.refinedFrom && event.refinedFrom !== event.query ? event.refinedFrom : null,
      channel: event.channel,
      formSubmitted: event.formSubmitted ?? null,
      language: event.language,
      revision: event.revision,
      receivedAt: now,
    });
    counters.increment(`accepted.search_${outcome}`);
    return createJsonResponse(202, ACCEPTED_BODY, cors);
  });

  app.all('/feedback/search', () =>
    createErrorResponse(405, ErrorCodes.MethodNotAllowed, 'Search events are sent with POST.', {
      headers: { allow: 'POST, OPTIONS' },
    }),
  );

  app.post('/feedback', async (c) => {
    const request = c.req.raw;
    const admitted = await admit(c, MEDIA_TYPES, 'vote');
    if (admitted instanceof Response) return admitted;
    const { now, day, salt, address, cors, mediaType, origin, text } = admitted;

    const isForm = mediaType === 'application/x-www-form-urlencoded';
    let raw: unknown;
    if (isForm) {
      const fields = parseFormFields(text, createEventId);
      if (!fields.ok) {
        counters.increment('rejected.invalid');
        return createErrorResponse(
          400,
          ErrorCodes.InvalidFeedback,
          'The vote has problems; fix the fields listed in issues.',
          {
            issues: [`${fields.duplicate}: is given more than once`],
            headers: cors,
          },
        );
      }
      raw = fields.value;
    } else {
      try {
        raw = JSON.parse(text);
      } catch {
        counters.increment('rejected.invalid');
        return createErrorResponse(
          400,
          ErrorCodes.InvalidFeedback,
          'The body is not valid JSON; send one JSON object with the vote fields.',
          {
            headers: cors,
          },
        );
      }
    }
    const parsed = voteSchema.safeParse(raw);
    if (!parsed.success) {
      const unknownItem = parsed.error.issues.some((i) => i.code === 'custom' && i.params?.unknownItem === true);
      counters.increment(unknownItem ? 'dropped.unknown_item' : 'rejected.invalid');
      return createErrorResponse(
        400,
        ErrorCodes.InvalidFeedback,
        'The vote has problems; fix the fields listed in issues.',
        {
          issues: formatZodIssues(parsed.error.issues),
          headers: cors,
        },
      );
    }
    const vote = parsed.data;
    const answer = () =>
      isForm
        ? createRedirectResponse(getFormRedirect(vote, origin ?? siteOrigin), cors)
        : createJsonResponse(202, ACCEPTED_BODY, cors);

    if (isSilentlyDropped(vote.website, request.headers)) return answer();
    // Turnstile guards free text only: without a valid token the comment is dropped (fail
    // closed) and the one-click vote is still stored, so a reader never loses their vote.
    let comment = vote.comment ? vote.comment : null;
    let commentRejected = false;
    if (comment && options.turnstile && !(await options.turnstile.verify(vote.turnstileToken))) {
      counters.increment('rejected.challenge');
      comment = null;
      commentRejected = true;
    }

    const visitorHash = await getVisitorHash({
      salt,
      secret: options.secret,
      address,
      userAgent: request.headers.get('user-agent') ?? '',
      site: siteOrigin,
    });
    const outcome = await store.recordVote({
      eventId: vote.eventId,
      itemId: vote.itemId,
      visitorHash,
      day,
      vote: vote.vote,
      reason: vote.reason ?? null,
      comment,
      pagePath: vote.pagePath,
      language: vote.language,
      revision: vote.revision,
      replaces: vote.replaces ?? null,
      receivedAt: now,
    });
    counters.increment(`accepted.${outcome}`);
    if (commentRejected && !isForm) {
      return createJsonResponse(202, { ok: true, comment: 'rejected', code: ErrorCodes.ChallengeFailed }, cors);
    }
    return answer();
  });

  app.all('/feedback', () =>
    createErrorResponse(405, ErrorCodes.MethodNotAllowed, 'Votes are sent with POST.', {
      headers: { allow: 'POST, OPTIONS' },
    }),
  );

  app.get('/health', async () => {
    try {
      await store.ping();
      return createJsonResponse(200, { status: 'ok' });
    } catch (err) {
      logger.error('health_check_failed', { store: store.kind, message: (err as Error).message });
      return createErrorResponse(503, ErrorCodes.StoreUnavailable, 'The feedback store does not answer.');
    }
  });

  app.get('/feedback/summary', async (c) => {
    const denied = await checkAdmin(c);
    if (denied) return denied;
    const since = parseSinceParam(c.req.query('since'));
    if (since === null)
      return createErrorResponse(400, ErrorCodes.InvalidFeedback, 'since must be a date like 2026-01-31.');
    const votes = await store.listVotes({ since });
    const tallies = summarizeVotes(votes);
    const known = manifest.items.map((item) => ({ ...item, ...(tallies.get(item.id) ?? createEmptyTally(item.id)) }));
    const unknown = [...tallies.values()].filter((t) => !items.has(t.itemId));
    const up = votes.filter((v) => v.vote === 'up').length;
    return createJsonResponse(200, {
      generatedAt: new Date(clock()).toISOString(),
      since: since ? new Date(since).toISOString().slice(0, 10) : null,
      revision: manifest.revision,
      totals: { votes: votes.length, up, down: votes.length - up },
      items: known,
      unknownItems: unknown,
      counters: counters.snapshot(),
    });
  });

  app.get('/feedback/export.csv', async (c) => {
    const denied = await checkAdmin(c);
    if (denied) return denied;
    const since = parseSinceParam(c.req.query('since'));
    if (since === null)
      return createErrorResponse(400, ErrorCodes.InvalidFeedback, 'since must be a date like 2026-01-31.');
    const votes = await store.listVotes({ since });
    const csv = formatCsv(
      [
        'updated_at',
        'created_at',
        'day',
        'item_id',
        'title',
        'vote',
        'reason',
        'comment',
        'page_path',
        'language',
        'revision',
        'event_id',
      ],
      votes.map((v) => [
        new Date(v.updatedAt).toISOString(),
        new Date(v.createdAt).toISOString(),
        v.day,
        v.itemId,
        items.get(v.itemId)?.title ?? '',
        v.vote,
        v.reason,
        v.comment,
        v.pagePath,
        v.language,
        v.revision,
        v.eventId,
      ]),
    );
    return createTextResponse(200, csv, 'text/csv; charset=utf-8', {
      'content-disposition': `attachment; filename="feedback-${getUtcDay(clock())}.csv"`,
    });
  });

  for (const route of ['/health', '/feedback/summary', '/feedback/export.csv']) {
    app.all(route, () =>
      createErrorResponse(405, ErrorCodes.MethodNotAllowed, 'This route only answers GET.', {
        headers: { allow: 'GET' },
      }),
    );
  }

  async function checkAdmin(c: Context<{ Bindings: FeedbackBindings }>): Promise<Response | undefined> {
    if (!options.adminToken)
      return createErrorResponse(404, ErrorCodes.NotFound, 'There is nothing here; votes go to POST /feedback.');
    const header = c.req.header('authorization') ?? '';
    const token = header.toLowerCase().startsWith('bearer ') ? header.slice(7).trim() : '';
    if (!token || !(await equalSecrets(token, options.adminToken))) {
      return createErrorResponse(
        401,
        ErrorCodes.Unauthorized,
        'Send the admin token as "Authorization: Bearer <token>" (FEEDBACK_ADMIN_TOKEN on the server).',
        {
          headers: { 'www-authenticate': 'Bearer realm="feedback"' },
        },
      );
    }
    return undefined;
  }

  async function runDailyMaintenance(now: number): Promise<void> {
    try {
      const removed = await store.deleteEventIdsBefore(now - eventIdRetentionDays * 86_400_000);
      if (removed > 0) logger.info('event_ids_pruned', { removed });
    } catch (err) {
      logger.warn('maintenance_failed', { message: (err as Error).message });
    }
  }

  return app;
}

export type FeedbackApp = ReturnType<typeof createFeedbackApp>;

/** Back to the page the form was on: the reasons step after a bare "No", else the thank-you. */
function getFormRedirect(vote: VoteInput, origin: string): string {
  const url = new URL(vote.pagePath, origin);
  const target = url.origin === origin ? url : new URL('/', origin);
  target.hash =
    vote.vote === 'down' && !vote.reason && !vote.comment ? getReasonsId(vote.itemId) : getThanksId(vote.itemId);
  return target.href;
}

/** undefined = no filter, null = malformed, else the UTC midnight of the date (ms). */
function parseSinceParam(value: string | undefined): number | undefined | null {
  if (value === undefined || value === '') return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const time = Date.parse(`${value}T00:00:00Z`);
  return Number.isNaN(time) ? null : time;
}
