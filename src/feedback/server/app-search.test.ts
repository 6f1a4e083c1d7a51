import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createFeedbackApp } from './app.ts';
import { createJsonLogger } from './logger.ts';
import { normalizeSearchQuery } from '../search-query.ts';
import { createSqliteStore } from './stores/sqlite.ts';
import { BOT_USER_AGENTS } from '../../../test/helpers/feedback/user-agents.ts';
import { openReadOnly, selectColumn } from '../../../test/helpers/sqlite-file.ts';
import {
  createBrowserHeaders,
  createTestManifest,
  createVoteBody,
  REVISION,
  SITE_ORIGIN,
} from '../../../test/helpers/feedback/fixtures.ts';
import { createTestApp, START_TIME, type PostOptions, type TestApp } from '../../../test/helpers/feedback/test-app.ts';

let t: TestApp;
afterEach(async () => {
  await t?.cleanup();
});

function createSearchBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    eventId: crypto.randomUUID(),
    query: 'reset password',
    resultCount: 3,
    opened: null,
    contact: false,
    language: 'en',
    revision: REVISION,
    ...overrides,
  };
}

function postSearch(body: Record<string, unknown> | string, options: PostOptions = {}) {
  const headers = createBrowserHeaders(options.headers);
  for (const name of options.without ?? []) delete headers[name];
  return t.request(
    '/feedback/search',
    { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) },
    options.address,
  );
}

describe('POST /feedback/search with a valid event', () => {
  it('stores an opened FAQ with its anchor: the question, not the FAQ page', async () => {
    t = await createTestApp();
    const body = createSearchBody({ resultCount: 1, opened: '/faq/#why-charged-twice' });
    expect((await postSearch(body)).status).toBe(202);
    expect((await t.store.listSearchEvents()).map((e) => e.opened)).toEqual(['/faq/#why-charged-twice']);
  });

  it('answers 202 and stores the normalised query, counts, opened path and the UTC day', async () => {
    t = await createTestApp();
    const body = createSearchBody({
      query: '  Reimbursement   WHEN ',
      resultCount: 2,
      opened: '/returns-refunds/refund-timelines/',
      contact: true,
      refinedFrom: 'Money  Back',
    });
    const res = await postSearch(body);
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ ok: true });
    expect(res.headers.get('access-control-allow-origin')).toBe(SITE_ORIGIN);
    expect(await t.store.listSearchEvents()).toEqual([
      {
        eventId: body.eventId,
        day: '2026-03-01',
        query: 'reimbursement when',
        resultCount: 2,
        opened: '/returns-refunds/refund-timelines/',
        contact: true,
        refinedFrom: 'money back',
        channel: 'site',
        formSubmitted: null,
        language: 'en',
        revision: REVISION,
        receivedAt: START_TIME,
      },
    ]);
    expect(await t.store.countVotes()).toBe(0);
    expect(t.counters.get('accepted.search_created')).toBe(1);
  });

  it('stores the channel, and for a ticket form whether it was submitted', async () => {
    t = await createTestApp();
    const form = createSearchBody({
      query: 'Card declined',
      channel: 'form',
      formSubmitted: false,
      opened: '/billing/x/',
    });
    const widget = createSearchBody({ query: 'refund', channel: 'widget' });
    expect((await postSearch(form)).status).toBe(202);
    expect((await postSearch(widget)).status).toBe(202);
    const stored = await t.store.listSearchEvents();
    expect(stored.map((e) => [e.query, e.channel, e.formSubmitted, e.opened])).toEqual([
      ['card declined', 'form', false, '/billing/x/'],
      ['refund', 'widget', null, null],
    ]);
  });

  it('stores a resent event id once', async () => {
    t = await createTestApp();
    const body = createSearchBody();
    expect((await postSearch(body)).status).toBe(202);
    expect((await postSearch(body)).status).toBe(202);
    expect(await t.store.countSearchEvents()).toBe(1);
    expect(t.counters.get('accepted.search_duplicate')).toBe(1);
  });

  it('drops refinedFrom when it equals the query after normalisation', async () => {
    t = await createTestApp();
    await postSearch(createSearchBody({ query: 'Refund', refinedFrom: ' refund ' }));
    expect((await t.store.listSearchEvents())[0]?.refinedFrom).toBeNull();
  });

  it('answers a preflight from the site with 204 and one from elsewhere with 403', async () => {
    t = await createTestApp();
    const ok = await t.request('/feedback/search', {
      method: 'OPTIONS',
      headers: { origin: SITE_ORIGIN, 'access-control-request-method': 'POST' },
    });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(SITE_ORIGIN);
    const denied = await t.request('/feedback/search', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example' },
    });
    expect(denied.status).toBe(403);
  });

  it('answers GET with 405 and Allow: POST, OPTIONS', async () => {
    t = await createTestApp();
    const res = await t.request('/feedback/search', { method: 'GET' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST, OPTIONS');
  });
});

