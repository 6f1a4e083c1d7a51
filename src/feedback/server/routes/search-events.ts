/**
 * POST /feedback/search (site setting searchInsights): one settled search, after the shared
 * intake: its own closed schema (400), honeypot and bots (silently 202), the shared `event_ids`
 * claim. It stores no visitor data at all: no hash, address or User-Agent.
 */
import type { Handler } from 'hono';
import type { FeedbackAppContext, FeedbackHonoEnv } from '../app-env.ts';
import { createJsonResponse } from '../http/responses.ts';
import { SearchEventInputSchema } from '../schema.ts';
import { parseEvent } from './parse-event.ts';
import { isSilentlyDropped } from './silent-drop.ts';

/** Search events come from sendBeacon only: JSON, usually as text/plain (no preflight). */
export const SEARCH_MEDIA_TYPES: ReadonlySet<string> = new Set(['application/json', 'text/plain']);

export interface SearchRouteOptions extends FeedbackAppContext {
  dropBots: boolean;
}

export function createSearchEventHandler(options: SearchRouteOptions): Handler<FeedbackHonoEnv> {
  const { store, counters, dropBots } = options;
  return async (c) => {
    const { now, day } = c.var.client;
    const parsed = parseEvent(SearchEventInputSchema, { json: c.var.body.text }, 'search event', counters);
    if (!parsed.ok) return parsed.response;
    const event = parsed.value;
    // Assistants (our MCP servers, or anyone's) are not browsers: their searches are counted apart
    // (channel "assistant" in the report), not dropped as bots; the honeypot still applies.
    if (isSilentlyDropped(event.website, c.req.raw.headers, dropBots && event.channel !== 'assistant', counters))
      return createJsonResponse(202, { ok: true });
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
    return createJsonResponse(202, { ok: true });
  };
}
