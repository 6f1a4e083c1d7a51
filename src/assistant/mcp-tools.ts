/**
 * A read-only Model Context Protocol server over the built help center, speaking JSON-RPC 2.0
 * one message per line (MCP's stdio transport). Two tools: `search` (the site's own query layer
 * and synonyms, through its Pagefind index) and `get` (an article's or FAQ answer's Markdown).
 * The protocol part is this one function from a parsed message to its answer, so it is tested
 * without processes. The tools (MCP_TOOLS, callMcpTool) are shared with the HTTP server at `/mcp`
 * (src/feedback/server/routes/mcp.ts), which leaves the protocol to the official SDK; this stdio
 * server speaks the 2025 revisions (with initialize), which stdio clients use.
 *
 * A search is bounded, because a query's cost grows with its length (each word is checked
 * against the vocabulary and, for a chatty question, searched on its own): at most 200
 * characters (the endpoint's own cap on a stored query), the first 24 words, and 10 s.
 */
import { SEARCH_QUERY_MAX_LENGTH } from '../feedback/search-query.ts';

/** Longest query accepted, in characters; longer ones get a tool error before any work. */
export const MCP_QUERY_MAX_LENGTH = SEARCH_QUERY_MAX_LENGTH;
/** Words searched at most; the rest of a longer query is left out, and the answer says so. */
export const MCP_QUERY_MAX_WORDS = 24;
/** Longest a search may take before the call answers with a tool error. */
export const MCP_SEARCH_TIMEOUT_MS = 10_000;

export const MCP_PROTOCOL_VERSIONS = ['2025-06-18', '2025-03-26', '2024-11-05'] as const;

export interface McpSearchHit {
  id: string;
  kind: 'article' | 'faq';
  title: string;
  /** The page's absolute URL. */
  url: string;
  /** The best-matching words, as plain text. */
  excerpt: string;
  /** The language of the page's text. */
  language?: string;
}

export interface McpBackend {
  name: string;
  version: string;
  /** The site's language codes, the default one first. */
  languages?: readonly string[];
  /** Searches in `language` (a code), or else the language the query is written in. */
  search(
    query: string,
    limit: number,
    language?: string,
  ): Promise<{ total: number; hits: McpSearchHit[]; language?: string }>;
  /**
   * The Markdown of an article or FAQ by id ("article:<slug>", "faq:<slug>") in `language`, or by
   * page URL in the URL's language; undefined when unknown.
   */
  get(
    idOrUrl: string,
    language?: string,
  ): Promise<{ id: string; title: string; url: string; markdown: string; language?: string } | undefined>;
}

interface JsonRpcRequest {
  jsonrpc: '2.0';
  id?: string | number | null;
  method: string;
  params?: Record<string, unknown>;
}

type JsonRpcResponse =
  | { jsonrpc: '2.0'; id: string | number | null; result: unknown }
  | { jsonrpc: '2.0'; id: string | number | null; error: { code: number; message: string } };

const ERRORS = { parse: -32700, invalidRequest: -32600, method: -32601, params: -32602, internal: -32603 } as const;

export const MCP_TOOLS = [
  {
    name: 'search',
    title: 'Search the help center',
    description:
      'Search the help articles and FAQs with the help center’s own search (typo correction, synonyms). Returns ids, titles, URLs and excerpts, best first; use get with an id for the whole text.',
    inputSchema: {
      type: 'object',
      properties: {
        query: { type: 'string', description: 'What the customer asks, in their words.' },
        limit: { type: 'integer', minimum: 1, maximum: 20, description: 'Most results to return (default 5).' },
        language: {
          type: 'string',
          description: 'The language to search, as a code like "de" (default: the language the query is written in).',
        },
      },
      required: ['query'],
      additionalProperties: false,
    },
    annotations: { readOnlyHint: true, openWorldHint: false },
  },
  {
    name: 'get',
    title: 'Read an article or FAQ answer',
    description: 'The Markdown of one article or FAQ answer, by the id search returned (or its page URL).',
    inputSchema: {
      type: 'object',
      properties: {
        id: {
          type: 'string',
          description: 'An id like "article:reset-password" or "faq:why-cant-i-log-in", or a page URL.',
        },
        language: {
          type: 'string',
          description: 'The language of the text for an id, as a code like "de" (a URL names its own).',
        },
      },
      required: ['id'],
      additionalProperties: false,
    },
    annotations: { readOnlyHint: true, openWorldHint: false },
  },
] as const;

const toolError = (text: string) => ({ content: [{ type: 'text', text }], isError: true });

