/**
 * `/mcp` in the app, without sockets: the endpoint's rate limit applies to it, its absence without
 * assistant data, and a raw stateless JSON-RPC call (what any HTTP client can send).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AssistantData } from '../../../assistant/assistant-data.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/feedback/test-app.ts';

const DATA: AssistantData = {
  version: 1,
  name: 'Help',
  siteUrl: 'https://help.example.com',
  revision: 'r1',
  languages: [
    {
      code: 'en',
      prefix: '',
      records: [
        {
          id: 'article:reset-password',
          kind: 'article',
          title: 'Reset your password',
          description: '',
          url: 'https://help.example.com/account/reset-password/',
          markdownUrl: 'https://help.example.com/account/reset-password.md',
          markdown: '# Reset your password\n',
          text: 'Select Forgot password.',
        },
      ],
    },
  ],
};
const HEADERS = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
const rpc = (method: string, params: Record<string, unknown> = {}, id = 1) =>
  JSON.stringify({ jsonrpc: '2.0', id, method, params });

let t: TestApp | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

describe('/mcp in the app', () => {
  it('answers 404 when the runtime has no assistant data', async () => {
    t = await createTestApp();
    expect((await t.request('/mcp', { method: 'POST', headers: HEADERS, body: rpc('ping') })).status).toBe(404);
  });

  it('answers a stateless tools/call and stores the search as an assistant insight', async () => {
    t = await createTestApp({ assistantData: DATA });
    const res = await t.request('/mcp', {
      method: 'POST',
      headers: HEADERS,
      body: rpc('tools/call', { name: 'search', arguments: { query: 'forgot password' } }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('mcp-session-id')).toBeNull();
    // A 2025-era request (no per-request envelope): the SDK's stateless fallback answers one SSE event.
    const text = await res.text();
    const data = text
      .split('\n')
      .find((l) => l.startsWith('data: '))!
      .slice(6);
    const body = JSON.parse(data) as { result: { structuredContent: { results: Array<{ id: string }> } } };
    expect(body.result.structuredContent.results.map((r) => r.id)).toEqual(['article:reset-password']);
    expect((await t.store.listSearchEvents()).map((e) => [e.query, e.channel])).toEqual([
      ['forgot password', 'assistant'],
    ]);
  });

  it('shares the per-client rate limit (429)', async () => {
    t = await createTestApp({ assistantData: DATA, rateLimit: { perClient: { limit: 2, windowMs: 60_000 } } });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await t.request('/mcp', { method: 'POST', headers: HEADERS, body: rpc('ping', {}, i) })).status);
    expect(statuses).toEqual([200, 200, 429]);
  });
});
