/**
 * After a "No" in the widget's panel, the same optional follow-up as the page's widget: what went
 * wrong (the reasons the report counts) and a comment. Sent as a vote that replaces the "No".
 * Built as elements, the strings as text (they come from the help center's configuration).
 */
import { COMMENT_MAX_LENGTH, FEEDBACK_REASONS, type FeedbackReason } from '../feedback/reasons.ts';
import { h } from './safe-dom.ts';
import type { WidgetText } from './widget-texts.ts';

export function buildReasonsForm(id: string, T: WidgetText): HTMLFormElement {
  return h(
    'form',
    { class: 'reasons', 'data-reasons': '' },
    h(
      'fieldset',
      null,
      h('legend', null, T.t('feedback.reasonsLegend')),
      ...FEEDBACK_REASONS.map((r) =>
        h(
          'label',
          { class: 'reason' },
          h('input', { type: 'radio', name: 'reason', value: r }),
          ` ${T.t(`feedback.reason.${r}`)}`,
        ),
      ),
    ),
    h('label', { for: `${id}-comment` }, T.t('feedback.commentLabel')),
    h('textarea', {
      id: `${id}-comment`,
      name: 'comment',
      rows: '3',
      maxlength: String(COMMENT_MAX_LENGTH),
      'aria-describedby': `${id}-hint`,
    }),
    h('p', { class: 'muted', id: `${id}-hint` }, T.t('feedback.commentHint')),
    h('button', { type: 'submit' }, T.t('feedback.send')),
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