/** The answer to one message, or undefined for a notification. */
export async function handleMcpMessage(backend: McpBackend, message: unknown): Promise<JsonRpcResponse | undefined> {
  const request = message as Partial<JsonRpcRequest> | null;
  if (!request || typeof request !== 'object' || request.jsonrpc !== '2.0' || typeof request.method !== 'string') {
    return {
      jsonrpc: '2.0',
      id: null,
      error: { code: ERRORS.invalidRequest, message: 'Expected a JSON-RPC 2.0 request.' },
    };
  }
  const isNotification = request.id === undefined;
  const id = request.id ?? null;
  const ok = (result: unknown): JsonRpcResponse => ({ jsonrpc: '2.0', id, result });
  const fail = (code: number, text: string): JsonRpcResponse => ({
    jsonrpc: '2.0',
    id,
    error: { code, message: text },
  });
  const params = request.params ?? {};
  let response: JsonRpcResponse;
  switch (request.method) {
    case 'initialize': {
      const asked = params.protocolVersion;
      const version = (MCP_PROTOCOL_VERSIONS as readonly unknown[]).includes(asked) ? asked : MCP_PROTOCOL_VERSIONS[0];
      response = ok({
        protocolVersion: version,
        capabilities: { tools: { listChanged: false } },
        serverInfo: { name: backend.name, version: backend.version },
        instructions: `Read-only access to ${backend.name}: search it, then get the articles and FAQ answers you cite.`,
      });
      break;
    }
    case 'ping':
      response = ok({});
      break;
    case 'tools/list':
      response = ok({ tools: MCP_TOOLS });
      break;
    case 'tools/call':
      response = ok(await callMcpTool(backend, params));
      break;
    default:
      if (request.method.startsWith('notifications/')) return undefined;
      response = fail(
        ERRORS.method,
        `There is no method "${request.method}"; this server has initialize, ping, tools/list and tools/call.`,
      );
  }
  return isNotification ? undefined : response;
}

/** One tools/call: the tool's result, or a tool error (isError) for bad arguments or an unknown tool. */
export async function callMcpTool(backend: McpBackend, params: Record<string, unknown>): Promise<unknown> {
  const args = (params.arguments ?? {}) as Record<string, unknown>;
  if (params.name === 'search') {
    const asked = typeof args.query === 'string' ? args.query.trim() : '';
    if (!asked) return toolError('search needs a non-empty "query" string.');
    if (asked.length > MCP_QUERY_MAX_LENGTH)
      return toolError(
        `"query" is ${asked.length} characters long; send at most ${MCP_QUERY_MAX_LENGTH}: the customer's question in a few words.`,
      );
    const limit = args.limit === undefined ? 5 : Number(args.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 20)
      return toolError('"limit" must be a whole number from 1 to 20.');
    const words = asked.split(/\s+/);
    const query = words.slice(0, MCP_QUERY_MAX_WORDS).join(' ');
    const language = typeof args.language === 'string' && args.language.trim() ? args.language.trim() : undefined;
    if (language && language.length > 35) return toolError('"language" is a language code like "de".');
    const found = await withTimeout(backend.search(query, limit, language), MCP_SEARCH_TIMEOUT_MS);
    if (!found)
      return toolError(
        `The search took longer than ${MCP_SEARCH_TIMEOUT_MS / 1000} s and was stopped; send a shorter query.`,
      );
    const { total, hits } = found;
    const note =
      words.length > MCP_QUERY_MAX_WORDS
        ? `(Searched the first ${MCP_QUERY_MAX_WORDS} of ${words.length} words: “${query}”.)\n`
        : '';
    const text = hits.length
      ? note + hits.map((h, i) => `${i + 1}. ${h.title} (${h.id})\n   ${h.url}\n   ${h.excerpt}`).join('\n')
      : `${note}Nothing in the help center matches “${query}”.`;
    return {
      content: [{ type: 'text', text }],
      structuredContent: { total, results: hits, ...(found.language && { language: found.language }) },
    };
  }
  if (params.name === 'get') {
    const key = typeof args.id === 'string' ? args.id.trim() : '';
    if (!key) return toolError('get needs an "id" string, like "article:reset-password".');
    if (key.length > 2000) return toolError('"id" is an id or a page URL, at most 2000 characters.');
    const language = typeof args.language === 'string' && args.language.trim() ? args.language.trim() : undefined;
    const found = await backend.get(key, language);
    if (!found) return toolError(`There is no article or FAQ "${key}"; use an id that search returned.`);
    return { content: [{ type: 'text', text: found.markdown }], structuredContent: found };
  }
  return toolError(`There is no tool "${String(params.name)}"; the tools are search and get.`);
}

/** The promise's value, or undefined when it takes longer than `ms` (its work is not cancelled, only no longer awaited). */
async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Reads newline-delimited JSON-RPC from `input` and writes each answer as one line to `write`. */
export async function serveMcpLines(
  backend: McpBackend,
  input: AsyncIterable<string>,
  write: (line: string) => void,
): Promise<void> {
  const pending: Array<Promise<void>> = [];
  for await (const line of input) {
    if (!line.trim()) continue;
    let message: unknown;
    try {
      message = JSON.parse(line);
    } catch {
      write(
        JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: ERRORS.parse, message: 'The line is not JSON.' } }),
      );
      continue;
    }
    pending.push(
      handleMcpMessage(backend, message).then(
        (response) => {
          if (response) write(JSON.stringify(response));
        },
        (err: unknown) =>
          write(
            JSON.stringify({
              jsonrpc: '2.0',
              id: (message as { id?: unknown }).id ?? null,
              error: { code: ERRORS.internal, message: err instanceof Error ? err.message : String(err) },
            }),
          ),
      ),
    );
  }
  await Promise.all(pending);
}
