/**
 * `/mcp` of the Workers entry in workerd, with the official SDK client: the site's pages come from
 * /assistant-data.json in the static-assets binding (read once per isolate, never fetched), and
 * a German URL answers in German.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, StreamableHTTPClientTransport, type FetchLike } from '@modelcontextprotocol/client';
import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestManifest } from '../../../../test/helpers/feedback/fixtures.ts';
import { startWorkerd } from '../../../../test/helpers/feedback/workerd.ts';
import type { AssistantData, AssistantRecord } from '../../../assistant/assistant-data.ts';
import type { D1Database } from '../stores/d1.ts';

const SITE = 'https://help.example.com';
const record = (lang: string, title: string, text: string): AssistantRecord => ({
  id: 'article:reset-password',
  kind: 'article',
  title,
  description: '',
  url: `${SITE}${lang ? `/${lang}` : ''}/account/reset-password/`,
  markdownUrl: `${SITE}${lang ? `/${lang}` : ''}/account/reset-password.md`,
  markdown: `# ${title}\n\nSource: ${SITE}${lang ? `/${lang}` : ''}/account/reset-password/\n\n${text}\n`,
  text,
});
const DATA: AssistantData = {
  version: 1,
  name: 'Help',
  siteUrl: SITE,
  revision: 'abc123def456',
  languages: [
    {
      code: 'en',
      prefix: '',
      records: [record('', 'Reset your password', 'Select Forgot password on the sign-in page.')],
    },
    { code: 'de', prefix: 'de', records: [record('de', 'Passwort zurücksetzen', 'Wählen Sie Passwort vergessen.')] },
    {
      code: 'ja',
      prefix: 'ja',
      records: [record('ja', 'パスワードの再設定', 'サインイン画面でパスワードをお忘れの方を選びます。')],
    },
  ],
};

let root: string;
let mf: Miniflare;
let client: Client;
/** The MCP-Protocol-Version header of each request the client sent. */
const versions: Array<string | null> = [];

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'mcp-workerd-'));
  const assetsDir = path.join(root, 'dist');
  mkdirSync(assetsDir);
  writeFileSync(path.join(assetsDir, 'feedback-manifest.json'), JSON.stringify(createTestManifest()));
  writeFileSync(path.join(assetsDir, 'assistant-data.json'), JSON.stringify(DATA));
  mf = await startWorkerd({
    entry: 'src/feedback/server/runtimes/cloudflare.ts',
    d1Dir: path.join(root, 'd1'),
    assetsDir,
    vars: { FEEDBACK_SECRET: 'a-worker-secret-0123456789' },
  });
  const dispatch = ((url: string | URL, init?: RequestInit) => {
    versions.push(new Headers(init?.headers).get('mcp-protocol-version'));
    return mf.dispatchFetch(String(url), init as never) as unknown as Promise<Response>;
  }) as FetchLike;
  client = new Client({ name: 'workerd-test', version: '1.0.0' }, { versionNegotiation: { mode: 'auto' } });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${SITE}/mcp`), { fetch: dispatch }));
});
afterAll(async () => {
  await client?.close();
  await mf?.dispose();
  rmSync(root, { recursive: true, force: true });
});

type ToolResult = { content: Array<{ text: string }>; structuredContent?: Record<string, unknown>; isError?: boolean };

describe('MCP over Streamable HTTP in workerd (ASSETS)', () => {
  it('lists the tools and answers a German URL in German, statelessly (2026-07-28)', async () => {
    const { tools } = await client.listTools();
    expect(versions).toContain('2026-07-28');
    expect(tools.map((t) => t.name).sort()).toEqual(['get', 'search']);
    const de = (await client.callTool({
      name: 'get',
      arguments: { id: `${SITE}/de/account/reset-password/` },
    })) as ToolResult;
    expect(de.structuredContent).toMatchObject({ language: 'de', title: 'Passwort zurücksetzen' });
  });

  it('searches Japanese in Japanese and stores the search as an assistant insight in D1', async () => {
    const ja = (await client.callTool({ name: 'search', arguments: { query: 'パスワード' } })) as ToolResult;
    expect(ja.structuredContent).toMatchObject({ language: 'ja', total: 1 });
    const db = (await mf.getD1Database('DB')) as unknown as D1Database;
    const row = await db.prepare("SELECT channel, language FROM search_events WHERE query = 'パスワード'").first();
    expect(row).toEqual({ channel: 'assistant', language: 'ja' });
  });
});
