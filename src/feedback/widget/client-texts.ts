/**
 * The strings the browser script builds or announces (the compact variant's reasons step, live
 * messages), in English, from the one English source (src/i18n/dictionaries/en-feedback.ts): in a
 * module of their own, so the script bundles these and not every string of the widget (texts.ts).
 */
import en from '../../i18n/dictionaries/en-feedback.ts';
import type { FeedbackReason } from '../reasons.ts';

export const REASON_LABELS: Record<FeedbackReason, string> = {
  incorrect: en['feedback.reason.incorrect'],
  'hard-to-follow': en['feedback.reason.hard-to-follow'],
  'did-not-answer': en['feedback.reason.did-not-answer'],
  other: en['feedback.reason.other'],
};

export const CLIENT_TEXT = {
  reasonsLegend: en['feedback.reasonsLegend'],
  commentLabel: en['feedback.commentLabel'],
  commentHint: en['feedback.commentHint'],
  charactersLeft: en['feedback.charactersLeft'],
  send: en['feedback.send'],
  recordedNo: en['feedback.recordedNo'],
  reasons: REASON_LABELS,
} as const;
