/**
 * npm run feedback:serve — the feedback endpoint as a Node server (127.0.0.1:8787 by default).
 * Settings come from FEEDBACK_* environment variables; see docs/feedback.md.
 */
import { runFeedbackServer } from '../src/feedback/server/runtimes/node.ts';

await runFeedbackServer(process.env);
