/**
 * The "Was this helpful?" widget in the browser: plain TypeScript, no framework. Without this
 * script the widget's forms post to the endpoint and come back with a 303 to the page's
 * thank-you (shown with CSS :target). With it, votes go by fetch (keepalive, text/plain so no
 * preflight), the page stays put, and a vote that fails to send is kept in localStorage and
 * sent again on the next page view. A reader's latest vote per item is remembered so a changed
 * mind replaces it on the server.
 */
import { getReasonsId } from '../anchors.ts';
import { COMMENT_MAX_LENGTH, FEEDBACK_REASONS, type FeedbackReason } from '../reasons.ts';
import { CLIENT_TEXT } from './client-texts.ts';
import { createUuid } from './uuid.ts';
import type { FeedbackClientTexts } from './texts.ts';

export { createUuid };

// English, or the page language's strings that the page sets (globalThis.hcT: BaseLayout, texts.ts).
const TEXT: FeedbackClientTexts = (globalThis as { hcT?: FeedbackClientTexts }).hcT ?? CLIENT_TEXT;

export interface VotePayload {
  itemId: string;
  pagePath: string;
  vote: 'up' | 'down';
  reason?: FeedbackReason;
  comment?: string;
  language: string;
  revision: string;
  website: string;
  eventId: string;
  replaces?: string;
}

interface Pending {
  endpoint: string;
  payload: VotePayload;
  tries: number;
}

type Fields = Omit<VotePayload, 'eventId' | 'replaces'>;
/** POST a body to the endpoint; resolves with the HTTP status, rejects on network failure. */
export type PostVote = (endpoint: string, body: string) => Promise<number>;
export type VoteStorage = Pick<Storage, 'getItem' | 'setItem'>;

const VOTES = 'hc-feedback-votes';
const QUEUE = 'hc-feedback-queue';
const MAX_TRIES = 5;

/** Queue-first delivery: a vote is stored locally before it is sent and removed once answered. */
export function createVoteSender(storage: VoteStorage, post: PostVote) {
  const read = <T>(key: string): Record<string, T> => {
    try {
      return JSON.parse(storage.getItem(key) || '{}') as Record<string, T>;
    } catch {
      return {};
    }
  };
  const write = (key: string, value: unknown) => {
    try {
      storage.setItem(key, JSON.stringify(value));
    } catch {
      // Storage full or blocked: the vote is still sent once.
    }
  };

  /** True when the server took the vote. 4xx (but 408/429) will never succeed, so it is dropped too. */
  async function deliver(item: Pending): Promise<boolean> {
    let status = 0;
    try {
      status = await post(item.endpoint, JSON.stringify(item.payload));
    } catch {
      // Offline, blocked or the page is going away: keep it for the next page view.
    }
    const final = (status >= 200 && status < 500 && status !== 408 && status !== 429) || item.tries >= MAX_TRIES;
    const queue = read<Pending>(QUEUE);
    const queued = queue[item.payload.itemId];
    if (queued?.payload.eventId === item.payload.eventId) {
      if (final) delete queue[item.payload.itemId];
      else queued.tries = item.tries + 1;
      write(QUEUE, queue);
    }
    return status >= 200 && status < 300;
  }

  return {
    /** This browser's latest vote on an item, if any. */
    getVote: (itemId: string) => read<{ vote: 'up' | 'down'; eventId: string }>(VOTES)[itemId],
    send(endpoint: string, fields: Fields): Promise<boolean> {
      const votes = read<{ vote: 'up' | 'down'; eventId: string }>(VOTES);
      const queue = read<Pending>(QUEUE);
      // A still-queued vote never reached the server: replace what it would have replaced.
      const replaces = queue[fields.itemId] ? queue[fields.itemId]!.payload.replaces : votes[fields.itemId]?.eventId;
      const payload: VotePayload = { ...fields, eventId: createUuid(), replaces };
      const item: Pending = { endpoint, payload, tries: 1 };
      votes[fields.itemId] = { vote: fields.vote, eventId: payload.eventId };
      queue[fields.itemId] = item;
      write(VOTES, votes);
      write(QUEUE, queue);
      return deliver(item);
    },
    /** Send every vote left over from earlier page views. */
    flush: () => Promise.all(Object.values(read<Pending>(QUEUE)).map(deliver)),
  };
}

const postWithFetch: PostVote = (endpoint, body) =>
  fetch(endpoint, {
    method: 'POST',
    body,
    keepalive: true,
    credentials: 'omit',
    headers: { 'content-type': 'text/plain;charset=UTF-8' },
  }).then((res) => res.status);

