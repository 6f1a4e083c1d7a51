/**
 * `/mcp` of the Node endpoint over the built sample site, with the official SDK clients: the
 * current one (@modelcontextprotocol/client, the stateless 2026-07-28 revision) and the 2025-era
 * one (@modelcontextprotocol/sdk, initialize without a session). Every language answers in its
 * own text, with absolute links, and each search is stored as an assistant's search insight.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, StreamableHTTPClientTransport, type FetchLike } from '@modelcontextprotocol/client';
import { Client as LegacyClient } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport as LegacyTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src/feedback/server/logger.ts';
import { parseFeedbackEnv } from '../../src/feedback/server/runtimes/config.ts';
import { startFeedbackServer, type FeedbackServer } from '../../src/feedback/server/runtimes/node.ts';
import { SITES_DIR } from '../helpers/build-site.ts';

const distDir = path.join(SITES_DIR, 'sample');
const SITE = 'https://help.parcelo.example';
let server: FeedbackServer;
let dir: string;
let client: Client;
/** What the current client sent: its protocol version header, the JSON-RPC method, any session id. */
const sent: Array<{ version: string | null; method: string | undefined; session: string | null }> = [];

type ToolResult = {
  content: Array<{ type: string; text: string }>;
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
};
const call = async (name: string, args: Record<string, unknown>, c: Pick<Client, 'callTool'> = client) =>
  (await c.callTool({ name, arguments: args })) as ToolResult;

