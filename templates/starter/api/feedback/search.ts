// /api/feedback/search: search insights (site setting searchInsights), same endpoint.
export { GET, POST, OPTIONS } from 'helpdesk-kit/feedback/runtimes/vercel';
