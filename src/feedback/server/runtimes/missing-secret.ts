/**
 * Workers, Netlify and Vercel refuse to run without FEEDBACK_SECRET. There the salts sit in the
 * same database as the visitor hashes, so without a secret a copy of the database alone (a D1
 * export) re-identified every voter by trying candidate addresses. Every request gets a 503 that
 * says what to set, and the log says it once per instance rather than on every request.
 */
import { ErrorCodes } from '../../../lib/errors.ts';
import { createErrorResponse } from '../http/responses.ts';
import type { FeedbackLogger } from '../logger.ts';
import type { FeedbackEnv } from './config.ts';

export const MISSING_SECRET_MESSAGE =
  'The feedback endpoint has no FEEDBACK_SECRET, so it stores nothing: set one (openssl rand -hex 32) as a secret of the deployment (npx wrangler secret put FEEDBACK_SECRET, or the environment variables of the Netlify or Vercel project) and deploy again.';

/** The answer to every endpoint request while the secret is missing. */
export function createMissingSecretResponse(): Response {
  return createErrorResponse(503, ErrorCodes.MissingFeedbackSecret, MISSING_SECRET_MESSAGE);
}

/** A check of each request's settings: true when FEEDBACK_SECRET is missing, logged the first time only. */
export function createSecretCheck(logger: FeedbackLogger): (env: FeedbackEnv) => boolean {
  let logged = false;
  return (env) => {
    if (env.FEEDBACK_SECRET) return false;
    if (!logged) {
      logged = true;
      logger.error('missing_secret', { code: ErrorCodes.MissingFeedbackSecret, message: MISSING_SECRET_MESSAGE });
    }
    return true;
  };
}
