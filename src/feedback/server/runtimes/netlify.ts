/**
 * Netlify Functions (v2) entry. Use it from netlify/functions/feedback.mts:
 *   export { default } from 'helpdesk-kit/feedback/runtimes/netlify';
 *   export const config = { path: ['/feedback', '/feedback/*', '/health'] };
 * Netlify reads `config` from the function file's own source, so a re-exported `config` is not
 * seen (`netlify dev` then routes nothing to the function). Settings come from the site's
 * environment variables (FEEDBACK_STORE_URL=postgres://...).
 */
import { createLazyFeedbackHandler } from './serverless.ts';

const handle = createLazyFeedbackHandler({ loadEnv: () => process.env });

/** Netlify passes the client address as `context.ip`. */
export default function netlifyFeedback(request: Request, context?: { ip?: string }): Promise<Response> {
  return handle(request, context?.ip);
}

export const config = { path: ['/feedback', '/feedback/*', '/health'] };
