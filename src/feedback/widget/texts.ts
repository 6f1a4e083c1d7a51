/**
 * Every word the widget shows, in one place, used by the component (build time) and the client
 * script (the compact variant builds its reasons step in the browser). English only for now.
 */
import type { FeedbackReason } from '../reasons.ts';

export const REASON_LABELS: Record<FeedbackReason, string> = {
  incorrect: 'Incorrect or out of date',
  'hard-to-follow': 'Hard to follow',
  'did-not-answer': "Didn't answer my question",
  other: 'Other',
};

export const WIDGET_TEXT = {
  articleQuestion: 'Was this article helpful?',
  faqQuestion: 'Was this answer helpful?',
  yes: 'Yes',
  no: 'No',
  reasonsLegend: 'Sorry about that. What went wrong?',
  commentLabel: 'Anything else we should know? (optional)',
  commentHint: 'Up to 1000 characters. Please leave out personal details.',
  charactersLeft: 'characters left',
  send: 'Send',
  thanks:
    'Thank you for your feedback. The team that looks after this page reads every comment and uses the votes to decide what to improve next. You can change your answer at any time.',
  thanksShort: 'Thank you. We read every answer and use it to improve this page. You can change your answer.',
  recordedNo: 'Your answer was recorded. What went wrong? This is optional.',
} as const;
