import { describe, expect, it } from 'vitest';
import { createDeflectionSession } from './widget-events.ts';

const target = { endpoint: 'https://fb.example/feedback/search', language: 'en', revision: 'abc1234' };
const start = () => {
  const sent: Array<Record<string, unknown>> = [];
  let n = 0;
  const session = createDeflectionSession(
    target,
    (_url, body) => sent.push(JSON.parse(body) as Record<string, unknown>),
    () => `id-${++n}`,
  );
  return { session, sent };
};

describe('ticket-form deflection events', () => {
  it('sends one event per started form: the subject, articles shown, article opened, submitted', () => {
    const { session, sent } = start();
    session.suggested('Card  DECLINED', 3);
    session.suggested('card declined at checkout', 0);
    session.opened('/troubleshooting/payment-declined/');
    session.submitted();
    expect(sent).toEqual([
      {
        eventId: 'id-1',
        query: 'card declined at checkout',
        resultCount: 3,
        opened: '/troubleshooting/payment-declined/',
        contact: false,
        channel: 'form',
        formSubmitted: true,
        language: 'en',
        revision: 'abc1234',
      },
    ]);
  });

  it('sends a started form that was left as not submitted, once, and nothing for an empty one', () => {
    const { session, sent } = start();
    session.flush();
    expect(sent).toEqual([]);
    session.suggested('refund 4111 1111 1111 1111', 2);
    session.flush();
    session.flush();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ query: 'refund [number]', formSubmitted: false, opened: null });
  });
});
