/**
 * `/mcp`: the help center's read-only MCP server over Streamable HTTP, the same two tools as the
 * stdio server (src/tools/mcp). The official SDK's web-standard handler serves the 2026-07-28
 * revision statelessly (no initialize, no session: each POST carries its protocol version) and
 * 2025-era clients in its stateless fallback (initialize answered without a session id; GET and
 * DELETE 405). Modern answers are single JSON bodies (the tools answer at once); the legacy leg
 * answers a POST with one server-sent event, as the SDK's stateless transport does.
 *
 * Public and read-only; the intake is the endpoint's own: per-client and global rate limit (429),
 * a JSON body under the endpoint's byte cap (415, 413). No Origin check: anyone may read the help
 * center, and an assistant calls from a server, not a page. Each search is stored as a search
 * insight of channel "assistant" (no visitor data), counted apart from people's.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';
import { z } from 'zod';
import type { AssistantData } from '../../../assistant/assistant-data.ts';
import { createDataBackend } from '../../../assistant/data-backend.ts';
import { callMcpTool, MCP_TOOLS, type McpBackend } from '../../../assistant/mcp-tools.ts';
import { ErrorCodes } from '../../../lib/errors.ts';
import type { FeedbackAppContext, FeedbackHonoEnv } from '../app-env.ts';
import { createErrorResponse } from '../http/responses.ts';
import { admission } from '../middleware/admission.ts';
import { normalizeSearchQuery } from '../../search-query.ts';

export const MCP_PATH = '/mcp';
const MCP_MEDIA_TYPES: ReadonlySet<string> = new Set(['application/json']);

export interface McpRouteOptions extends FeedbackAppContext {
  /** The site's pages, loaded by the runtime (a file, or the Workers assets binding). */
  assistantData: AssistantData | (() => Promise<AssistantData>);
  /** The endpoint's client and rate-limit middleware, shared with the event routes. */
  client: MiddlewareHandler<FeedbackHonoEnv>;
  limit: MiddlewareHandler<FeedbackHonoEnv>;
  bodyLimitBytes: number;
  version?: string;
}

/** zod mirrors of the tools' JSON schemas; the tools themselves give the friendly errors (src/assistant/mcp-tools.ts). */
const INPUTS = {
  search: z.object({
    query: z.string(),
    limit: z.number().optional(),
    language: z.string().optional(),
  }),
  get: z.object({ id: z.string(), language: z.string().optional() }),
} as const;

function createServer(backend: McpBackend): McpServer {
  const server = new McpServer(
    { name: backend.name, version: backend.version },
    { instructions: `Read-only access to ${backend.name}: search it, then get the articles and FAQ answers you cite.` },
  );
  for (const tool of MCP_TOOLS) {
    server.registerTool(
      tool.name,
      {
        title: tool.title,
        description: tool.description,
        inputSchema: INPUTS[tool.name],
        annotations: tool.annotations,
      },
      async (args: Record<string, unknown>) =>
        (await callMcpTool(backend, { name: tool.name, arguments: args })) as never,
    );
  }
  return server;
}

export function createMcpRoutes(options: McpRouteOptions) {
  const { store, counters, clock, logger } = options;
  let backend: Promise<McpBackend> | undefined;
  const getBackend = () => {
    backend ??= (async () => {
      const data = typeof options.assistantData === 'function' ? await options.assistantData() : options.assistantData;
      return createDataBackend(data, {
        version: options.version ?? '1',
        async onSearch({ query, resultCount, language }) {
          const q = normalizeSearchQuery(query);
          if (!q) return;
          const now = clock();
          try {
            await store.recordSearchEvent({
              eventId: crypto.randomUUID(),
              day: new Date(now).toISOString().slice(0, 10),
              query: q,
              resultCount,
              opened: null,
              contact: false,
              refinedFrom: null,
              channel: 'assistant',
              formSubmitted: null,
              language,
              revision: data.revision.slice(0, 40),
              receivedAt: now,
            });
            counters.increment('accepted.search_created');
          } catch (err) {
            logger.warn('assistant_search_not_stored', { message: (err as Error).message });
          }
        },
      });
    })();
    backend.catch(() => (backend = undefined));
    return backend;
  };
  const handler = createMcpHandler(async () => createServer(await getBackend()), {
    legacy: 'stateless',
    maxRequestBodySize: options.bodyLimitBytes,
    onerror: (err) => logger.warn('mcp_request_rejected', { message: err.message }),
  });

  const app = new Hono<FeedbackHonoEnv>();
  app.post(
    MCP_PATH,
    options.client,
    options.limit,
    admission({
      mediaTypes: MCP_MEDIA_TYPES,
      unsupportedMessage: 'Send MCP messages as application/json in UTF-8 (Streamable HTTP).',
      bodyLimitBytes: options.bodyLimitBytes,
      noun: 'MCP message',
      counters,
    }),
    async (c) => {
      let parsedBody: unknown;
      try {
        parsedBody = JSON.parse(c.var.body.text);
      } catch {
        return createErrorResponse(400, ErrorCodes.InvalidFeedback, 'The body is not JSON: send one JSON-RPC message.');
      }
      return handler.fetch(c.req.raw, { parsedBody });
    },
  );
  // Stateless: no stream to open (GET) and no session to end (DELETE).
  app.all(MCP_PATH, () =>
    createErrorResponse(
      405,
      ErrorCodes.MethodNotAllowed,
      'MCP messages are sent with POST (Streamable HTTP, stateless).',
      {
        headers: { allow: 'POST' },
      },
    ),
  );
  return app;
}
