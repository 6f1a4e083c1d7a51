/**
 * Every word the widget shows, in English (from src/i18n/dictionaries/en-feedback.ts, the one English
 * source), used by the component (build time); the few the client script needs too live in
 * client-texts.ts. Other languages come from the UI dictionaries.
 */
import en from '../../i18n/dictionaries/en-feedback.ts';
import type { FeedbackReason } from '../reasons.ts';
import { CLIENT_TEXT, REASON_LABELS } from './client-texts.ts';
import type { Translator, UiKey } from '../../i18n/ui-strings.ts';

export { CLIENT_TEXT, REASON_LABELS } from './client-texts.ts';

export const WIDGET_TEXT = {
  articleQuestion: en['feedback.articleQuestion'],
  faqQuestion: en['feedback.faqQuestion'],
  yes: en['feedback.yes'],
  no: en['feedback.no'],
  reasonsLegend: CLIENT_TEXT.reasonsLegend,
  commentLabel: CLIENT_TEXT.commentLabel,
  commentHint: CLIENT_TEXT.commentHint,
  charactersLeft: CLIENT_TEXT.charactersLeft,
  send: CLIENT_TEXT.send,
  thanks: en['feedback.thanks'],
  thanksShort: en['feedback.thanksShort'],
  recordedNo: CLIENT_TEXT.recordedNo,
} as const;

/** Every string the widget shows, in one language. */
export interface FeedbackTexts extends Record<keyof typeof WIDGET_TEXT, string> {
  reasons: Record<FeedbackReason, string>;
}

/** The strings the browser script builds or announces (the compact variant's reasons step, live messages). */
export type FeedbackClientTexts = Pick<
  FeedbackTexts,
  'reasonsLegend' | 'commentLabel' | 'commentHint' | 'send' | 'recordedNo' | 'charactersLeft' | 'reasons'
>;

/** The widget's strings from a page's UI dictionary (src/i18n); English without one. */
export function getFeedbackTexts(ui?: Pick<Translator, 't'>): FeedbackTexts {
  if (!ui) return { ...WIDGET_TEXT, reasons: REASON_LABELS };
  const t = (key: string) => ui.t(`feedback.${key}` as UiKey);
  return {
    ...(Object.fromEntries(Object.keys(WIDGET_TEXT).map((k) => [k, t(k)])) as Record<keyof typeof WIDGET_TEXT, string>),
    reasons: Object.fromEntries(
      Object.keys(REASON_LABELS).map((r) => [r, t(`reason.${r}`)]),
    ) as FeedbackTexts['reasons'],
  };
}

/**
 * The script's strings as a JSON object for `self.hcT`, on pages in a
 * language other than English only: English pages carry nothing extra, the script has those built in.
 */
export function getFeedbackClientText(ui: Pick<Translator, 't' | 'language'>): string | undefined {
  if (ui.language.toLowerCase().split('-')[0] === 'en') return undefined;
  const { reasonsLegend, commentLabel, commentHint, send, recordedNo, charactersLeft, reasons } = getFeedbackTexts(ui);
  const client: FeedbackClientTexts = {
    reasonsLegend,
    commentLabel,
    commentHint,
    send,
    recordedNo,
    charactersLeft,
    reasons,
  };
  return JSON.stringify(client).replace(/</g, '\\u003c');
}
