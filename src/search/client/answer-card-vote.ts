/**
 * Sends an answer card's "Did this answer your question?" to the feedback endpoint as a vote on
 * its FAQ or article: the same fields and route as the page's "Was this helpful?" widget.
 */
import type { AnswerCard } from './answer-card.ts';

/** What a vote names: the item and the page it is on. */
export type VotedItem = Pick<AnswerCard, 'itemId' | 'pagePath'>;
import type { ResultText } from './render-results.ts';
import type { FeedbackReason } from '../../feedback/reasons.ts';

export interface AnswerVoteConfig {
  /** The vote endpoint, e.g. https://feedback.example.com/feedback. */
  endpoint: string;
  language: string;
  revision: string;
}

const createId = () => crypto.randomUUID();

/** What a "No" may add, and the vote it refines (`replaces`: the first vote's event id). */
export interface VoteDetails {
  reason?: FeedbackReason;
  comment?: string;
  replaces?: string;
}

/** The vote's event id when the endpoint took it, else undefined. text/plain JSON: no preflight across origins. */
export async function sendAnswerVote(
  config: AnswerVoteConfig,
  card: VotedItem,
  vote: 'up' | 'down',
  details: VoteDetails = {},
): Promise<string | undefined> {
  const eventId = createId();
  const body = {
    itemId: card.itemId,
    pagePath: card.pagePath,
    vote,
    ...details,
    language: config.language,
    revision: config.revision,
    eventId,
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
    return response.ok ? eventId : undefined;
  } catch {
    return undefined;
  }
}

/** Wires the vote buttons of a rendered card (inside `root`): one vote, then a thank-you. */
export function bindAnswerCardVote(
  root: ParentNode,
  card: VotedItem,
  config: AnswerVoteConfig,
  text: ResultText,
  /** Called once the endpoint took the vote (the widget's panel asks why after a "No"). */
  onSent?: (vote: 'up' | 'down', eventId: string) => void,
): void {
  const thanks = text.t('results.answer.thanks');
  const failed = text.t('results.answer.failed');
  const buttons = Array.from(root.querySelectorAll<HTMLButtonElement>('[data-answer-vote]'));
  const status = root.querySelector<HTMLElement>('[data-answer-status]');
  for (const button of buttons) {
    button.addEventListener('click', () => {
      for (const b of buttons) b.disabled = true;
      button.setAttribute('aria-pressed', 'true');
      const vote = button.dataset.answerVote === 'up' ? 'up' : 'down';
      void sendAnswerVote(config, card, vote).then((eventId) => {
        if (status) status.textContent = eventId ? thanks : failed;
        if (!eventId) {
          for (const b of buttons) b.disabled = false;
          button.removeAttribute('aria-pressed');
        } else onSent?.(vote, eventId);
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
