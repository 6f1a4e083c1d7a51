/**
 * POST /feedback/contact: the widget's hand-over to a human. After the shared intake (origin 403,
 * the app's rate limit and a stricter one of its own 429, JSON only 415, size cap of its own 413): a closed
 * schema with length caps (400) -> honeypot and bots (silently 202) -> the message and the
 * context the reader saw and sent (searches, articles read, product page) forwarded to the
 * team's channel (contact-channel.ts) -> 202 when a channel took it, 502 when none did.
 * Nothing is stored: no database row, and the log has statuses only, never the message or address.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { ErrorCodes } from '../../../lib/errors.ts';
import type { FeedbackAppContext, FeedbackHonoEnv } from '../app-env.ts';
import { createErrorResponse, createJsonResponse } from '../http/responses.ts';
import { admission } from '../middleware/admission.ts';
import { rateLimit } from '../middleware/rate-limit.ts';
import { createRateLimiter, type RateLimitSettings } from '../rate-limit.ts';
import { deliverContact, type ContactChannel } from './contact-channel.ts';
import { parseEvent } from './parse-event.ts';
import { isSilentlyDropped } from './silent-drop.ts';

/** A reader writes to the team a few times a visit at most; an office NAT shares one key. */
export const CONTACT_RATE_LIMIT: RateLimitSettings = {
  perClient: { limit: 5, windowMs: 10 * 60_000 },
  global: { limit: 120, windowMs: 60_000 },
};

const text = (max: number) => z.string().trim().max(max, `must be ${max} characters or fewer`);
const sitePath = z
  .string()
  .max(300, 'must be 300 characters or fewer')
  .regex(/^\/(?!\/)[^\s\\]*$/, 'must be a path like "/settings/billing"');

export const ContactInputSchema = z
  .object({
    email: z.email('must be an email address like name@example.com').max(254, 'must be 254 characters or fewer'),
    name: text(100).optional(),
    message: text(2000).min(1, 'must not be empty'),
    language: z
      .string()
      .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'must be a language tag like "en" or "de"')
      .max(35),
    page: sitePath.optional(),
    searches: z.array(text(200).min(1)).max(10, 'must list 10 searches or fewer').default([]),
    read: z
      .array(z.object({ title: text(300).min(1), path: sitePath }).strict())
      .max(10, 'must list 10 pages or fewer')
      .default([]),
    /** Honeypot: people leave it empty. */
    website: z.string().max(200).optional(),
  })
  .strict();

/** The app's shared intake, in order: origin check, preflight answer, client, the app's limit (by noun). */
export interface ContactIntake {
  origin: MiddlewareHandler<FeedbackHonoEnv>;
  preflight: MiddlewareHandler<FeedbackHonoEnv>;
  client: MiddlewareHandler<FeedbackHonoEnv>;
  limit: (noun: string) => MiddlewareHandler<FeedbackHonoEnv>;
  dropBots: boolean;
}

export interface ContactSettings extends ContactChannel {
  /** Its own limit besides the app's; default CONTACT_RATE_LIMIT, false = off. */
  rateLimit?: RateLimitSettings | false;
  fetch?: typeof fetch;
}

/**
 * A message with its context can be longer than a vote: 2,000 characters of Japanese alone are
 * 6 KB of UTF-8, and ten searches and pages read as much again. The caps above bound it well under this.
 */
export const CONTACT_BODY_LIMIT_BYTES = 32 * 1024;

export const CONTACT_PATH = '/feedback/contact';

export function createContactRoutes(context: FeedbackAppContext, intake: ContactIntake, options: ContactSettings) {
  const { counters, logger, siteOrigin, clock } = context;
  const { rateLimit: _limit, fetch: fetchImpl, ...channel } = options;
  const app = new Hono<FeedbackHonoEnv>();
  const own =
    options.rateLimit === false
      ? []
      : [
          rateLimit({
            limiter: createRateLimiter(options.rateLimit ?? CONTACT_RATE_LIMIT),
            counters,
            noun: 'contact messages',
          }),
        ];
  app.options(CONTACT_PATH, intake.origin, intake.preflight);
  app.post(
    CONTACT_PATH,
    intake.origin,
    intake.client,
    intake.limit('contact messages'),
    ...own,
    admission({
      mediaTypes: new Set(['application/json', 'text/plain']),
      unsupportedMessage: 'Send the contact message as application/json, in UTF-8.',
      bodyLimitBytes: CONTACT_BODY_LIMIT_BYTES,
      noun: 'contact message',
      counters,
    }),
    async (c) => {
      const parsed = parseEvent(ContactInputSchema, { json: c.var.body.text }, 'contact message', counters);
      if (!parsed.ok) return parsed.response;
      const { website, read, ...input } = parsed.value;
      if (isSilentlyDropped(website, c.req.raw.headers, intake.dropBots, counters))
        return createJsonResponse(202, { ok: true });
      const deliveries = await deliverContact(
        channel,
        {
          ...input,
          read: read.map((r) => ({ title: r.title, url: new URL(r.path, siteOrigin).href })),
          site: siteOrigin,
          sentAt: new Date(clock()).toISOString(),
        },
        fetchImpl,
      );
      // Statuses only: the message and the address are the reader's and the team's, not the log's.
      for (const d of deliveries)
        if (!d.ok) logger.warn('contact_delivery_failed', { channel: d.channel, status: d.status ?? 'no answer' });
      if (deliveries.some((d) => d.ok)) {
        counters.increment('accepted.contact');
        return createJsonResponse(202, { ok: true });
      }
      counters.increment('errors.contact_delivery');
      const what = deliveries
        .map((d) => `${d.channel}: ${d.status ? `answered ${d.status}` : 'did not answer'}`)
        .join(', ');
      return createErrorResponse(
        502,
        ErrorCodes.ContactDeliveryFailed,
        'The message could not be passed on to the team; nothing was kept. Try again later or use another channel.',
        { issues: [what] },
      );
    },
  );
  app.all(CONTACT_PATH, () =>
    createErrorResponse(405, ErrorCodes.MethodNotAllowed, 'Contact messages are sent with POST.', {
      headers: { allow: 'POST, OPTIONS' },
    }),
  );
  return app;
}
