/**
 * POST /feedback: one vote, as JSON (fetch/sendBeacon) or a form (the no-JS widget). After the
 * shared intake: schema with the manifest's ids (400) -> honeypot and bots (silently 202) ->
 * Turnstile for comments, when configured (no valid token: the comment is dropped, the vote
 * kept) -> store commit -> 202 (JSON) or 303 back to the page (form).
 */
import type { Handler } from 'hono';
import { ErrorCodes } from '../../../lib/errors.ts';
import { getReasonsId, getThanksId } from '../../anchors.ts';
import type { FeedbackAppContext, FeedbackHonoEnv } from '../app-env.ts';
import { createJsonResponse, createRedirectResponse } from '../http/responses.ts';
import { getGraceDay, type SaltProvider } from '../privacy/salts.ts';
import { getVisitorHash } from '../privacy/visitor-hash.ts';
import { createVoteInputSchema, parseFormFields, type VoteInput } from '../schema.ts';
import type { TurnstileVerifier } from '../turnstile.ts';
import { parseEvent, rejectEvent } from './parse-event.ts';
import { isSilentlyDropped } from './silent-drop.ts';

export const VOTE_MEDIA_TYPES: ReadonlySet<string> = new Set([
  'application/json',
  'text/plain',
  'application/x-www-form-urlencoded',
]);

export interface VoteRouteOptions extends FeedbackAppContext {
  dropBots: boolean;
  salts: SaltProvider;
  secret?: string;
  turnstile?: TurnstileVerifier;
  createEventId: () => string;
}

export function createVoteHandler(options: VoteRouteOptions): Handler<FeedbackHonoEnv> {
  const { store, counters, siteOrigin, dropBots, createEventId } = options;
  const voteSchema = createVoteInputSchema(new Set(options.items.keys()));
  return async (c) => {
    const { now, day, salt, address } = c.var.client;
    const { mediaType, text } = c.var.body;
    const isForm = mediaType === 'application/x-www-form-urlencoded';
    let input: { json: string } | { value: unknown } = { json: text };
    if (isForm) {
      const fields = parseFormFields(text, createEventId);
      if (!fields.ok)
        return rejectEvent(counters, 'The vote has problems; fix the fields listed in issues.', [
          `${fields.duplicate}: is given more than once`,
        ]).response;
      input = { value: fields.value };
    }
    const parsed = parseEvent(voteSchema, input, 'vote', counters);
    if (!parsed.ok) return parsed.response;
    const vote = parsed.value;
    const answer = () =>
      isForm
        ? createRedirectResponse(getFormRedirect(vote, c.var.origin ?? siteOrigin))
        : createJsonResponse(202, { ok: true });

    if (isSilentlyDropped(vote.website, c.req.raw.headers, dropBots, counters)) return answer();
    // Turnstile guards free text only: without a valid token the comment is dropped (fail
    // closed) and the one-click vote is still stored, so a reader never loses their vote.
    let comment = vote.comment ? vote.comment : null;
    let commentRejected = false;
    if (comment && options.turnstile && !(await options.turnstile.verify(vote.turnstileToken))) {
      counters.increment('rejected.challenge');
      comment = null;
      commentRejected = true;
    }

    const hashUnder = (daySalt: string) =>
      getVisitorHash({
        salt: daySalt,
        secret: options.secret,
        address,
        userAgent: c.req.header('user-agent') ?? '',
        site: siteOrigin,
      });
    const visitorHash = await hashUnder(salt);
    // `replaces` may name the same visitor's vote from just before midnight: during the grace
    // hour the store may also match it under yesterday's salt; later it names no vote of ours.
    const graceDay = vote.replaces ? getGraceDay(now) : undefined;
    const previousVisitorHash = graceDay ? await hashUnder(await options.salts.getSalt(graceDay)) : null;
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
      previousVisitorHash,
      receivedAt: now,
    });
    counters.increment(`accepted.${outcome}`);
    if (commentRejected && !isForm) {
      return createJsonResponse(202, { ok: true, comment: 'rejected', code: ErrorCodes.ChallengeFailed });
    }
    return answer();
  };
}

/** Back to the page the form was on: the reasons step after a bare "No", else the thank-you. */
function getFormRedirect(vote: VoteInput, origin: string): string {
  const url = new URL(vote.pagePath, origin);
  const target = url.origin === origin ? url : new URL('/', origin);
  target.hash =
    vote.vote === 'down' && !vote.reason && !vote.comment ? getReasonsId(vote.itemId) : getThanksId(vote.itemId);
  return target.href;
}
