/**
 * Admission of an event body: a content type the route accepts, in UTF-8 and without a
 * Content-Encoding (415), then the body
 * read with a streaming byte cap (413), decoded as strict UTF-8 (400). The route gets the text.
 */
import { createMiddleware } from 'hono/factory';
import { ErrorCodes } from '../../../lib/errors.ts';
import type { FeedbackHonoEnv } from '../app-env.ts';
import type { FeedbackCounters } from '../counters.ts';
import { readBodyWithLimit } from '../http/read-body.ts';
import { createErrorResponse } from '../http/responses.ts';

export interface AdmissionOptions {
  /** Accepted media types, lowercase. */
  mediaTypes: ReadonlySet<string>;
  /** The 415 message: what to send instead. */
  unsupportedMessage: string;
  bodyLimitBytes: number;
  /** What the body is, for messages: "vote", "search event". */
  noun: string;
  counters: FeedbackCounters;
}

const UTF8_CHARSETS = new Set(['utf-8', 'utf8', 'us-ascii']);

export function admission(options: AdmissionOptions) {
  const { mediaTypes, unsupportedMessage, bodyLimitBytes, noun, counters } = options;
  return createMiddleware<FeedbackHonoEnv>(async (c, next) => {
    const [mediaType = '', ...params] = (c.req.header('content-type') ?? '')
      .split(';')
      .map((s) => s.trim().toLowerCase());
    const charset = params
      .find((p) => p.startsWith('charset='))
      ?.slice(8)
      .replace(/"/g, '');
    if (!mediaTypes.has(mediaType) || (charset && !UTF8_CHARSETS.has(charset))) {
      counters.increment('rejected.media_type');
      return createErrorResponse(415, ErrorCodes.UnsupportedMediaType, unsupportedMessage);
    }

    // Nothing here decompresses, so an encoded body would be stored as if it were plain text.
    const encoding = c.req.header('content-encoding')?.trim().toLowerCase();
    if (encoding && encoding !== 'identity') {
      counters.increment('rejected.media_type');
      return createErrorResponse(
        415,
        ErrorCodes.UnsupportedMediaType,
        `Content-Encoding "${encoding.slice(0, 40)}" is not supported; send the ${noun} uncompressed.`,
      );
    }

    const body = c.env?.readBody
      ? await c.env.readBody(bodyLimitBytes)
      : await readBodyWithLimit(c.req.raw, bodyLimitBytes);
    if (!body.ok) {
      if (body.reason === 'too-large') {
        counters.increment('rejected.too_large');
        return createErrorResponse(
          413,
          ErrorCodes.FeedbackTooLarge,
          `The body is over ${bodyLimitBytes} bytes; a ${noun} is far smaller.`,
        );
      }
      counters.increment('rejected.invalid');
      const message =
        body.reason === 'invalid-utf8' ? 'The body is not valid UTF-8 text.' : 'The body could not be read completely.';
      return createErrorResponse(400, ErrorCodes.InvalidFeedback, message);
    }
    c.set('body', { mediaType, text: body.text });
    await next();
  });
}
