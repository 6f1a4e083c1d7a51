/**
 * Element ids the widget renders and the endpoint redirects to. Shared so the no-JS flow
 * (303 to `<page>#feedback-thanks-<anchor>`, shown with CSS :target) cannot drift apart.
 */

/** "article:reset-password" -> "article-reset-password": safe in an id and a URL fragment. */
export function getFeedbackAnchor(itemId: string): string {
  return itemId.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
}

/** The id of the thank-you message of one item's widget. */
export const getThanksId = (itemId: string) => `feedback-thanks-${getFeedbackAnchor(itemId)}`;

/** The id of the "what went wrong?" step of one item's widget. */
export const getReasonsId = (itemId: string) => `feedback-reasons-${getFeedbackAnchor(itemId)}`;
