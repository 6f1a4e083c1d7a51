/**
 * Vercel Functions entry (Node runtime, web-standard handlers). Use it from api/feedback.ts:
 *   export { GET, POST, OPTIONS } from 'helpdesk-kit/feedback/runtimes/vercel';
 * Functions in api/ answer under /api, so FEEDBACK_BASE_PATH defaults to /api here. Vercel sets
 * X-Real-IP itself, so it is trusted here.
 */
import { createLazyFeedbackHandler } from './serverless.ts';

const handle = createLazyFeedbackHandler({ loadEnv: () => ({ FEEDBACK_BASE_PATH: '/api', ...process.env }) });

export function vercelFeedback(request: Request): Promise<Response> {
  return handle(request, request.headers.get('x-real-ip') ?? undefined);
}

export const GET = vercelFeedback;
export const POST = vercelFeedback;
export const OPTIONS = vercelFeedback;
/** api/mcp.ts: stateless MCP answers DELETE (and GET) with 405 itself. */
export const DELETE = vercelFeedback;
export default { fetch: vercelFeedback };
