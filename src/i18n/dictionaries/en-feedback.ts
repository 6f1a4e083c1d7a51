/**
 * The English strings of the "Was this helpful?" widget, apart from the rest of en.ts: the
 * component reads these at build time; the ones its script needs too are written once, in
 * en-feedback-client.ts.
 */
import client from './en-feedback-client.ts';

export default {
  'feedback.articleQuestion': 'Was this article helpful?',
  'feedback.faqQuestion': 'Was this answer helpful?',
  'feedback.yes': 'Yes',
  'feedback.no': 'No',
  'feedback.reasonsLegend': client.reasonsLegend,
  'feedback.reason.incorrect': client.reasons.incorrect,
  'feedback.reason.hard-to-follow': client.reasons['hard-to-follow'],
  'feedback.reason.did-not-answer': client.reasons['did-not-answer'],
  'feedback.reason.other': client.reasons.other,
  'feedback.commentLabel': client.commentLabel,
  'feedback.commentHint': client.commentHint,
  'feedback.charactersLeft': client.charactersLeft,
  'feedback.send': client.send,
  'feedback.thanks':
    'Thank you for your feedback. The team that looks after this page reads every comment and uses the votes to decide what to improve next. You can change your answer at any time.',
  'feedback.thanksShort':
    'Thank you. We read every answer and use it to improve this page. You can change your answer.',
  'feedback.recordedNo': client.recordedNo,
} as const;