function getStorage(): VoteStorage {
  try {
    return localStorage;
  } catch {
    const memory = new Map<string, string>();
    return { getItem: (k) => memory.get(k) ?? null, setItem: (k, v) => void memory.set(k, v) };
  }
}

/** The reasons step for the compact variant, built here to keep each FAQ's HTML small. */
function createReasonsForm(itemId: string, endpoint: string): HTMLFormElement {
  const form = document.createElement('form');
  form.className = 'fb-step fb-reasons';
  form.id = getReasonsId(itemId);
  form.action = endpoint;
  form.tabIndex = -1;
  const a = form.id;
  form.innerHTML = `<fieldset><legend>${TEXT.reasonsLegend}</legend>${FEEDBACK_REASONS.map(
    (r) => `<label><input type="radio" name="reason" value="${r}"> ${TEXT.reasons[r]}</label>`,
  ).join(
    '',
  )}<label for="${a}-c">${TEXT.commentLabel}</label><textarea id="${a}-c" name="comment" maxlength="${COMMENT_MAX_LENGTH}" rows="3" aria-describedby="${a}-h"></textarea><p class="fb-hint" id="${a}-h">${TEXT.commentHint}</p><button class="fb-send">${TEXT.send}</button></fieldset>`;
  return form;
}

function setUpWidget(root: HTMLElement, sender: ReturnType<typeof createVoteSender>): void {
  const itemId = root.dataset.fb!;
  const voteForm = root.querySelector('form')!;
  const thanks = root.querySelector<HTMLElement>('.fb-thanks')!;
  const live = root.querySelector<HTMLElement>('[data-fb-live]')!;
  const buttons = voteForm.querySelectorAll('button');
  const value = (name: string) => (voteForm.elements.namedItem(name) as HTMLInputElement | null)?.value ?? '';
  const fields = (vote: 'up' | 'down'): Fields => ({
    itemId,
    vote,
    pagePath: value('pagePath'),
    language: value('language') || document.documentElement.lang || 'en',
    revision: value('revision'),
    website: value('website'),
  });
  const press = (vote: string) => buttons.forEach((b) => b.setAttribute('aria-pressed', String(b.value === vote)));
  const show = (el: Element, on: boolean) => el.classList.toggle('is-open', on);
  // Announce even when the same text comes twice in a row (a live region ignores no-op changes).
  const say = (text: string) => (live.textContent = live.textContent === text ? `${text}\u00a0` : text);
  let reasons = root.querySelector<HTMLFormElement>('form.fb-reasons');

  const previous = sender.getVote(itemId);
  if (previous) press(previous.vote);

  voteForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const vote = event.submitter?.getAttribute('value') === 'down' ? 'down' : 'up';
    press(vote);
    void sender.send(voteForm.action, fields(vote));
    if (vote === 'up') {
      if (reasons) show(reasons, false);
      show(thanks, true);
      say(thanks.textContent ?? '');
      return;
    }
    if (!reasons) {
      // Compact: the no-JS anchor <i id="feedback-reasons-…"> makes way for the real step.
      reasons = createReasonsForm(itemId, voteForm.action);
      const anchor = root.querySelector('.fb-a');
      if (anchor) anchor.replaceWith(reasons);
      else thanks.before(reasons);
    }
    wireReasons(reasons);
    show(thanks, false);
    show(reasons, true);
    reasons.focus();
    say(TEXT.recordedNo);
  });

  function wireReasons(form: HTMLFormElement): void {
    if (form.dataset.wired) return;
    form.dataset.wired = '1';
    const comment = form.querySelector('textarea');
    const hint = comment && document.getElementById(comment.getAttribute('aria-describedby') ?? '');
    comment?.addEventListener('input', () => {
      if (hint) hint.textContent = `${COMMENT_MAX_LENGTH - comment.value.length} ${TEXT.charactersLeft}`;
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const data = new FormData(form);
      const reason = (data.get('reason') as FeedbackReason | null) || undefined;
      // The form has no file input, so the field is text (or missing).
      const text = (data.get('comment') as string | null)?.trim() || undefined;
      void sender.send(voteForm.action, { ...fields('down'), reason, comment: text });
      show(form, false);
      show(thanks, true);
      thanks.focus();
    });
  }
}

/** Wire every widget on the page and resend votes left over from earlier page views. */
export function initFeedbackWidgets(): void {
  const sender = createVoteSender(getStorage(), postWithFetch);
  void sender.flush();
  document.querySelectorAll<HTMLElement>('[data-fb]').forEach((root) => setUpWidget(root, sender));
}
