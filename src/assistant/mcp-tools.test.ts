import { describe, expect, it, vi } from 'vitest';
import { handleMcpMessage, serveMcpLines, type McpBackend } from './mcp-tools.ts';

const backend: McpBackend = {
  name: 'Acme Help',
  version: '1.0.0',
  search: (query) =>
    Promise.resolve({
      total: 1,
      hits: [
        {
          id: 'article:reset-password',
          kind: 'article',
          title: 'Reset your password',
          url: 'https://h/r/',
          excerpt: query,
        },
      ],
    }),
  get: (id) =>
    Promise.resolve(
      id === 'article:reset-password'
        ? { id, title: 'Reset your password', url: 'https://h/r/', markdown: '# Reset your password\n' }
        : undefined,
    ),
};
const call = (method: string, params?: Record<string, unknown>, id: number | undefined = 1) =>
  handleMcpMessage(backend, { jsonrpc: '2.0', ...(id !== undefined && { id }), method, params });

async function* toAsync(lines: Iterable<string>): AsyncGenerator<string> {
  for (const line of lines) yield await Promise.resolve(line);
}

describe('the MCP server', () => {
  it('initializes with the protocol version the client asks for, when it knows it', async () => {
    expect(await call('initialize', { protocolVersion: '2025-03-26', capabilities: {} })).toMatchObject({
      id: 1,
      result: { protocolVersion: '2025-03-26', capabilities: { tools: {} }, serverInfo: { name: 'Acme Help' } },
    });
    expect(await call('initialize', { protocolVersion: '1999-01-01' })).toMatchObject({
      result: { protocolVersion: '2025-06-18' },
    });
    expect(await call('notifications/initialized', undefined, undefined)).toBeUndefined();
  });

  it('lists two read-only tools and calls them', async () => {
    const list = (await call('tools/list')) as { result: { tools: Array<{ name: string; annotations: unknown }> } };
    expect(list.result.tools.map((t) => t.name)).toEqual(['search', 'get']);
    expect(list.result.tools.every((t) => (t.annotations as { readOnlyHint: boolean }).readOnlyHint)).toBe(true);
    expect(await call('tools/call', { name: 'search', arguments: { query: 'password' } })).toMatchObject({
      result: {
        content: [
          { type: 'text', text: '1. Reset your password (article:reset-password)\n   https://h/r/\n   password' },
        ],
        structuredContent: { total: 1 },
      },
    });
    expect(await call('tools/call', { name: 'get', arguments: { id: 'article:reset-password' } })).toMatchObject({
      result: { content: [{ type: 'text', text: '# Reset your password\n' }] },
    });
  });

  it('answers bad calls with a tool error or a JSON-RPC error that says what to do', async () => {
    expect(await call('tools/call', { name: 'get', arguments: { id: 'faq:nope' } })).toMatchObject({
      result: {
        isError: true,
        content: [{ text: 'There is no article or FAQ "faq:nope"; use an id that search returned.' }],
      },
    });
    expect(await call('tools/call', { name: 'search', arguments: { query: 'x', limit: 99 } })).toMatchObject({
      result: { isError: true, content: [{ text: '"limit" must be a whole number from 1 to 20.' }] },
    });
    expect(await call('resources/list')).toMatchObject({ error: { code: -32601 } });
    expect(await handleMcpMessage(backend, { id: 3 })).toMatchObject({ error: { code: -32600 } });
  });

  it('refuses a 1 MB query at once with a tool error, without searching, and answers the next request', async () => {
    const searched: string[] = [];
    const counting: McpBackend = {
      ...backend,
      search: (query, limit) => (searched.push(query), backend.search(query, limit)),
    };
    const out: string[] = [];
    const started = performance.now();
    await serveMcpLines(
      counting,
      toAsync([
        JSON.stringify({
          jsonrpc: '2.0',
          id: 1,
          method: 'tools/call',
          params: { name: 'search', arguments: { query: 'parcel '.repeat(150_000) } },
        }),
        '{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"search","arguments":{"query":"password"}}}',
      ]),
      (line) => out.push(line),
    );
    expect(performance.now() - started).toBeLessThan(1000);
    const answers = new Map(
      out.map((l) => JSON.parse(l) as { id: number; result: unknown }).map((m) => [m.id, m.result]),
    );
    expect(answers.get(1)).toEqual({
      isError: true,
      content: [
        {
          type: 'text',
          text: '"query" is 1049999 characters long; send at most 200: the customer\'s question in a few words.',
        },
      ],
    });
    expect(answers.get(2)).toMatchObject({ structuredContent: { total: 1 } });
    expect(searched).toEqual(['password']);
  });

  it('searches only the first 24 words of a long query, and says so', async () => {
    const searched: string[] = [];
    const counting: McpBackend = {
      ...backend,
      search: (query, limit) => (searched.push(query), backend.search(query, limit)),
    };
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`);
    const answer = (await handleMcpMessage(counting, {
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: { name: 'search', arguments: { query: words.join(' ') } },
    })) as { result: { content: Array<{ text: string }> } };
    const first = words.slice(0, 24).join(' ');
    expect(searched).toEqual([first]);
    expect(answer.result.content[0]!.text.split('\n')[0]).toBe(`(Searched the first 24 of 40 words: “${first}”.)`);
  });

  it('answers a search that takes longer than 10 s with a tool error', async () => {
    vi.useFakeTimers();
    try {
      const stuck: McpBackend = { ...backend, search: () => new Promise(() => {}) };
      const pending = handleMcpMessage(stuck, {
        jsonrpc: '2.0',
        id: 1,
        method: 'tools/call',
        params: { name: 'search', arguments: { query: 'password' } },
      });
      await vi.advanceTimersByTimeAsync(10_000);
      expect(await pending).toEqual({
        jsonrpc: '2.0',
        id: 1,
        result: {
          isError: true,
          content: [{ type: 'text', text: 'The search took longer than 10 s and was stopped; send a shorter query.' }],
        },
      });
    } finally {
      vi.useRealTimers();
    }
  });

  it('reads one message per line and answers each on its own line', async () => {
    const out: string[] = [];
    function* lines() {
      yield '{"jsonrpc":"2.0","id":1,"method":"ping"}';
      yield 'not json';
      yield '';
    }
    await serveMcpLines(backend, toAsync(lines()), (line) => out.push(line));
    // Answers may come in any order (requests run concurrently); ids tie them to their requests.
    expect(out.map((l) => JSON.parse(l) as unknown)).toEqual(
      expect.arrayContaining([
        { jsonrpc: '2.0', id: null, error: { code: -32700, message: 'The line is not JSON.' } },
        { jsonrpc: '2.0', id: 1, result: {} },
      ]),
    );
    expect(out).toHaveLength(2);
  });
});
