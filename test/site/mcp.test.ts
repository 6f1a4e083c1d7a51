/**
 * `helpdesk-kit mcp` over stdio, as an assistant runs it: the compiled CLI over the built sample
 * site answers initialize, a search (the site's own query layer and synonyms) and a get, and
 * records the search as a search insight when site.yaml turns insights on.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, SITES_DIR } from '../helpers/build-site.ts';
import { writeTempSite } from '../helpers/temp-site.ts';

const distDir = path.join(SITES_DIR, 'sample');
let child: ChildProcessWithoutNullStreams;
let capture: http.Server;
const posted: Array<{ origin: string | undefined; body: Record<string, unknown> }> = [];
const answers = new Map<number, (message: Record<string, unknown>) => void>();
let nextId = 1;

function request(method: string, params: Record<string, unknown>): Promise<Record<string, unknown>> {
  const id = nextId++;
  return new Promise((resolve) => {
    answers.set(id, resolve);
    child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id, method, params })}\n`);
  });
}

beforeAll(async () => {
  capture = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      posted.push({ origin: req.headers.origin, body: JSON.parse(body) as Record<string, unknown> });
      res.writeHead(202, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => capture.listen(0, '127.0.0.1', resolve));
  const port = (capture.address() as AddressInfo).port;
  const root = writeTempSite({
    'content/site.yaml': `name: Parcelo Help Center\nurl: https://help.parcelo.example\nsearchInsights: true\nfeedbackEndpoint: http://127.0.0.1:${port}/feedback\n`,
  });
  child = spawn(process.execPath, [
    path.join(REPO_ROOT, 'dist/cli/index.js'),
    'mcp',
    '--root',
    root,
    '--dist',
    distDir,
  ]);
  createInterface({ input: child.stdout }).on('line', (line) => {
    const message = JSON.parse(line) as { id: number };
    answers.get(message.id)?.(message);
  });
});

afterAll(async () => {
  child?.stdin.end();
  await new Promise((resolve) => capture?.close(resolve));
});

describe('helpdesk-kit mcp over stdio', () => {
  it('initializes and lists the search and get tools', async () => {
    const init = await request('initialize', {
      protocolVersion: '2025-06-18',
      capabilities: {},
      clientInfo: { name: 'test', version: '1' },
    });
    expect(init.result).toMatchObject({ protocolVersion: '2025-06-18', serverInfo: { name: 'Parcelo Help Center' } });
    child.stdin.write('{"jsonrpc":"2.0","method":"notifications/initialized"}\n');
    const tools = (await request('tools/list', {})) as { result: { tools: Array<{ name: string }> } };
    expect(tools.result.tools.map((t) => t.name)).toEqual(['search', 'get']);
  });

  it('searches with the site query layer, synonyms included, and records the query as a search insight', async () => {
    const answer = (await request('tools/call', {
      name: 'search',
      arguments: { query: 'reimbursement', limit: 3 },
    })) as {
      result: { structuredContent: { results: Array<{ id: string; url: string }> } };
    };
    const ids = answer.result.structuredContent.results.map((r) => r.id);
    // "reimbursement" is only in content/synonyms.yaml: it finds the refund article.
    expect(ids).toContain('article:refund-timelines');
    expect(answer.result.structuredContent.results[0]!.url).toMatch(/^https:\/\/help\.parcelo\.example\//);
    await expect.poll(() => posted.length).toBe(1);
    expect(posted[0]).toMatchObject({
      origin: 'https://help.parcelo.example',
      body: { query: 'reimbursement', channel: 'assistant', opened: null, contact: false },
    });
  });

  it('gets an article and a FAQ answer as Markdown, and says when an id is unknown', async () => {
    const article = (await request('tools/call', { name: 'get', arguments: { id: 'article:reset-password' } })) as {
      result: { content: Array<{ text: string }> };
    };
    expect(article.result.content[0]!.text.split('\n')[0]).toBe('# Reset your password');
    const faq = (await request('tools/call', {
      name: 'get',
      arguments: { id: 'https://help.parcelo.example/faq/#why-cant-i-log-in' },
    })) as { result: { content: Array<{ text: string }>; structuredContent: { id: string } } };
    expect(faq.result.structuredContent.id).toBe('faq:why-cant-i-log-in');
    expect(faq.result.content[0]!.text).toContain('Forgot password');
    const missing = (await request('tools/call', { name: 'get', arguments: { id: 'article:nope' } })) as {
      result: { isError: boolean };
    };
    expect(missing.result.isError).toBe(true);
  });

  it('answers in every language: a German URL in German, a Japanese query in Japanese, links absolute', async () => {
    type Answer = { result: { content: Array<{ text: string }>; structuredContent: Record<string, unknown> } };
    const de = (await request('tools/call', {
      name: 'get',
      arguments: { id: 'https://help.parcelo.example/de/account/reset-password/' },
    })) as Answer;
    expect(de.result.structuredContent).toMatchObject({ language: 'de', title: 'Passwort zurücksetzen' });
    for (const [, target] of de.result.content[0]!.text.matchAll(/\]\(([^)\s]+)/g))
      expect(target).toMatch(/^(https?:|mailto:)/);
    const ja = (await request('tools/call', { name: 'search', arguments: { query: 'パスワード' } })) as Answer;
    const hits = ja.result.structuredContent.results as Array<{ url: string; id: string }>;
    expect(ja.result.structuredContent.language).toBe('ja');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.url.startsWith('https://help.parcelo.example/ja/'))).toBe(true);
    const page = (await request('tools/call', { name: 'get', arguments: { id: hits[0]!.url } })) as Answer;
    expect(page.result.structuredContent.language).toBe('ja');
    const de2 = (await request('tools/call', { name: 'search', arguments: { query: 'Passwort vergessen' } })) as Answer;
    expect(de2.result.structuredContent.language).toBe('de');
  });

  it('answers a 1 MB search query at once with a tool error, and the next search normally', async () => {
    const started = performance.now();
    const huge = (await request('tools/call', {
      name: 'search',
      arguments: { query: 'where is my parcel '.repeat(55_000) },
    })) as { result: { isError: boolean; content: Array<{ text: string }> } };
    expect(huge.result).toEqual({
      isError: true,
      content: [
        {
          type: 'text',
          text: '"query" is 1044999 characters long; send at most 200: the customer\'s question in a few words.',
        },
      ],
    });
    // A long chatty question within the cap is searched too, in well under the 10 s limit.
    const chatty = (await request('tools/call', {
      name: 'search',
      arguments: {
        query: 'hello there i ordered something weeks ago and where is my parcel now please help me',
        limit: 3,
      },
    })) as { result: { structuredContent: { results: Array<{ id: string }> } } };
    expect(chatty.result.structuredContent.results.length).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
