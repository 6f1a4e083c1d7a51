/**
 * The strings the browser script builds or announces (the compact variant's reasons step, live
 * messages), in English: in a module of their own, so the script bundles these and not every
 * string of the widget (texts.ts).
 */
import type { FeedbackReason } from '../reasons.ts';

export const REASON_LABELS: Record<FeedbackReason, string> = {
  incorrect: 'Incorrect or out of date',
  'hard-to-follow': 'Hard to follow',
  'did-not-answer': "Didn't answer my question",
  other: 'Other',
};

export const CLIENT_TEXT = {
  reasonsLegend: 'Sorry about that. What went wrong?',
  commentLabel: 'Anything else we should know? (optional)',
  commentHint: 'Up to 1000 characters. Please leave out personal details.',
  charactersLeft: 'characters left',
  send: 'Send',
  recordedNo: 'Your answer was recorded. What went wrong? This is optional.',
  reasons: REASON_LABELS,
} as const;
