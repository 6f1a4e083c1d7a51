/**
 * The English strings of the "Was this helpful?" widget, apart from the rest of en.ts: the
 * widget's browser script falls back to some of these, and should not carry the whole dictionary.
 */
export default {
  'feedback.articleQuestion': 'Was this article helpful?',
  'feedback.faqQuestion': 'Was this answer helpful?',
  'feedback.yes': 'Yes',
  'feedback.no': 'No',
  'feedback.reasonsLegend': 'Sorry about that. What went wrong?',
  'feedback.reason.incorrect': 'Incorrect or out of date',
  'feedback.reason.hard-to-follow': 'Hard to follow',
  'feedback.reason.did-not-answer': "Didn't answer my question",
  'feedback.reason.other': 'Other',
  'feedback.commentLabel': 'Anything else we should know? (optional)',
  'feedback.commentHint': 'Up to 1000 characters. Please leave out personal details.',
  'feedback.charactersLeft': 'characters left',
  'feedback.send': 'Send',
  'feedback.thanks':
    'Thank you for your feedback. The team that looks after this page reads every comment and uses the votes to decide what to improve next. You can change your answer at any time.',
  'feedback.thanksShort':
    'Thank you. We read every answer and use it to improve this page. You can change your answer.',
  'feedback.recordedNo': 'Your answer was recorded. What went wrong? This is optional.',
} as const;
