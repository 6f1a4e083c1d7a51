/**
 * After a "No" in the widget's panel, the same optional follow-up as the page's widget: what went
 * wrong (the reasons the report counts) and a comment. Sent as a vote that replaces the "No".
 */
import { escapeHtml } from '../lib/html.ts';
import { COMMENT_MAX_LENGTH, FEEDBACK_REASONS, type FeedbackReason } from '../feedback/reasons.ts';
import type { WidgetText } from './widget-texts.ts';

export function renderReasonsForm(id: string, T: WidgetText): string {
  const reasons = FEEDBACK_REASONS.map(
    (r) =>
      `<label class="reason"><input type="radio" name="reason" value="${r}"> ${escapeHtml(T.t(`feedback.reason.${r}`))}</label>`,
  ).join('');
  return (
    `<form class="reasons" data-reasons><fieldset><legend>${escapeHtml(T.t('feedback.reasonsLegend'))}</legend>${reasons}</fieldset>` +
    `<label for="${id}-comment">${escapeHtml(T.t('feedback.commentLabel'))}</label>` +
    `<textarea id="${id}-comment" name="comment" rows="3" maxlength="${COMMENT_MAX_LENGTH}" aria-describedby="${id}-hint"></textarea>` +
    `<p class="muted" id="${id}-hint">${escapeHtml(T.t('feedback.commentHint'))}</p>` +
    `<button type="submit">${escapeHtml(T.t('feedback.send'))}</button></form>`
  );
}

/** Wires the form: on submit, `send` gets the reason and the comment (either may be empty); the form goes once sent. */
export function bindReasonsForm(
  form: HTMLFormElement,
  status: HTMLElement,
  T: WidgetText,
  send: (reason: FeedbackReason | undefined, comment: string) => Promise<boolean>,
): void {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const checked = form.querySelector<HTMLInputElement>('input[name=reason]:checked');
    const reason = FEEDBACK_REASONS.find((r) => r === checked?.value);
    const comment = form.querySelector('textarea')!.value.trim();
    if (!reason && !comment) return;
    const button = form.querySelector('button')!;
    button.disabled = true;
    void send(reason, comment).then((ok) => {
      status.textContent = ok ? T.t('results.answer.thanks') : T.t('results.answer.failed');
      if (ok) form.remove();
      else button.disabled = false;
    });
  });
}
