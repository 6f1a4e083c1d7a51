// The "Was this helpful?" endpoint on Vercel: /api/feedback (feedbackEndpoint: <site url>/api/feedback in
// content/site.yaml). Set FEEDBACK_STORE_URL (Postgres) and FEEDBACK_SECRET in the project's
// environment variables and run `npm install pg`; see node_modules/helpdesk-kit/docs/feedback.md.
export { GET, POST, OPTIONS } from 'helpdesk-kit/feedback/runtimes/vercel';
