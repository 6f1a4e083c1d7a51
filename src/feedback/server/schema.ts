/**
 * What a vote looks like on the wire. Closed (unknown fields are errors), every string capped.
 * The same fields arrive as JSON (fetch/sendBeacon) or as a form (the no-JS widget).
 */
import { z } from 'zod';
import { wrongTypeError } from '../../lib/errors.ts';
import { FeedbackItemIdSchema, RevisionSchema } from '../manifest.ts';
import { COMMENT_MAX_LENGTH, FEEDBACK_REASONS } from '../reasons.ts';
import { cleanSearchQuery, SEARCH_QUERY_MAX_LENGTH } from '../search-query.ts';

export { COMMENT_MAX_LENGTH, FEEDBACK_REASONS, type FeedbackReason } from '../reasons.ts';

/** Body limit for every event, in bytes: far above a real vote, far below the 64 KiB beacon quota. */
export const BODY_LIMIT_BYTES = 8 * 1024;

// C0/C1 controls except tab and newline, plus bidi overrides that can disguise text in admin views.
const UNSAFE_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Comment text made inert: CRLF to LF, control and bidi-override characters removed, trimmed. */
export function cleanComment(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(UNSAFE_CHARS, '').trim();
}

/**
 * A site path the endpoint may redirect back to: one leading "/", no scheme, host or backslash.
 * A "#fragment" (as in the manifest's FAQ paths) is accepted and dropped.
 */
export const PagePathSchema = z
  .string({ error: wrongTypeError('expected a string like "/account/reset-password/"') })
  .max(512, 'must be 512 characters or fewer')
  .regex(
    /^\/(?![/\\])[^\s\\#\u0000-\u001F\u007F]*(?:#[^\s\u0000-\u001F\u007F]*)?$/,
    'must be a site path starting with one "/", like "/account/reset-password/"',
  )
  .transform((path) => path.split('#')[0]!);

const LanguageSchema = z
  .string({ error: wrongTypeError('expected a string like "en"') })
  .max(35, 'must be 35 characters or fewer')
  .regex(/^[a-zA-Z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/, 'must be a language tag like "en" or "pt-BR"');

const UuidSchema = z
  .string({ error: wrongTypeError('expected a UUID string') })
  .regex(
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    'must be a UUID like "3f2b8c1e-6d0a-4c39-9a57-1b2c3d4e5f60"',
  )
  .transform((s) => s.toLowerCase());

export const VoteInputSchema = z
  .object({
    /** The article or FAQ voted on, e.g. "article:reset-password"; must be in the build's manifest. */
    itemId: FeedbackItemIdSchema,
    /** The site path of the page the widget was on, e.g. "/account/reset-password/"; the no-JS form returns there. */
    pagePath: PagePathSchema,
    /** "up" (helpful) or "down" (not helpful); true and false are accepted for up and down. */
    vote: z
      .union([z.enum(['up', 'down']), z.boolean()], {
        error: 'expected "up" or "down" (or true/false)',
      })
      .transform((v): 'up' | 'down' => (v === true ? 'up' : v === false ? 'down' : v)),
    /** Why the page did not help; only with vote "down". */
    reason: z.enum(FEEDBACK_REASONS).optional(),
    /** Optional free text; control characters are removed and it must fit 1000 characters. */
    comment: z
      .string({ error: wrongTypeError('expected a string') })
      .max(COMMENT_MAX_LENGTH * 4, `must be ${COMMENT_MAX_LENGTH} characters or fewer`)
      .transform(cleanComment)
      .pipe(z.string().max(COMMENT_MAX_LENGTH, `must be ${COMMENT_MAX_LENGTH} characters or fewer`))
      .optional(),
    /** The page language as a BCP 47 tag, e.g. "en" or "pt-BR". */
    language: LanguageSchema,
    /** The git commit the page was built from ("unknown" outside git). */
    revision: RevisionSchema,
    /** A random UUID per vote, so a resend of the same vote is stored once. */
    eventId: UuidSchema,
    /** The eventId of this browser's previous vote on the same item, which this vote replaces. */
    replaces: UuidSchema.optional(),
    /** Honeypot: hidden from people, so it must stay empty. */
    website: z
      .string({ error: wrongTypeError('expected a string') })
      .max(200, 'must be 200 characters or fewer')
      .optional(),
    /** Cloudflare Turnstile token; only checked when the endpoint has Turnstile configured and a comment is sent. */
    turnstileToken: z
      .string({ error: wrongTypeError('expected a string') })
      .max(2048, 'must be 2048 characters or fewer')
      .optional(),
  })
  .strict()
  .superRefine((vote, ctx) => {
    if (vote.reason && vote.vote !== 'down') {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'is only allowed with vote "down"' });
    }
  });
/** A vote as it arrives, before the endpoint adds who/when. */
export type VoteInput = z.infer<typeof VoteInputSchema>;

