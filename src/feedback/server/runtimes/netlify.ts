/**
 * Netlify Functions (v2) entry. Use it from netlify/functions/feedback.ts:
 *   export { default, config } from 'helpdesk-kit/feedback/runtimes/netlify';
 * Settings come from the site's environment variables (FEEDBACK_STORE_URL=postgres://...).
 */
import { createLazyFeedbackHandler } from './serverless.ts';

const handle = createLazyFeedbackHandler({ loadEnv: () => process.env });

/** Netlify passes the client address as `context.ip`. */
export default function netlifyFeedback(request: Request, context?: { ip?: string }): Promise<Response> {
  return handle(request, context?.ip);
}

export const config = { path: ['/feedback', '/feedback/*', '/health'] };