/** Every Markdown link and image target of a text. */
const getLinkTargets = (markdown: string) => [...markdown.matchAll(/\]\(([^)\s]+)/g)].map((m) => m[1]!);

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'mcp-http-'));
  server = await startFeedbackServer(
    parseFeedbackEnv({
      FEEDBACK_PORT: '0',
      FEEDBACK_DB: path.join(dir, 'feedback.db'),
      FEEDBACK_MANIFEST: path.join(distDir, 'feedback-manifest.json'),
      FEEDBACK_SECRET: 'x'.repeat(32),
    }),
    { logger: createMemoryLogger(), configDir: path.join(dir, 'config') },
  );
  client = new Client({ name: 'mcp-http-test', version: '1.0.0' }, { versionNegotiation: { mode: 'auto' } });
  const recording: FetchLike = async (url, init) => {
    const headers = new Headers(init?.headers);
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as { method?: string }) : {};
    sent.push({
      version: headers.get('mcp-protocol-version'),
      method: body.method,
      session: headers.get('mcp-session-id'),
    });
    return fetch(url, init);
  };
  await client.connect(new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`), { fetch: recording }));
});

afterAll(async () => {
  await client?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('MCP over Streamable HTTP (Node)', () => {
  it('speaks the stateless 2026-07-28 revision with the current SDK client: no initialize, no session', async () => {
    await client.listTools();
    expect(sent.map((s) => s.method)).not.toContain('initialize');
    expect(sent.some((s) => s.version === '2026-07-28')).toBe(true);
    expect(sent.every((s) => s.session === null)).toBe(true);
  });

  it('finds a page by a word only its synonyms have (content/synonyms.yaml)', async () => {
    const found = await call('search', { query: 'reimbursement' });
    const ids = (found.structuredContent!.results as Array<{ id: string }>).map((r) => r.id);
    expect(ids).toContain('article:refund-timelines');
  });

  it('lists the two read-only tools to the current SDK client', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['get', 'search']);
    expect(tools.every((t) => t.annotations?.readOnlyHint === true)).toBe(true);
  });

  it('serves a 2025-era client statelessly: initialize answers without a session id', async () => {
    const legacy = new LegacyClient({ name: 'legacy-test', version: '1.0.0' });
    const transport = new LegacyTransport(new URL(`${server.url}/mcp`));
    await legacy.connect(transport);
    try {
      expect(transport.sessionId).toBeUndefined();
      const result = (await legacy.callTool({ name: 'search', arguments: { query: 'reset password' } })) as ToolResult;
      expect(result.isError).toBeFalsy();
      expect(result.content[0]!.text).toContain(`${SITE}/account/reset-password/`);
    } finally {
      await legacy.close();
    }
  });

  it('answers GET and DELETE with 405 and a body that is not JSON with 400', async () => {
    expect((await fetch(`${server.url}/mcp`)).status).toBe(405);
    expect((await fetch(`${server.url}/mcp`, { method: 'DELETE' })).status).toBe(405);
    const bad = await fetch(`${server.url}/mcp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: '{',
    });
    expect(bad.status).toBe(400);
  });

  it('refuses a body over the endpoint cap with 413 and another media type with 415', async () => {
    const big = await fetch(`${server.url}/mcp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping', params: { pad: 'x'.repeat(9000) } }),
    });
    expect(big.status).toBe(413);
    const text = await fetch(`${server.url}/mcp`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(text.status).toBe(415);
  });

  it('gets a German URL in German, with absolute links', async () => {
    const result = await call('get', { id: `${SITE}/de/account/reset-password/` });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ language: 'de', title: 'Passwort zurücksetzen' });
    const markdown = result.content[0]!.text;
    expect(markdown).toMatch(/^# Passwort zurücksetzen/);
    for (const target of getLinkTargets(markdown)) expect(target).toMatch(/^(https?:|mailto:)/);
  });

  it('gets an id in the language asked for, and the English page by its URL', async () => {
    const de = await call('get', { id: 'article:reset-password', language: 'de' });
    expect(de.structuredContent).toMatchObject({ language: 'de', url: `${SITE}/de/account/reset-password/` });
    const en = await call('get', { id: `${SITE}/account/reset-password/` });
    expect(en.structuredContent).toMatchObject({ language: 'en', title: 'Reset your password' });
  });

  it('searches in the language of the query: German, Japanese and Arabic', async () => {
    const de = await call('search', { query: 'Passwort vergessen' });
    expect(de.structuredContent).toMatchObject({ language: 'de' });
    expect((de.structuredContent!.results as Array<{ url: string }>)[0]!.url).toBe(
      `${SITE}/de/account/reset-password/`,
    );

    const ja = await call('search', { query: 'パスワード' });
    expect(ja.structuredContent).toMatchObject({ language: 'ja' });
    const jaHits = ja.structuredContent!.results as Array<{ url: string }>;
    expect(jaHits.length).toBeGreaterThan(0);
    expect(jaHits.every((h) => h.url.startsWith(`${SITE}/ja/`))).toBe(true);

    const arData = (await call('get', { id: `${SITE}/ar/` })).isError;
    expect(arData).toBe(true); // the home page is not an article
    const ar = await call('search', { query: 'الشحن' });
    expect(ar.structuredContent).toMatchObject({ language: 'ar' });
  });

  it('gets every language’s pages with absolute links only', async () => {
    for (const lang of ['de', 'ja', 'ar']) {
      const found = await call('search', {
        query: lang === 'ja' ? 'アカウント' : lang === 'ar' ? 'الطلب' : 'Konto',
        language: lang,
      });
      for (const hit of (found.structuredContent!.results as Array<{ url: string }>).slice(0, 3)) {
        const page = await call('get', { id: hit.url });
        expect(page.isError, hit.url).toBeFalsy();
        for (const target of getLinkTargets(page.content[0]!.text))
          expect(target, hit.url).toMatch(/^(https?:|mailto:)/);
      }
    }
  });

  it('stores each search as an assistant search insight', async () => {
    await call('search', { query: 'track my parcel' });
    const events = await server.store.listSearchEvents();
    const mine = events.filter((e) => e.query === 'track my parcel');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ channel: 'assistant', language: 'en' });
    expect(events.some((e) => e.channel === 'assistant' && e.language === 'ja')).toBe(true);
  });
});
