import { afterEach, describe, expect, it } from 'vitest';
import { createBrowserHeaders } from '../../../../test/helpers/feedback/fixtures.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/feedback/test-app.ts';
import type { ContactChannel } from './contact-channel.ts';
import { getWebhookBody } from './contact-channel.ts';

const MESSAGE = {
  email: 'ana@example.com',
  name: 'Ana',
  message: 'My parcel shows "delivered" but it is not here.',
  language: 'de',
  page: '/orders/123',
  searches: ['paket nicht angekommen'],
  read: [{ title: 'Paket nicht erhalten', path: '/de/orders-shipping/missing-parcel/' }],
};

interface Received {
  url: string;
  headers: Headers;
  body: Record<string, unknown>;
}

/** A fake webhook receiver: what it got, answering `status` (or throwing when 0). */
function receiver(status = 200) {
  const received: Received[] = [];
  const fetchImpl = (async (url: string | URL | Request, init?: RequestInit) => {
    received.push({
      url: url instanceof Request ? url.url : url.toString(),
      headers: new Headers(init?.headers),
      body: JSON.parse(init?.body as string),
    });
    if (status === 0) throw new TypeError('fetch failed');
    return new Response('{}', { status });
  }) as typeof fetch;
  return { received, fetchImpl };
}

let t: TestApp;
afterEach(async () => {
  await t.cleanup();
});

async function setUp(
  channel: ContactChannel = { webhook: { url: 'https://hooks.example/in', format: 'json' } },
  status = 200,
) {
  const r = receiver(status);
  t = await createTestApp({ contact: { ...channel, fetch: r.fetchImpl } });
  return r;
}

