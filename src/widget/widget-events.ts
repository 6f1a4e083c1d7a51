/**
 * What the widget reports to the feedback endpoint, through the search-insights route and its
 * rules (site setting `searchInsights`, normalised queries, no visitor data): the widget's own
 * searches (channel "widget") and ticket-form deflection (channel "form"), one event per form
 * the customer started: the subject as typed, how many articles were suggested, the article
 * opened, and whether the form was submitted anyway.
 */
import { normalizeSearchQuery } from '../feedback/search-query.ts';
import { createUuid } from '../feedback/widget/uuid.ts';

export type EventChannel = 'widget' | 'form';

export interface WidgetEventBody {
  eventId: string;
  query: string;
  resultCount: number;
  opened: string | null;
  contact: boolean;
  channel: EventChannel;
  formSubmitted?: boolean;
  language: string;
  revision: string;
}

export interface EventTarget {
  endpoint: string;
  language: string;
  revision: string;
}

export type SendEvent = (url: string, body: string) => void;

export const sendBeacon: SendEvent = (url, body) => {
  try {
    if (!navigator.sendBeacon?.(url, body)) {
      void fetch(url, {
        method: 'POST',
        body,
        keepalive: true,
        credentials: 'omit',
        headers: { 'content-type': 'text/plain' },
      }).catch(() => {});
    }
  } catch {
    // Best effort, as search insights are.
  }
};

export interface DeflectionSession {
  /** The subject changed and `shown` articles were suggested for it. */
  suggested(subject: string, shown: number): void;
  /** The customer opened a suggested article (its help center path). */
  opened(path: string): void;
  /** The form was submitted: the event is sent with formSubmitted true, and a new session starts. */
  submitted(): void;
  /** The page is hidden or left: a started form that was not submitted is sent. */
  flush(): void;
}

/** One form's deflection events; nothing is sent for a form whose subject stayed empty. */
export function createDeflectionSession(
  target: EventTarget,
  send: SendEvent,
  createId = createUuid,
): DeflectionSession {
  let query = '';
  let shown = 0;
  let opened: string | null = null;
  const emit = (formSubmitted: boolean) => {
    if (!query) return;
    const body: WidgetEventBody = {
      eventId: createId(),
      query,
      resultCount: shown,
      opened: shown > 0 ? opened : null,
      contact: false,
      channel: 'form',
      formSubmitted,
      language: target.language,
      revision: target.revision,
    };
    send(target.endpoint, JSON.stringify(body));
    query = '';
    shown = 0;
    opened = null;
  };
  return {
    suggested(subject, count) {
      const q = normalizeSearchQuery(subject);
      if (!q) return;
      query = q;
      // "Saw an answer": the most suggestions shown while this form was filled in.
      shown = Math.max(shown, count);
    },
    opened(path) {
      if (query) opened = path.slice(0, 300);
    },
    submitted() {
      emit(true);
    },
    flush() {
      emit(false);
    },
  };
}
