/**
 * The English strings the "Was this helpful?" script builds or announces (the reasons step, live
 * messages), under the script's own short names: the script bundles this object alone, and
 * en-feedback.ts lists the same strings under their dictionary keys.
 */
export default {
  reasonsLegend: 'Sorry about that. What went wrong?',
  commentLabel: 'Anything else we should know? (optional)',
  commentHint: 'Up to 1000 characters. Please leave out personal details.',
  charactersLeft: 'characters left',
  send: 'Send',
  recordedNo: 'Your answer was recorded. What went wrong? This is optional.',
  reasons: {
    incorrect: 'Incorrect or out of date',
    'hard-to-follow': 'Hard to follow',
    'did-not-answer': "Didn't answer my question",
    other: 'Other',
  },
} as const;
