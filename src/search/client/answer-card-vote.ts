/**
 * Sends an answer card's "Did this answer your question?" to the feedback endpoint as a vote on
 * its FAQ or article: the same fields and route as the page's "Was this helpful?" widget.
 */
import type { AnswerCard } from './answer-card.ts';

/** What a vote names: the item and the page it is on. */
export type VotedItem = Pick<AnswerCard, 'itemId' | 'pagePath'>;
import type { ResultText } from './render-results.ts';

export interface AnswerVoteConfig {
  /** The vote endpoint, e.g. https://feedback.example.com/feedback. */
  endpoint: string;
  language: string;
  revision: string;
}

const createId = () => crypto.randomUUID();

/** Resolves true when the endpoint took the vote. text/plain JSON: no preflight across origins. */
export async function sendAnswerVote(config: AnswerVoteConfig, card: VotedItem, vote: 'up' | 'down'): Promise<boolean> {
  const body = {
    itemId: card.itemId,
    pagePath: card.pagePath,
    vote,
    language: config.language,
    revision: config.revision,
    eventId: createId(),
    website: '',
  };
  try {
    const response = await fetch(config.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
      body: JSON.stringify(body),
      keepalive: true,
      credentials: 'omit',
    });
    return response.ok;
  } catch {
    return false;
  }
}

/** Wires the vote buttons of a rendered card (inside `root`): one vote, then a thank-you. */
export function bindAnswerCardVote(
  root: ParentNode,
  card: VotedItem,
  config: AnswerVoteConfig,
  text: ResultText,
): void {
  const thanks = text.t('results.answer.thanks');
  const failed = text.t('results.answer.failed');
  const buttons = Array.from(root.querySelectorAll<HTMLButtonElement>('[data-answer-vote]'));
  const status = root.querySelector<HTMLElement>('[data-answer-status]');
  for (const button of buttons) {
    button.addEventListener('click', () => {
      for (const b of buttons) b.disabled = true;
      button.setAttribute('aria-pressed', 'true');
      void sendAnswerVote(config, card, button.dataset.answerVote === 'up' ? 'up' : 'down').then((ok) => {
        if (status) status.textContent = ok ? thanks : failed;
        if (!ok) for (const b of buttons) b.disabled = false;
      });
    });
  }
}

/** The vote settings a search box carries (SearchBox.astro), or undefined without an endpoint. */
export function readAnswerVoteConfig(box: HTMLElement): AnswerVoteConfig | undefined {
  const endpoint = box.dataset.answerFeedback;
  if (!endpoint) return undefined;
  return {
    endpoint,
    language: box.dataset.answerLanguage || document.documentElement.lang || 'en',
    revision: box.dataset.answerRevision || 'unknown',
  };
}