const send = (body: unknown, headers: Record<string, string> = {}) =>
  t.request('/feedback/contact', {
    method: 'POST',
    headers: createBrowserHeaders({ 'content-type': 'application/json', ...headers }),
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('POST /feedback/contact', () => {
  it('forwards the message with its context to the webhook and answers 202, storing nothing', async () => {
    const { received } = await setUp();
    const res = await send(MESSAGE);
    expect(res.status).toBe(202);
    expect(received).toHaveLength(1);
    const body = received[0]!.body;
    expect(body).toMatchObject({
      type: 'helpdesk-kit.contact',
      email: 'ana@example.com',
      message: MESSAGE.message,
      searches: ['paket nicht angekommen'],
      read: [{ title: 'Paket nicht erhalten', url: 'https://help.example.com/de/orders-shipping/missing-parcel/' }],
      page: '/orders/123',
    });
    expect(body.text).toContain('Searched the help center for:\n- paket nicht angekommen');
    expect(await t.store.countVotes()).toBe(0);
    expect(await t.store.countSearchEvents()).toBe(0);
    expect(JSON.stringify(t.logger.lines)).not.toContain('ana@example.com');
  });

  it.each([
    ['no email', { ...MESSAGE, email: undefined }, 'email'],
    ['a bad email', { ...MESSAGE, email: 'not-an-address' }, 'email'],
    ['an empty message', { ...MESSAGE, message: '   ' }, 'message'],
    ['a message over 2000 characters', { ...MESSAGE, message: 'x'.repeat(2001) }, 'message'],
    ['11 searches', { ...MESSAGE, searches: Array(11).fill('q') }, 'searches'],
    ['a read page that is a full URL', { ...MESSAGE, read: [{ title: 'x', path: 'https://evil.example/' }] }, 'read'],
    ['an unknown field', { ...MESSAGE, phone: '123' }, 'phone'],
  ])('answers 400 with the reason for %s, and sends nothing', async (_what, body, field) => {
    const { received } = await setUp();
    const res = await send(body);
    expect(res.status).toBe(400);
    const answer = (await res.json()) as { error: { code: string; issues: string[] } };
    expect(answer.error.code).toBe('InvalidFeedback');
    expect(answer.error.issues.join('\n')).toContain(field);
    expect(received).toHaveLength(0);
  });

  it('takes a message at every cap in Japanese (over the votes’ 8 KiB), and 413 beyond its own 32 KiB', async () => {
    const { received } = await setUp();
    const long = {
      ...MESSAGE,
      message: '返'.repeat(2000),
      searches: Array(10).fill('検'.repeat(200)),
      read: Array(10).fill({ title: '題'.repeat(300), path: '/ja/account/reset-password/' }),
    };
    expect(new TextEncoder().encode(JSON.stringify(long)).length).toBeGreaterThan(8 * 1024);
    expect((await send(long)).status).toBe(202);
    expect(received).toHaveLength(1);
    expect((await send({ ...MESSAGE, website: 'x'.repeat(33 * 1024) })).status).toBe(413);
  });

  it('answers 400 to a body that is not JSON and 415 to a form', async () => {
    await setUp();
    expect((await send('{nope')).status).toBe(400);
    expect((await send('email=a', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
  });

  it('answers 403 to another origin without sending', async () => {
    const { received } = await setUp();
    expect((await send(MESSAGE, { origin: 'https://evil.example' })).status).toBe(403);
    expect(received).toHaveLength(0);
  });

  it('drops a filled honeypot silently: 202, nothing sent', async () => {
    const { received } = await setUp();
    expect((await send({ ...MESSAGE, website: 'http://spam.example' })).status).toBe(202);
    expect(received).toHaveLength(0);
  });

  it('answers 502 with what failed when the webhook fails or does not answer, and keeps nothing', async () => {
    await setUp(undefined, 500);
    const res = await send(MESSAGE);
    expect(res.status).toBe(502);
    const answer = (await res.json()) as { error: { code: string; issues: string[] } };
    expect(answer.error.code).toBe('ContactDeliveryFailed');
    expect(answer.error.issues).toEqual(['webhook: answered 500']);
    expect(t.logger.lines).toEqual([expect.objectContaining({ event: 'contact_delivery_failed', status: 500 })]);
    expect(JSON.stringify(t.logger.lines)).not.toContain('parcel');
    await t.cleanup();
    await setUp(undefined, 0);
    const silent = await send(MESSAGE);
    expect(silent.status).toBe(502);
    expect(((await silent.json()) as { error: { issues: string[] } }).error.issues).toEqual([
      'webhook: did not answer',
    ]);
  });

  it('limits one client to 5 messages in 10 minutes (429 with Retry-After)', async () => {
    const r = receiver();
    t = await createTestApp({
      contact: { webhook: { url: 'https://hooks.example/in', format: 'json' }, fetch: r.fetchImpl },
    });
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await send(MESSAGE)).status);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    expect(r.received).toHaveLength(5);
  });

  it('sends the email through the provider API with the reader as Reply-To', async () => {
    const { received } = await setUp({
      email: { to: 'support@parcelo.example', from: 'help@parcelo.example', provider: 'resend', apiKey: 're_123' },
    });
    expect((await send(MESSAGE)).status).toBe(202);
    expect(received[0]!.url).toBe('https://api.resend.com/emails');
    expect(received[0]!.headers.get('authorization')).toBe('Bearer re_123');
    expect(received[0]!.body).toMatchObject({ to: ['support@parcelo.example'], reply_to: 'ana@example.com' });
  });

  it('has no route when no channel is configured', async () => {
    t = await createTestApp();
    expect((await send(MESSAGE)).status).toBe(404);
  });
});

describe('webhook bodies of the ticket systems', () => {
  const m = {
    ...MESSAGE,
    read: [{ title: 'Paket <nicht> erhalten', url: 'https://help.example.com/de/x/' }],
    site: 'https://help.example.com',
    sentAt: '2026-03-01T12:00:00.000Z',
  };
  it('maps to a Zendesk ticket, a Freshdesk ticket (escaped HTML) and a Help Scout conversation', () => {
    expect(getWebhookBody(m, 'zendesk')).toMatchObject({
      ticket: {
        requester: { name: 'Ana', email: 'ana@example.com' },
        comment: { body: expect.stringContaining('Read:') },
      },
    });
    const freshdesk = getWebhookBody(m, 'freshdesk') as { description: string; email: string; status: number };
    expect(freshdesk).toMatchObject({ email: 'ana@example.com', status: 2 });
    expect(freshdesk.description).toContain('Paket &lt;nicht&gt; erhalten');
    expect(getWebhookBody(m, 'helpscout', 42)).toMatchObject({ mailboxId: 42, customer: { email: 'ana@example.com' } });
  });
});
