import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBrowserHeaders, createVoteBody, SITE_ORIGIN } from '../../../test/helpers/feedback/fixtures.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/feedback/test-app.ts';
import type { FeedbackStore } from './stores/types.ts';

let t: TestApp;
afterEach(async () => {
  await t.cleanup();
});

describe('CORS and methods (checklist 4)', () => {
  beforeEach(async () => {
    t = await createTestApp();
  });

  it('answers a preflight from an allowed origin with 204, that origin, and Vary: Origin', async () => {
    const res = await t.request('/feedback', {
      method: 'OPTIONS',
      headers: {
        origin: SITE_ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(res.status).toBe(204);
    expect(Object.fromEntries(res.headers)).toMatchObject({
      'access-control-allow-origin': SITE_ORIGIN,
      'access-control-allow-methods': 'POST',
      'access-control-allow-headers': 'content-type',
    });
    expect(res.headers.get('vary')?.split(/,\s*/)).toContain('Origin');
  });

  it('gives a preflight from another origin no Access-Control-Allow-Origin', async () => {
    const res = await t.request('/feedback', { method: 'OPTIONS', headers: { origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('vary')).toBe('Origin');
  });

  it('answers GET, PUT, DELETE and PATCH on /feedback with 405 and Allow', async () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
      const res = await t.request('/feedback', { method, headers: { origin: SITE_ORIGIN } });
      expect(res.status, method).toBe(405);
      expect(res.headers.get('allow')).toBe('POST, OPTIONS');
    }
  });

  it('answers multipart/form-data, XML and a missing Content-Type with 415', async () => {
    for (const type of ['multipart/form-data; boundary=x', 'application/xml', 'text/plain; charset=iso-8859-1']) {
      expect((await t.post(createVoteBody(), { headers: { 'content-type': type } })).status, type).toBe(415);
    }
    // A string body would get text/plain from the Request constructor; bytes get no Content-Type.
    const bytes = new TextEncoder().encode(JSON.stringify(createVoteBody()));
    const res = await t.request('/feedback', {
      method: 'POST',
      headers: { origin: SITE_ORIGIN, 'user-agent': 'Mozilla/5.0 (X11) Firefox/126.0' },
      body: bytes,
    });
    expect(res.status).toBe(415);
    expect(await t.store.countVotes()).toBe(0);
  });
});

describe('origin allow-list (checklist 5)', () => {
  it('refuses a POST from another origin with 403 and stores nothing', async () => {
    t = await createTestApp();
    const res = await t.post(createVoteBody(), { headers: { origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('OriginNotAllowed');
    expect(await t.store.countVotes()).toBe(0);
  });

  it('refuses Origin "null" (sandboxed frames, file: pages)', async () => {
    t = await createTestApp();
    expect((await t.post(createVoteBody(), { headers: { origin: 'null' } })).status).toBe(403);
  });

  it('accepts the configured extra origins', async () => {
    t = await createTestApp({ allowedOrigins: ['http://localhost:4321/'] });
    expect((await t.post(createVoteBody(), { headers: { origin: 'http://localhost:4321' } })).status).toBe(202);
  });

  it('uses the Referer when a browser leaves Origin out', async () => {
    t = await createTestApp();
    expect(
      (await t.post(createVoteBody(), { without: ['origin'], headers: { referer: `${SITE_ORIGIN}/a/b/` } })).status,
    ).toBe(202);
    expect(
      (await t.post(createVoteBody(), { without: ['origin'], headers: { referer: 'https://evil.example/' } })).status,
    ).toBe(403);
  });

  it('refuses a POST with neither Origin nor Referer by default', async () => {
    t = await createTestApp();
    expect((await t.post(createVoteBody(), { without: ['origin'] })).status).toBe(403);
    expect(await t.store.countVotes()).toBe(0);
  });

  it('accepts a POST with neither Origin nor Referer when allowMissingOrigin is on', async () => {
    t = await createTestApp({ allowMissingOrigin: true });
    expect((await t.post(createVoteBody(), { without: ['origin'] })).status).toBe(202);
    expect(await t.store.countVotes()).toBe(1);
  });
});

describe('responses reveal nothing (checklist 14)', () => {
  it('answers the status matrix with these exact bodies', async () => {
    t = await createTestApp({ rateLimit: { perClient: { limit: 3, windowMs: 60_000 } } });
    const matrix: Record<string, unknown> = {};
    const record = async (name: string, res: Response) => {
      const text = await res.text();
      matrix[name] = `${res.status} ${text}`;
    };
    await record('valid', await t.post(createVoteBody(), { address: '10.0.0.1' }));
    await record(
      'bot',
      await t.post(createVoteBody(), { address: '10.0.0.2', headers: { 'user-agent': 'curl/8.5.0' } }),
    );
    await record('honeypot', await t.post(createVoteBody({ website: 'x' }), { address: '10.0.0.3' }));
    await record(
      'bad origin',
      await t.post(createVoteBody(), { address: '10.0.0.4', headers: { origin: 'https://evil.example' } }),
    );
    await record('bad schema', await t.post(createVoteBody({ vote: 'maybe', extra: 1 }), { address: '10.0.0.5' }));
    await record('not JSON', await t.post('{"vote":', { address: '10.0.0.5' }));
    await record('too big', await t.post('x'.repeat(9000), { address: '10.0.0.6' }));
    await record('wrong method', await t.request('/feedback', { method: 'GET' }));
    await record(
      'wrong type',
      await t.post(createVoteBody(), { address: '10.0.0.7', headers: { 'content-type': 'multipart/form-data' } }),
    );
    for (let i = 0; i < 3; i++) await t.post(createVoteBody(), { address: '10.0.0.8' });
    await record('rate limited', await t.post(createVoteBody(), { address: '10.0.0.8' }));
    await record('unknown route', await t.request('/nope', { method: 'GET' }));
    expect(matrix).toMatchInlineSnapshot(`
      {
        "bad origin": "403 {"error":{"code":"OriginNotAllowed","message":"This origin may not send feedback here; only the help center's own pages can.","issues":[]}}",
        "bad schema": "400 {"error":{"code":"InvalidFeedback","message":"The vote has problems; fix the fields listed in issues.","issues":["vote: expected \\"up\\" or \\"down\\" (or true/false)","unknown field \\"extra\\""]}}",
        "bot": "202 {"ok":true}",
        "honeypot": "202 {"ok":true}",
        "not JSON": "400 {"error":{"code":"InvalidFeedback","message":"The body is not valid JSON; send one JSON object with the vote fields.","issues":[]}}",
        "rate limited": "429 {"error":{"code":"RateLimited","message":"Too many votes; try again in 60 s.","issues":[]}}",
        "too big": "413 {"error":{"code":"FeedbackTooLarge","message":"The body is over 8192 bytes; a vote is far smaller.","issues":[]}}",
        "unknown route": "404 {"error":{"code":"NotFound","message":"There is nothing here; votes go to POST /feedback.","issues":[]}}",
        "valid": "202 {"ok":true}",
        "wrong method": "405 {"error":{"code":"MethodNotAllowed","message":"Votes are sent with POST.","issues":[]}}",
        "wrong type": "415 {"error":{"code":"UnsupportedMediaType","message":"Send the vote as application/json, text/plain holding JSON, or an application/x-www-form-urlencoded form, in UTF-8.","issues":[]}}",
      }
    `);
  });

  it('answers 500 invalid requests without a 5xx, a stack trace, a file path or SQL', async () => {
    t = await createTestApp();
    const bodies = [
      '',
      'null',
      '[]',
      '"x"',
      '{"__proto__":{"admin":true}}',
      '{"constructor":{"prototype":{}}}',
      '{"itemId":"article:reset-password\' OR 1=1 --"}',
      `{"itemId":"${'a'.repeat(5000)}"}`,
      '{"vote":"up","eventId":"not-a-uuid"}',
      '\u0000\u0001',
    ];
    const stackFrame = /\bat\s+\S+\s+\(|\bat\s+(?:file:)?\/|\.ts:\d+|node_modules|\/src\//;
    const sql = /\b(SELECT|INSERT|UPDATE|DELETE FROM|SQLITE|constraint|syntax error)\b/i;
    for (let i = 0; i < 500; i++) {
      const res = await t.post(bodies[i % bodies.length]!, { address: `10.1.${i % 250}.1` });
      expect(res.status).toBeLessThan(500);
      const text = await res.text();
      expect(text).not.toContain('Error:');
      expect(text).not.toContain('at ');
      expect(text).not.toMatch(stackFrame);
      expect(text).not.toMatch(sql);
    }
    expect(await t.store.countVotes()).toBe(0);
  });

  it('logs an unexpected store failure and answers a generic 500 that names nothing internal', async () => {
    const failing = await createTestApp();
    const store: FeedbackStore = {
      ...failing.store,
      recordVote: async () => {
        throw new Error('SQLITE_IOERR: disk I/O error at /var/lib/feedback.db');
      },
    };
    t = await createTestApp({ store });
    const res = await t.post(createVoteBody());
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({
      error: {
        code: 'InternalError',
        message: 'Something went wrong on our side; the vote was not saved. Please try again later.',
        issues: [],
      },
    });
    expect(t.logger.lines).toContainEqual(
      expect.objectContaining({
        level: 'error',
        event: 'unhandled_error',
        path: '/feedback',
        message: 'SQLITE_IOERR: disk I/O error at /var/lib/feedback.db',
      }),
    );
    expect(t.counters.get('errors.internal')).toBe(1);
    await failing.cleanup();
  });
});

describe('GET /health', () => {
  it('answers 200 while the store answers', async () => {
    t = await createTestApp();
    const res = await t.request('/health', { method: 'GET' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', dropped: { bot: 0, honeypot: 0, unknownItem: 0 } });
  });

  it('counts the votes it dropped: bots and the honeypot (answered 202) and unknown ids, numbers only', async () => {
    t = await createTestApp();
    expect((await t.post(createVoteBody(), { without: ['user-agent'] })).status).toBe(202);
    expect((await t.post(createVoteBody(), { headers: { 'user-agent': 'curl/8.5.0' } })).status).toBe(202);
    expect((await t.post(createVoteBody({ website: 'https://spam.example' }))).status).toBe(202);
    // An id the build does not have is refused with a 400, and counted among the drops too.
    expect((await t.post(createVoteBody({ itemId: 'article:no-such-article' }))).status).toBe(400);
    expect(await t.store.countVotes()).toBe(0);
    const res = await t.request('/health', { method: 'GET' });
    expect(await res.text()).toBe('{"status":"ok","dropped":{"bot":2,"honeypot":1,"unknownItem":1}}');
  });

  it('answers 503 and logs when the store does not', async () => {
    const broken = await createTestApp();
    t = await createTestApp({
      store: { ...broken.store, ping: async () => Promise.reject(new Error('connection refused')) },
    });
    const res = await t.request('/health', { method: 'GET' });
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe('StoreUnavailable');
    expect(t.logger.lines[0]).toMatchObject({ event: 'health_check_failed', message: 'connection refused' });
    await broken.cleanup();
  });
});

describe('mounting under a base path', () => {
  it('serves the same routes under basePath', async () => {
    t = await createTestApp({ basePath: '/api' });
    expect((await t.request('/api/health', { method: 'GET' })).status).toBe(200);
    const res = await t.request('/api/feedback', {
      method: 'POST',
      headers: {
        origin: SITE_ORIGIN,
        'content-type': 'application/json',
        'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/126.0',
      },
      body: JSON.stringify(createVoteBody()),
    });
    expect(res.status).toBe(202);
  });
});

describe('bodies the endpoint does not decode', () => {
  it('answers a Content-Encoding other than identity with 415 and stores nothing', async () => {
    t = await createTestApp();
    for (const encoding of ['br', 'gzip', 'deflate, br']) {
      const res = await t.post(createVoteBody(), { headers: { 'content-encoding': encoding } });
      expect(res.status, encoding).toBe(415);
      expect((await res.json()).error.code).toBe('UnsupportedMediaType');
    }
    expect(await t.store.countVotes()).toBe(0);
    expect((await t.post(createVoteBody(), { headers: { 'content-encoding': 'identity' } })).status).toBe(202);
  });

  it('rejects lone surrogates sent as JSON escapes with 400, in a vote and in a search event', async () => {
    t = await createTestApp();
    const vote = JSON.stringify(createVoteBody({ vote: 'down', comment: 'PLACEHOLDER' })).replace(
      'PLACEHOLDER',
      'a\\ud800b',
    );
    const res = await t.post(vote);
    expect(res.status).toBe(400);
    expect((await res.json()).error.issues).toEqual([expect.stringMatching(/^comment: .*surrogate/)]);
    const lowOnly = JSON.stringify(createVoteBody({ vote: 'down', comment: 'PLACEHOLDER' })).replace(
      'PLACEHOLDER',
      '\\udc00',
    );
    expect((await t.post(lowOnly)).status).toBe(400);
    // A pair written as escapes is one valid character and is kept.
    const pair = JSON.stringify(createVoteBody({ vote: 'down', comment: 'PLACEHOLDER' })).replace(
      'PLACEHOLDER',
      'ok \\ud83d\\ude00',
    );
    expect((await t.post(pair)).status).toBe(202);
    expect((await t.store.listVotes()).map((v) => v.comment)).toEqual(['ok \u{1F600}']);

    const search = await t.request('/feedback/search', {
      method: 'POST',
      headers: createBrowserHeaders(),
      body: '{"eventId":"3f2b8c1e-6d0a-4c39-9a57-1b2c3d4e5f60","query":"x\\udfffy","resultCount":0,"opened":null,"contact":false,"language":"en","revision":"unknown"}',
    });
    expect(search.status).toBe(400);
    expect(await t.store.countSearchEvents()).toBe(0);
  });

  it('answers deeply nested JSON with the 400 JSON error shape, not a 500 (no recursion over the body)', async () => {
    // 4,000 levels fit under the default 8 KiB cap; 200,000 (with a raised cap) overflow any recursion.
    t = await createTestApp({ bodyLimitBytes: 1024 * 1024 });
    for (const depth of [4000, 200_000]) {
      const nested = `${'['.repeat(depth)}${']'.repeat(depth)}`;
      const vote = await t.post(`{"itemId":${nested}}`);
      expect(vote.status, `vote, ${depth} deep`).toBe(400);
      const body = (await vote.json()) as { error: { code: string; message: string; issues: string[] } };
      expect(body.error.code).toBe('InvalidFeedback');
      expect(body.error.message).toBe('The vote has problems; fix the fields listed in issues.');
      expect(body.error.issues).toContain('itemId: expected string, received array');
      const search = await t.request('/feedback/search', {
        method: 'POST',
        headers: createBrowserHeaders(),
        body: `{"query":${nested}}`,
      });
      expect(search.status, `search event, ${depth} deep`).toBe(400);
      expect(((await search.json()) as { error: { code: string } }).error.code).toBe('InvalidFeedback');
    }
    expect(t.logger.lines.filter((l) => l.level === 'error')).toEqual([]);
    expect(await t.store.countVotes()).toBe(0);
  });
});
