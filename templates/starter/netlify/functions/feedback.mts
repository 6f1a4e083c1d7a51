// The "Was this helpful?" endpoint on Netlify. Netlify reads `config` from this file itself, so
// the routes are written here rather than re-exported.
export { default } from 'helpdesk-kit/feedback/runtimes/netlify';

export const config = { path: ['/feedback', '/feedback/*', '/health', '/mcp'] };
