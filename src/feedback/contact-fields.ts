/**
 * The fields of the widget's contact form that travel unchanged from the reader to the team's
 * channel: what the widget sends (src/widget/contact-form.ts) and the endpoint forwards
 * (src/feedback/server/routes/contact-channel.ts). Types only.
 */
export interface ContactFields {
  email: string;
  name?: string;
  message: string;
  language: string;
  /** The product page the widget was on (path only). */
  page?: string;
  /** The searches of this visit. */
  searches: string[];
}
