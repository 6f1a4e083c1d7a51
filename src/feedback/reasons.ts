/**
 * The vote vocabulary shared by the endpoint's schema and the browser widget. No imports: the
 * widget's client bundle includes this file.
 */

/** Why a reader said "No", in the order the widget shows them. */
export const FEEDBACK_REASONS = ['incorrect', 'hard-to-follow', 'did-not-answer', 'other'] as const;
export type FeedbackReason = (typeof FEEDBACK_REASONS)[number];

/** The longest comment accepted, in UTF-16 code units (what the browser's maxlength counts). */
export const COMMENT_MAX_LENGTH = 1000;
