import { afterEach, describe, expect, it } from 'vitest';
import { createVoteBody } from '../../../test/helpers/feedback/fixtures.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/feedback/test-app.ts';
import { createTurnstileVerifier } from './turnstile.ts';

/** Cloudflare's published dummy tokens behave like this; the fake also remembers spent tokens. */
function createFakeSiteverify(options: { delayMs?: number } = {}) {
  const spent = new Set<string>();
  const calls: Array<{ url: string; secret: string | null; response: string | null }> = [];
  const fakeFetch = (async (url: string | URL | Request, init?: RequestInit) => {
    const form = new URLSearchParams(typeof init?.body === 'string' ? init.body : '');
    calls.push({
      url: url instanceof Request ? url.url : url.toString(),
      secret: form.get('secret'),
      response: form.get('response'),
    });
    if (options.delayMs) {
      await new Promise((resolve, reject) => {
        const timer = setTimeout(resolve, options.delayMs);
        init?.signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(init.signal!.reason as Error);
        });
      });
    }
    const token = form.get('response') ?? '';
    let answer: Record<string, unknown>;
    if (spent.has(token)) answer = { success: false, 'error-codes': ['timeout-or-duplicate'] };
    else if (token.startsWith('pass')) answer = { success: true, hostname: 'help.example.com', action: 'feedback' };
    else if (token.startsWith('wronghost')) answer = { success: true, hostname: 'evil.example', action: 'feedback' };
    else answer = { success: false, 'error-codes': ['invalid-input-response'] };
    spent.add(token);
    return new Response(JSON.stringify(answer), { headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { fetch: fakeFetch, calls };
}

describe('createTurnstileVerifier', () => {
  it('posts the secret and token to the injected siteverify URL and accepts a valid answer', async () => {
    const fake = createFakeSiteverify();
    const verifier = createTurnstileVerifier({
      secret: 'sec',
      siteverifyUrl: 'http://siteverify.test/verify',
      fetch: fake.fetch,
      expectedHostnames: ['help.example.com'],
      expectedAction: 'feedback',
    });
    expect(await verifier.verify('pass-1')).toBe(true);
    expect(fake.calls).toEqual([{ url: 'http://siteverify.test/verify', secret: 'sec', response: 'pass-1' }]);
  });

  it('fails closed: missing, too long, failing, wrong-host, replayed and timed-out tokens are all rejected', async () => {
    const fake = createFakeSiteverify();
    const verifier = createTurnstileVerifier({
      secret: 'sec',
      siteverifyUrl: 'http://siteverify.test/verify',
      fetch: fake.fetch,
      expectedHostnames: ['help.example.com'],
    });
    expect(await verifier.verify(undefined)).toBe(false);
    expect(await verifier.verify('x'.repeat(2049))).toBe(false);
    expect(await verifier.verify('fail-1')).toBe(false);
    expect(await verifier.verify('wronghost-1')).toBe(false);
    expect(await verifier.verify('pass-2')).toBe(true);
    expect(await verifier.verify('pass-2')).toBe(false);
    const slow = createTurnstileVerifier({
      secret: 'sec',
      siteverifyUrl: 'http://siteverify.test/verify',
      fetch: createFakeSiteverify({ delayMs: 5000 }).fetch,
      timeoutMs: 50,
    });
    expect(await slow.verify('pass-3')).toBe(false);
    const broken = createTurnstileVerifier({
      secret: 'sec',
      fetch: async () => new Response('<html>', { status: 502 }),
    });
    expect(await broken.verify('pass-4')).toBe(false);
  });
});

describe('Turnstile in the endpoint (checklist 8)', () => {
  let t: TestApp;
  afterEach(async () => {
    await t.cleanup();
  });

  it('rejects a comment whose token was already used, keeping that vote without its comment', async () => {
    const fake = createFakeSiteverify();
    t = await createTestApp({
      turnstile: createTurnstileVerifier({
        secret: 'sec',
        siteverifyUrl: 'http://siteverify.test/',
        fetch: fake.fetch,
      }),
    });
    const first = await t.post(createVoteBody({ vote: 'down', comment: 'Outdated', turnstileToken: 'pass-a' }), {
      address: '192.0.2.1',
    });
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ ok: true });
    const replay = await t.post(createVoteBody({ vote: 'down', comment: 'Spam', turnstileToken: 'pass-a' }), {
      address: '192.0.2.2',
    });
    expect(replay.status).toBe(202);
    expect(await replay.json()).toEqual({ ok: true, comment: 'rejected', code: 'ChallengeFailed' });
    expect((await t.store.listVotes()).map((v) => [v.vote, v.comment])).toEqual([
      ['down', 'Outdated'],
      ['down', null],
    ]);
    expect(t.counters.get('rejected.challenge')).toBe(1);
  });

  it('rejects comments while siteverify times out, and still accepts a plain vote meanwhile', async () => {
    const fake = createFakeSiteverify({ delayMs: 10_000 });
    t = await createTestApp({
      turnstile: createTurnstileVerifier({
        secret: 'sec',
        siteverifyUrl: 'http://siteverify.test/',
        fetch: fake.fetch,
        timeoutMs: 100,
      }),
    });
    const [comment, plain] = await Promise.all([
      t.post(createVoteBody({ vote: 'down', comment: 'hello', turnstileToken: 'pass-b' }), { address: '192.0.2.1' }),
      t.post(createVoteBody({ vote: 'up' }), { address: '192.0.2.2' }),
    ]);
    expect((await comment.json()).comment).toBe('rejected');
    expect(plain.status).toBe(202);
    expect((await t.store.listVotes()).map((v) => [v.vote, v.comment]).sort()).toEqual([
      ['down', null],
      ['up', null],
    ]);
    expect(fake.calls).toHaveLength(1);
  });

  it('drops a comment sent without any token when Turnstile is on', async () => {
    t = await createTestApp({
      turnstile: createTurnstileVerifier({ secret: 'sec', fetch: createFakeSiteverify().fetch }),
    });
    await t.post(createVoteBody({ vote: 'down', comment: 'no token' }));
    expect((await t.store.listVotes())[0]?.comment).toBeNull();
  });

  it('never calls siteverify when Turnstile is not configured', async () => {
    t = await createTestApp();
    expect((await t.post(createVoteBody({ vote: 'down', comment: 'no challenge needed' }))).status).toBe(202);
  });
});