describe('search event validation', () => {
  const cases: Array<[string, Record<string, unknown>, string[]]> = [
    ['an empty query', { query: '   ' }, ['query: must not be empty']],
    ['a query of 201 characters', { query: 'a'.repeat(201) }, ['query: must be 200 characters or fewer']],
    ['a query that is not a string', { query: 42 }, ['query: expected string, received number']],
    ['a negative result count', { resultCount: -1 }, ['resultCount: expected a whole number from 0 to 10000']],
    ['a fractional result count', { resultCount: 1.5 }, ['resultCount: expected integer, received float']],
    ['a result count over 10000', { resultCount: 10_001 }, ['resultCount: expected a whole number from 0 to 10000']],
    [
      'an opened full URL',
      { opened: 'https://evil.example/x' },
      ['opened: must be a site path starting with one "/", like "/account/reset-password/"'],
    ],
    [
      'an opened protocol-relative URL',
      { opened: '//evil.example/x' },
      ['opened: must be a site path starting with one "/", like "/account/reset-password/"'],
    ],
    [
      'an opened path of 301 characters',
      { opened: `/${'a'.repeat(300)}` },
      ['opened: must be 300 characters or fewer'],
    ],
    [
      'an opened path with zero results',
      { resultCount: 0, opened: '/a/' },
      ['opened: must be null when resultCount is 0'],
    ],
    ['a contact flag that is not a boolean', { contact: 'yes' }, ['contact: expected boolean, received string']],
    ['a missing event id', { eventId: undefined }, ['eventId: is required (expected string)']],
    [
      'an unknown channel',
      { channel: 'email' },
      ['channel: expected one of "site", "widget", "form", "assistant", received "email"'],
    ],
    ['a form event without its outcome', { channel: 'form' }, ['formSubmitted: is required with channel "form"']],
    [
      'a form outcome on a site search',
      { formSubmitted: true },
      ['formSubmitted: is only allowed with channel "form"'],
    ],
    ['a bad revision', { revision: 'main' }, []],
    ['an unknown field', { visitor: 'abc' }, []],
    ['a user agent field', { userAgent: 'Mozilla/5.0' }, []],
  ];
  for (const [name, overrides, issues] of cases) {
    it(`answers 400 InvalidFeedback for ${name} and stores nothing`, async () => {
      t = await createTestApp();
      const res = await postSearch(createSearchBody(overrides));
      expect(res.status).toBe(400);
      const json = (await res.json()) as { error: { code: string; message: string; issues: string[] } };
      expect(json.error.code).toBe('InvalidFeedback');
      expect(json.error.message).toBe('The search event has problems; fix the fields listed in issues.');
      if (issues.length) expect(json.error.issues).toEqual(issues);
      else expect(json.error.issues.length).toBeGreaterThan(0);
      expect(await t.store.countSearchEvents()).toBe(0);
    });
  }

  it('answers 400 for a body that is not JSON', async () => {
    t = await createTestApp();
    const res = await postSearch('query=refund');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
      'The body is not valid JSON; send one JSON object with the search event fields.',
    );
  });

  it('answers 415 for a form post, which only votes accept', async () => {
    t = await createTestApp();
    const res = await postSearch('query=refund', { headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(415);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
      'Send the search event as application/json or text/plain holding JSON, in UTF-8.',
    );
  });

  it('answers 403 to another origin and to a request without Origin or Referer', async () => {
    t = await createTestApp();
    expect((await postSearch(createSearchBody(), { headers: { origin: 'https://evil.example' } })).status).toBe(403);
    expect((await postSearch(createSearchBody(), { without: ['origin'] })).status).toBe(403);
    expect(await t.store.countSearchEvents()).toBe(0);
  });

  it('answers 413 for a body over 8 KiB before parsing it', async () => {
    t = await createTestApp();
    const res = await postSearch(createSearchBody({ query: 'x'.repeat(9000) }));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
      'The body is over 8192 bytes; a search event is far smaller.',
    );
    expect(t.counters.get('rejected.too_large')).toBe(1);
  });
});

describe('search events and silent drops', () => {
  it('drops a filled honeypot with the same 202 and stores nothing', async () => {
    t = await createTestApp();
    const res = await postSearch(createSearchBody({ website: 'http://spam.example' }));
    expect(res.status).toBe(202);
    expect(await t.store.countSearchEvents()).toBe(0);
    expect(t.counters.get('dropped.honeypot')).toBe(1);
  });

  it('drops bots and headless browsers with the same 202 and stores nothing', async () => {
    t = await createTestApp();
    for (const ua of BOT_USER_AGENTS.slice(0, 20)) {
      expect((await postSearch(createSearchBody(), { headers: { 'user-agent': ua } })).status).toBe(202);
    }
    expect(await t.store.countSearchEvents()).toBe(0);
    expect(t.counters.get('dropped.bot')).toBe(20);
  });

  it("keeps an assistant's search (channel assistant, User-Agent node) apart instead of dropping it", async () => {
    t = await createTestApp();
    const headers = { 'user-agent': 'node' };
    expect((await postSearch(createSearchBody({ channel: 'site' }), { headers })).status).toBe(202);
    expect(await t.store.countSearchEvents()).toBe(0);
    const assistant = createSearchBody({ channel: 'assistant', query: 'track my parcel' });
    expect((await postSearch(assistant, { headers })).status).toBe(202);
    const stored = await t.store.listSearchEvents();
    expect(stored.map((e) => [e.query, e.channel])).toEqual([['track my parcel', 'assistant']]);
    // The honeypot still applies to assistants.
    expect((await postSearch({ ...assistant, eventId: crypto.randomUUID(), website: 'x' }, { headers })).status).toBe(
      202,
    );
    expect(await t.store.countSearchEvents()).toBe(1);
  });
});