/** A query as typed, normalised again here (the browser's normalisation is not trusted). */
const SearchQuerySchema = z
  .string({ error: wrongTypeError('expected a string') })
  .max(SEARCH_QUERY_MAX_LENGTH * 4, `must be ${SEARCH_QUERY_MAX_LENGTH} characters or fewer`)
  .transform(cleanSearchQuery)
  .pipe(
    z
      .string()
      .min(1, 'must not be empty')
      .refine(
        (q) => Array.from(q).length <= SEARCH_QUERY_MAX_LENGTH,
        `must be ${SEARCH_QUERY_MAX_LENGTH} characters or fewer`,
      ),
  );

/**
 * One settled search from the search box (site setting `searchInsights`). Closed like votes.
 * It carries nothing about the reader: the endpoint stores only these fields and the UTC day.
 */
export const SearchEventInputSchema = z
  .object({
    /** A random UUID per event, so a resend is stored once. */
    eventId: UuidSchema,
    /** What the reader searched for; normalised (lowercase, spaces collapsed, emails and long numbers masked). */
    query: SearchQuerySchema,
    /** How many results the search found. */
    resultCount: z
      .number({ error: wrongTypeError('expected a whole number from 0 to 10000') })
      .int('expected a whole number from 0 to 10000')
      .min(0, 'expected a whole number from 0 to 10000')
      .max(10_000, 'expected a whole number from 0 to 10000'),
    /** The site path of the result the reader opened, or null; a FAQ's with its anchor ("/faq/#slug"). */
    opened: z
      .string({ error: wrongTypeError('expected a site path like "/account/reset-password/" or null') })
      .max(300, 'must be 300 characters or fewer')
      .regex(
        /^\/(?![/\\])[^\s\\#?\u0000-\u001F\u007F]*(?:#[\w-]+)?$/,
        'must be a site path starting with one "/", like "/account/reset-password/"',
      )
      .nullable(),
    /** The reader clicked a contact link after this search, in the same page view. */
    contact: z.boolean({ error: wrongTypeError('expected true or false') }),
    /** The previous query in this tab that found nothing, when this one found something. */
    refinedFrom: SearchQuerySchema.optional(),
    /**
     * Where the query was typed: "site" (the help center's pages, the default), "widget" (the
     * in-product widget), "form" (a ticket form's subject, for deflection), "assistant" (MCP).
     */
    channel: z.enum(['site', 'widget', 'form', 'assistant']).default('site'),
    /** Ticket forms only: the customer submitted the form after the suggestions. */
    formSubmitted: z.boolean({ error: wrongTypeError('expected true or false') }).optional(),
    /** The page language, e.g. "en". */
    language: LanguageSchema,
    /** The git commit the page was built from ("unknown" outside git). */
    revision: RevisionSchema,
    /** Honeypot, as for votes: it must stay empty. */
    website: z
      .string({ error: wrongTypeError('expected a string') })
      .max(200, 'must be 200 characters or fewer')
      .optional(),
  })
  .strict()
  .superRefine((event, ctx) => {
    if (event.opened !== null && event.resultCount === 0) {
      ctx.addIssue({ code: 'custom', path: ['opened'], message: 'must be null when resultCount is 0' });
    }
    if ((event.formSubmitted === undefined) !== (event.channel !== 'form')) {
      ctx.addIssue({
        code: 'custom',
        path: ['formSubmitted'],
        message: event.channel === 'form' ? 'is required with channel "form"' : 'is only allowed with channel "form"',
      });
    }
  });
/** A search event as it arrives. */
export type SearchEventInput = z.infer<typeof SearchEventInputSchema>;

/** The schema with the manifest's ids: an id the build did not write is an issue on `itemId`. */
export function createVoteInputSchema(knownIds: ReadonlySet<string>) {
  return VoteInputSchema.superRefine((vote, ctx) => {
    if (!knownIds.has(vote.itemId)) {
      ctx.addIssue({
        code: 'custom',
        path: ['itemId'],
        message: `"${vote.itemId}" is not an article or FAQ of this site; the page may be newer than the endpoint's manifest`,
        params: { unknownItem: true },
      });
    }
  });
}

/** Fields of the no-JS form that may be left empty; an empty value means "not given". */
const OPTIONAL_FORM_FIELDS = new Set(['reason', 'comment', 'replaces', 'turnstileToken', 'eventId']);

/**
 * A form body as the object the schema checks. A field given twice is an issue (the form never
 * does that). The no-JS form has no random id, so the endpoint supplies `eventId` when missing.
 */
export function parseFormFields(
  text: string,
  createEventId: () => string,
): { ok: true; value: Record<string, string> } | { ok: false; duplicate: string } {
  const fields = new Map<string, string>();
  for (const [key, raw] of new URLSearchParams(text)) {
    if (fields.has(key)) return { ok: false, duplicate: key };
    fields.set(key, raw);
  }
  for (const key of OPTIONAL_FORM_FIELDS) if (fields.get(key) === '') fields.delete(key);
  if (!fields.has('eventId')) fields.set('eventId', createEventId());
  // Object.fromEntries defines "__proto__" as a plain field, so the schema sees and rejects it.
  const value: Record<string, string> = Object.fromEntries(fields);
  return { ok: true, value };
}
