/**
 * The strings the browser script builds or announces (the compact variant's reasons step, live
 * messages), in English, from the one English source (src/i18n/dictionaries/en-feedback-client.ts):
 * in a module of their own, so the script bundles these and not every string of the widget (texts.ts).
 */
import client from '../../i18n/dictionaries/en-feedback-client.ts';
import type { FeedbackReason } from '../reasons.ts';

export const REASON_LABELS: Record<FeedbackReason, string> = client.reasons;

export const CLIENT_TEXT = client;