describe('search events share the rate limit with votes', () => {
  it('counts votes and search events from one client against the same 10 per minute', async () => {
    t = await createTestApp({ rateLimit: { perClient: { limit: 10, windowMs: 60_000 } } });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (
          await t.post(createVoteBody({ itemId: i % 2 ? 'article:reset-password' : 'article:track-a-parcel' }), {
            address: '192.0.2.7',
          })
        ).status,
      );
    for (let i = 0; i < 6; i++) statuses.push((await postSearch(createSearchBody(), { address: '192.0.2.7' })).status);
    expect(statuses.filter((s) => s === 202)).toHaveLength(10);
    const limited = await postSearch(createSearchBody(), { address: '192.0.2.7' });
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as { error: { message: string } }).error.message).toMatch(
      /^Too many search events; try again in \d+ s\.$/,
    );
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await t.store.countSearchEvents()).toBe(4);
    expect((await postSearch(createSearchBody(), { address: '192.0.2.8' })).status).toBe(202);
  });
});

describe('search query normalisation', () => {
  it('lowercases, collapses whitespace, removes control and bidi characters and caps at 200 characters', () => {
    expect(normalizeSearchQuery('  Reset\t\tPASSWORD\u202E \u0000now  ')).toBe('reset password now');
    expect(normalizeSearchQuery('ｒｅｆｕｎｄ')).toBe('refund');
    expect(Array.from(normalizeSearchQuery('ü'.repeat(300)))).toHaveLength(200);
  });

  it('masks email addresses and long numbers, which may identify a reader', () => {
    expect(normalizeSearchQuery('Order 12345678 for Jane.Doe@example.com')).toBe('order [number] for [email]');
    expect(normalizeSearchQuery('call +44 20 7946 0958')).toBe('call [number]');
    expect(normalizeSearchQuery('card 4111-1111-1111-1111 declined')).toBe('card [number] declined');
    expect(normalizeSearchQuery('error 404 in 2026')).toBe('error 404 in 2026');
  });
});

describe('search event privacy', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps no address, user agent or visitor hash of 200 searchers in the database file, its -wal file or the logs', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'search-privacy-'));
    dirs.push(dir);
    const file = path.join(dir, 'feedback.db');
    const store = await createSqliteStore({ file });
    let logs = '';
    const app = createFeedbackApp({
      store,
      manifest: createTestManifest(),
      logger: createJsonLogger((line) => (logs += line)),
      clock: () => START_TIME,
      rateLimit: false,
    });
    const searchers = Array.from({ length: 200 }, (_, i) => ({
      address: `198.51.100.${i}`,
      userAgent: `Mozilla/5.0 (X11; SearchPrivacyOS ${i}) Gecko/20100101 Firefox/127.${i}`,
    }));
    for (const [i, s] of searchers.entries()) {
      const res = await app.request(
        '/feedback/search',
        {
          method: 'POST',
          headers: createBrowserHeaders({ 'user-agent': s.userAgent }),
          body: JSON.stringify(createSearchBody({ query: `question ${i} mail me at reader${i}@example.com` })),
        },
        { remoteAddress: s.address },
      );
      expect(res.status).toBe(202);
    }
    const bytes = readFileSync(file).toString('latin1') + readFileSync(`${file}-wal`).toString('latin1');
    for (const s of searchers) {
      expect(bytes.includes(s.address)).toBe(false);
      expect(bytes.includes(`SearchPrivacyOS ${searchers.indexOf(s)})`)).toBe(false);
      expect(logs.includes(s.address)).toBe(false);
    }
    expect(bytes.includes('@example.com')).toBe(false);
    expect(bytes.includes('question 7 mail me at [email]')).toBe(true);
    await store.close();
    const db = openReadOnly(file);
    const names = selectColumn(db, 'SELECT name FROM pragma_table_info(?)', 'search_events');
    db.close();
    expect(names).toEqual([
      'id',
      'event_id',
      'day',
      'query',
      'result_count',
      'opened',
      'contact',
      'refined_from',
      'language',
      'revision',
      'received_at',
      'channel',
      'form_submitted',
    ]);
  });
});
