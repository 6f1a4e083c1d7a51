/**
 * Admin reads behind a bearer token (FEEDBACK_ADMIN_TOKEN): GET /feedback/summary (tallies per
 * item, search insights with the content gaps, and the counters) and GET /feedback/export.csv
 * (every vote row, or with ?section=gaps the content gaps and synonym suggestions). Without a
 * token the routes are not mounted, so they answer 404 like any unknown path.
 */
import { Hono, type Context } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { ErrorCodes } from '../../../lib/errors.ts';
import { parseIsoDay } from '../../../lib/iso-day.ts';
import { formatSearchInsightsCsv } from '../report/search-insights-csv.ts';
import { buildSearchInsights } from '../report/search-insights.ts';
import { createEmptyTally, summarizeVotes } from '../report/summarize.ts';
import { formatCsv } from '../../csv.ts';
import type { FeedbackAppContext, FeedbackHonoEnv } from '../app-env.ts';
import { createErrorResponse, createJsonResponse, createTextResponse } from '../http/responses.ts';
import { getUtcDay } from '../privacy/day.ts';

const REALM = 'Bearer realm="feedback"';

export function createAdminRoutes(options: FeedbackAppContext & { adminToken: string }): Hono<FeedbackHonoEnv> {
  const { store, manifest, items, clock, counters } = options;
  const unauthorized = () =>
    createErrorResponse(
      401,
      ErrorCodes.Unauthorized,
      'Send the admin token as "Authorization: Bearer <token>" (FEEDBACK_ADMIN_TOKEN on the server).',
      { headers: { 'www-authenticate': REALM } },
    );
  // A malformed header is answered like a wrong token: 401, never a hint about the format.
  const auth = bearerAuth({
    token: options.adminToken,
    realm: 'feedback',
    noAuthenticationHeader: { message: unauthorized },
    invalidAuthenticationHeader: { message: unauthorized, wwwAuthenticateHeader: REALM },
    invalidToken: { message: unauthorized, wwwAuthenticateHeader: REALM },
  });

  const admin = new Hono<FeedbackHonoEnv>();

  admin.get('/feedback/summary', auth, async (c) => {
    const since = readSince(c);
    if (since instanceof Response) return since;
    const [votes, searchEvents] = await Promise.all([store.listVotes({ since }), store.listSearchEvents({ since })]);
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
      search: buildSearchInsights(searchEvents),
      counters: counters.snapshot(),
    });
  });

  admin.get('/feedback/export.csv', auth, async (c) => {
    const since = readSince(c);
    if (since instanceof Response) return since;
    const section = c.req.query('section') ?? 'votes';
    if (section !== 'votes' && section !== 'gaps')
      return createErrorResponse(400, ErrorCodes.InvalidFeedback, 'section must be "votes" (the default) or "gaps".');
    const filename = `feedback-${section === 'gaps' ? 'gaps-' : ''}${getUtcDay(clock())}.csv`;
    const headers = { 'content-disposition': `attachment; filename="${filename}"` };
    if (section === 'gaps') {
      const search = buildSearchInsights(await store.listSearchEvents({ since }));
      return createTextResponse(200, formatSearchInsightsCsv({ search }), 'text/csv; charset=utf-8', headers);
    }
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
    return createTextResponse(200, csv, 'text/csv; charset=utf-8', headers);
  });

  for (const route of ['/feedback/summary', '/feedback/export.csv']) {
    admin.all(route, () =>
      createErrorResponse(405, ErrorCodes.MethodNotAllowed, 'This route only answers GET.', {
        headers: { allow: 'GET' },
      }),
    );
  }
  return admin;
}

/** `?since=YYYY-MM-DD`: undefined = no filter, else the UTC midnight of that date (ms); a 400 when malformed or not a real day. */
function readSince(c: Context<FeedbackHonoEnv>): number | undefined | Response {
  const value = c.req.query('since');
  if (value === undefined || value === '') return undefined;
  const time = parseIsoDay(value);
  if (time === undefined)
    return createErrorResponse(400, ErrorCodes.InvalidFeedback, 'since must be a date like 2026-01-31.');
  return time;
}
