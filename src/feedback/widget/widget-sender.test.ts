import { describe, expect, it } from 'vitest';
import { createUuid, createVoteSender, type PostVote, type VotePayload } from './feedback-widget.ts';

function createMemoryStorage() {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), map };
}

function createFakeEndpoint(statuses: Array<number | 'offline'>) {
  const sent: VotePayload[] = [];
  const post: PostVote = async (_endpoint, body) => {
    const next = statuses.length > 1 ? statuses.shift()! : statuses[0]!;
    if (next === 'offline') throw new TypeError('Failed to fetch');
    sent.push(JSON.parse(body) as VotePayload);
    return next;
  };
  return { post, sent };
}

const fields = (vote: 'up' | 'down', extra: Partial<VotePayload> = {}) => ({
  itemId: 'article:reset-password',
  pagePath: '/account/reset-password/',
  vote,
  language: 'en',
  revision: 'unknown',
  website: '',
  ...extra,
});
const ENDPOINT = 'https://feedback.example.com/feedback';

describe("the widget's vote sender", () => {
  it('sends a vote with a fresh UUID and forgets it once the endpoint takes it', async () => {
    const storage = createMemoryStorage();
    const endpoint = createFakeEndpoint([202]);
    const sender = createVoteSender(storage, endpoint.post);
    expect(await sender.send(ENDPOINT, fields('up'))).toBe(true);
    expect(endpoint.sent[0]).toMatchObject({ itemId: 'article:reset-password', vote: 'up' });
    expect(endpoint.sent[0]!.eventId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(storage.map.get('hc-feedback-queue')!)).toEqual({});
    expect(sender.getVote('article:reset-password')).toEqual({ vote: 'up', eventId: endpoint.sent[0]!.eventId });
  });

  it('keeps a vote that fails to send and sends it again, with the same event id, on the next page view', async () => {
    const storage = createMemoryStorage();
    const offline = createFakeEndpoint(['offline']);
    expect(await createVoteSender(storage, offline.post).send(ENDPOINT, fields('down', { reason: 'incorrect' }))).toBe(
      false,
    );
    const queued = JSON.parse(storage.map.get('hc-feedback-queue')!);
    expect(queued['article:reset-password'].payload).toMatchObject({ vote: 'down', reason: 'incorrect' });

    const online = createFakeEndpoint([202]);
    await createVoteSender(storage, online.post).flush();
    expect(online.sent).toHaveLength(1);
    expect(online.sent[0]!.eventId).toBe(queued['article:reset-password'].payload.eventId);
    expect(JSON.parse(storage.map.get('hc-feedback-queue')!)).toEqual({});
  });

  it('keeps retrying after 5xx and 429 but drops a vote the endpoint rejects as invalid', async () => {
    const storage = createMemoryStorage();
    await createVoteSender(storage, createFakeEndpoint([503]).post).send(ENDPOINT, fields('up'));
    await createVoteSender(storage, createFakeEndpoint([429]).post).flush();
    expect(Object.keys(JSON.parse(storage.map.get('hc-feedback-queue')!))).toEqual(['article:reset-password']);
    await createVoteSender(storage, createFakeEndpoint([400]).post).flush();
    expect(JSON.parse(storage.map.get('hc-feedback-queue')!)).toEqual({});
  });

  it('gives up on a vote after 5 failed page views', async () => {
    const storage = createMemoryStorage();
    const down = createFakeEndpoint(['offline']);
    await createVoteSender(storage, down.post).send(ENDPOINT, fields('up'));
    for (let i = 0; i < 4; i++) await createVoteSender(storage, down.post).flush();
    expect(JSON.parse(storage.map.get('hc-feedback-queue')!)).toEqual({});
  });

  it('names the previous delivered vote in `replaces` when the reader changes their mind', async () => {
    const storage = createMemoryStorage();
    const endpoint = createFakeEndpoint([202]);
    const sender = createVoteSender(storage, endpoint.post);
    await sender.send(ENDPOINT, fields('up'));
    await sender.send(ENDPOINT, fields('down'));
    expect(endpoint.sent[1]!.replaces).toBe(endpoint.sent[0]!.eventId);
    expect(endpoint.sent[0]!.replaces).toBeUndefined();
  });

  it('carries over `replaces` from a queued vote that never arrived, instead of naming it', async () => {
    const storage = createMemoryStorage();
    const ok = createFakeEndpoint([202]);
    await createVoteSender(storage, ok.post).send(ENDPOINT, fields('up'));
    const offline = createFakeEndpoint(['offline']);
    await createVoteSender(storage, offline.post).send(ENDPOINT, fields('down'));
    const later = createFakeEndpoint([202]);
    await createVoteSender(storage, later.post).send(ENDPOINT, fields('down', { reason: 'other' }));
    expect(later.sent.at(-1)!.replaces).toBe(ok.sent[0]!.eventId);
  });

  it('still sends when storage is unavailable', async () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    const endpoint = createFakeEndpoint([202]);
    expect(await createVoteSender(broken, endpoint.post).send(ENDPOINT, fields('up'))).toBe(true);
  });

  it('makes RFC 4122 version 4 UUIDs', () => {
    expect(createUuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
