// /api/health: answers 200 while the endpoint can reach its store.
export { GET } from 'helpdesk-kit/feedback/runtimes/vercel';
